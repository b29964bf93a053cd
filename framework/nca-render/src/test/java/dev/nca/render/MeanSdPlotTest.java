package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MeanSdPlotTest {

    @Test
    void meansAndSampleDeviationsPerXAsWorkedByHand() {
        MeanSdPlot plot = new MeanSdPlot("t", "x", "y")
                .add(4, 1).add(4, 2).add(4, 3).add(4, 4)
                .add(1, 7)
                .add(2, 5).add(2, Double.NaN).add(2, 9);

        // x sorted: 1, 2, 4; at 2 the NaN is left out
        assertThat(plot.means()).containsExactly(7, 7, 2.5);
        // (1.5^2 + 0.5^2 + 0.5^2 + 1.5^2) / 3 = 5/3; (2^2 + 2^2) / 1 = 8
        assertThat(plot.deviations()[0]).isZero();
        assertThat(plot.deviations()[1]).isCloseTo(Math.sqrt(8), within(1e-12));
        assertThat(plot.deviations()[2]).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    }

    @Test
    void rendersWithLogAxesNoDataAndNegativeValues() {
        BufferedImage wide = new MeanSdPlot("loss", "t", "loss").add(1, 1e-4).add(64, 1).add(64, 2).render();
        BufferedImage empty = new MeanSdPlot("", "x", "").add(1, Double.POSITIVE_INFINITY).render();
        BufferedImage negative = new MeanSdPlot("d", "xi", "d").add(0, -1).add(0.5, 1).add(0.5, -3).render();

        for (BufferedImage image : new BufferedImage[] {wide, empty, negative}) {
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(400);
            assertThat(image.getRGB(0, 0)).isEqualTo(0xFFFFFFFF);
        }
        // the mean line is drawn somewhere in the plot
        boolean blue = false;
        for (int y = 0; y < 400 && !blue; y++) {
            for (int x = 0; x < 640 && !blue; x++) {
                blue = wide.getRGB(x, y) == 0xFF2A6FDB;
            }
        }
        assertThat(blue).isTrue();
    }
}
