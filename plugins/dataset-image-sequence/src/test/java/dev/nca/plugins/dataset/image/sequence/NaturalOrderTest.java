package dev.nca.plugins.dataset.image.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void digitRunsCompareAsNumbers() {
        List<String> names = new ArrayList<>(List.of("frame10.png", "frame2.png", "Frame3.png", "frame1.png",
                "frame02.png", "frame.png", "a100b2.png", "a100b10.png", "a99.png", "10.png", "9.png"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("9.png", "10.png", "a99.png", "a100b2.png", "a100b10.png", "frame.png",
                "frame1.png", "frame02.png", "frame2.png", "Frame3.png", "frame10.png");
    }

    @Test
    void hugeNumbersAndTiesAreOrderedConsistently() {
        List<String> names = new ArrayList<>(List.of("x123456789012345678901234567890", "x99", "X7", "x7", "x007"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("X7", "x007", "x7", "x99", "x123456789012345678901234567890");
    }
}
