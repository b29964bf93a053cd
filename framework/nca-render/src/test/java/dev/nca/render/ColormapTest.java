package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColormapTest {

    @Test
    void grayMapsToRoundedLevels() {
        Colormap gray = Colormap.gray();
        assertThat(gray.rgb(0)).isEqualTo(0x000000);
        assertThat(gray.rgb(1)).isEqualTo(0xFFFFFF);
        assertThat(gray.rgb(0.5)).isEqualTo(0x808080);      // round(127.5) = 128
        assertThat(gray.rgb(0.25)).isEqualTo(0x404040);     // round(63.75) = 64
        assertThat(gray.rgb(-3)).isEqualTo(0x000000);
        assertThat(gray.rgb(7)).isEqualTo(0xFFFFFF);
    }

    @Test
    void viridisIsMatplotlibsTable() {
        Colormap v = Colormap.viridis();
        // matplotlib 3.6.3: [matplotlib.colors.to_hex(viridis(i)) for i in (0, 64, 128, 192, 255)]
        assertThat(v.rgb(0)).isEqualTo(0x440154);
        assertThat(v.rgb(64 / 255.0)).isEqualTo(0x3B528B);
        assertThat(v.rgb(0.5)).isEqualTo(0x21918C);     // entry round(127.5) = 128
        assertThat(v.rgb(192 / 255.0)).isEqualTo(0x5EC962);
        assertThat(v.rgb(1)).isEqualTo(0xFDE725);
        assertThat(v.rgb(Double.NEGATIVE_INFINITY)).isEqualTo(0x440154);
        assertThat(v.rgb(Double.POSITIVE_INFINITY)).isEqualTo(0xFDE725);
    }

    @Test
    void viridisLightnessIncreasesMonotonically() {
        Colormap v = Colormap.viridis();
        double[] luma = new double[Colormap.SIZE];
        for (int i = 0; i < Colormap.SIZE; i++) {
            int c = v.rgb(i / 255.0);
            luma[i] = 0.2126 * linear(c >> 16) + 0.7152 * linear(c >> 8) + 0.0722 * linear(c);
        }
        for (int i = 1; i < Colormap.SIZE; i++) {
            // neighbouring entries may dip by less than one 8-bit step of one channel (rounding)
            assertThat(luma[i]).as("luminance at entry %d", i).isGreaterThan(luma[i - 1] - 5e-4);
        }
        for (int i = 8; i < Colormap.SIZE; i += 8) {
            assertThat(luma[i]).as("luminance at entry %d vs %d", i, i - 8).isGreaterThan(luma[i - 8]);
        }
        assertThat(luma[255] - luma[0]).isGreaterThan(0.7);
    }

    @Test
    void interpolatesBetweenAnchorsInSrgb() {
        Colormap two = Colormap.fromAnchors("test", new double[] {0, 1}, new int[] {0x000000, 0xFF0064});
        // entry 51 of 255 is t = 0.2: red 0.2 * 255 = 51, blue 0.2 * 100 = 20
        assertThat(two.rgb(0.2)).isEqualTo((51 << 16) | 20);
    }

    @Test
    void nanGivesTheBadColour() {
        assertThat(Colormap.viridis().rgb(Double.NaN)).isEqualTo(0xFF00FF);
        assertThat(Colormap.gray().withBadColor(0x123456).rgb(Double.NaN)).isEqualTo(0x123456);
    }

    @Test
    void namedRejectsUnknownNamesListingTheAllowedOnes() {
        assertThat(Colormap.named("GREY").rgb(1)).isEqualTo(0xFFFFFF);
        assertThatThrownBy(() -> Colormap.named("jet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jet'").hasMessageContaining("gray").hasMessageContaining("viridis");
    }

    @Test
    void rejectsBadAnchors() {
        assertThatThrownBy(() -> Colormap.fromAnchors("x", new double[] {0, 0.7, 0.5, 1}, new int[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> Colormap.fromAnchors("x", new double[] {0.1, 1}, new int[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start at 0");
    }

    private static double linear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
