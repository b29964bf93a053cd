package dev.nca.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.core.train.EpochResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private static EpochResult epoch(int index, double loss) {
        return new EpochResult(index, loss, new double[] {loss}, 0.01, Double.NaN, 1.0, 1e-3);
    }

    @Test
    void aFreshRunFillsTheBarAndEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter p = new ProgressReporter(0, 4, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (int e = 0; e < 4; e++) {
            p.update(epoch(e, 10 - e));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("[" + "=".repeat(15) + " ".repeat(15) + "] epoch 2/4  loss 9.000  lowest 9.000")
                .contains("[" + "=".repeat(30) + "] epoch 4/4  loss 7.000  lowest 7.000").endsWith(System.lineSeparator());
    }

    /** A resumed run numbers epochs on from the checkpoint; its bar covers only the epochs it trains. */
    @Test
    void aResumedRunCountsOnFromItsFirstEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter p = new ProgressReporter(4000, 6000, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.update(epoch(4999, 1.0));
        p.update(epoch(5999, 0.5));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("[" + "=".repeat(15) + " ".repeat(15) + "] epoch 5000/6000")
                .contains("[" + "=".repeat(30) + "] epoch 6000/6000  loss 0.5000  lowest 0.5000")
                .doesNotContain("eta -");
    }

    @Test
    void rejectsAnEmptyRun() {
        assertThatThrownBy(() -> new ProgressReporter(5, 5, false, System.err))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
