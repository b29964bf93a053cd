package dev.nca.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {

    @TempDir
    Path dir;

    private static Map<String, Object> result(double finalLoss, double error64) {
        return Map.of("epochs", 10, "seconds", 1.5, "final_loss", finalLoss, "best_loss", finalLoss / 2,
                "do_nothing_loss", 3.0, "evaluation", Map.of("at", List.of(
                        Map.of("step", 32, "error", 1.0, "relative_error", 0.1),
                        Map.of("step", 64, "error", error64, "relative_error", error64 / 10))));
    }

    @Test
    void tabulatesEveryPointAndPlotsEachMetricAgainstTheAxis() throws Exception {
        SweepFolder folder = SweepFolderTest.prepare(dir, SweepFolderTest.SWEEP, dir.resolve("s"));
        folder.writeState("t-8_seed-1", new PointState(PointState.DONE, 1, "h", null, result(1.0, 2.0)));
        folder.writeState("t-8_seed-2", new PointState(PointState.DONE, 1, "h", null, result(3.0, 4.0)));
        folder.writeState("t-16_seed-1", new PointState(PointState.FAILED, 1, "h", "diverged", null));

        List<Path> files = new SweepReport(folder).write();

        List<String> csv = Files.readAllLines(dir.resolve("s/report/table.csv"));
        assertThat(csv).containsExactly(
                "point,t,seed,state,epochs,seconds,final_loss,best_loss,do_nothing_loss,error_at_32,"
                        + "relative_error_at_32,error_at_64,relative_error_at_64",
                "t-8_seed-1,8,1,done,10,1.5,1.0,0.5,3.0,1.0,0.1,2.0,0.2",
                "t-8_seed-2,8,2,done,10,1.5,3.0,1.5,3.0,1.0,0.1,4.0,0.4",
                "t-16_seed-1,16,1,failed,,,,,,,,,",
                "t-16_seed-2,16,2,missing,,,,,,,,,");
        assertThat(Files.readAllLines(dir.resolve("s/report/table.jsonl"))).hasSize(4)
                .element(2).asString().isEqualTo("{\"point\":\"t-16_seed-1\",\"t\":16,\"seed\":1,\"state\":\"failed\"}");
        assertThat(files).contains(dir.resolve("s/report/final_loss-vs-t.png"),
                dir.resolve("s/report/error_at_64-vs-t.png"), dir.resolve("s/report/relative_error_at_32-vs-t.png"));
        assertThat(ImageIO.read(dir.resolve("s/report/final_loss-vs-t.png").toFile()).getWidth()).isEqualTo(640);
    }
}
