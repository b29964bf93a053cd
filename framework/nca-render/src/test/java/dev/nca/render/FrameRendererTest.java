package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FrameRendererTest {

    private static INDArray state(DataType type, int c, int h, int w, double... values) {
        return Nd4j.create(values, new long[] {c, h, w}, type);
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    /** Asserts that the {@code scale x scale} block of cell (cx, cy) is uniformly {@code expected}. */
    private static void assertBlock(BufferedImage img, int x0, int cx, int cy, int scale, int expected) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                assertThat(rgb(img, x0 + cx * scale + dx, cy * scale + dy))
                        .as("pixel of cell (%d,%d)", cx, cy).isEqualTo(expected);
            }
        }
    }

    @Test
    void grayscaleTwoByTwoUpscaledByThree() {
        FrameRenderer r = FrameRenderer.builder().colormap(Colormap.gray()).range(0, 1).scale(3).build();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            BufferedImage img = r.render(state(type, 1, 2, 2, 0, 0.25, 0.5, 1));
            assertThat(img.getWidth()).isEqualTo(6);
            assertThat(img.getHeight()).isEqualTo(6);
            assertBlock(img, 0, 0, 0, 3, 0x000000);
            assertBlock(img, 0, 1, 0, 3, 0x404040);   // round(0.25 * 255) = 64
            assertBlock(img, 0, 0, 1, 3, 0x808080);   // round(0.5 * 255) = 128
            assertBlock(img, 0, 1, 1, 3, 0xFFFFFF);
        }
    }

    @Test
    void autoRangeUsesTheChannelsFiniteMinAndMax() {
        FrameRenderer r = FrameRenderer.builder().colormap(Colormap.gray()).build();
        BufferedImage img = r.render(state(DataType.DOUBLE, 1, 2, 2, 2, 4, 6, 10));
        assertThat(new int[] {rgb(img, 0, 0), rgb(img, 1, 0), rgb(img, 0, 1), rgb(img, 1, 1)})
                .containsExactly(0x000000, 0x404040, 0x808080, 0xFFFFFF);
    }

    @Test
    void fixedRangeClipsAndNanShowsTheBadColour() {
        FrameRenderer r = FrameRenderer.builder().colormap(Colormap.gray()).range(-1, 1).build();
        BufferedImage img = r.render(state(DataType.DOUBLE, 1, 1, 3, -5, 0, Double.NaN));
        assertThat(rgb(img, 0, 0)).isEqualTo(0x000000);
        assertThat(rgb(img, 1, 0)).isEqualTo(0x808080);
        assertThat(rgb(img, 2, 0)).isEqualTo(0xFF00FF);
    }

    @Test
    void constantChannelWithAutoRangeMapsToTheLowEnd() {
        BufferedImage img = FrameRenderer.builder().build().render(state(DataType.FLOAT, 1, 1, 2, 3, 3));
        assertThat(rgb(img, 0, 0)).isEqualTo(0x440154).isEqualTo(rgb(img, 1, 0));
    }

    @Test
    void rgbaIsCompositedOverWhite() {
        // pixel 0: red at alpha 0.5; pixel 1: blue at alpha 0.25; pixel 2: transparent; pixel 3: clipped
        INDArray s = state(DataType.DOUBLE, 4, 1, 4,
                1, 0, 0, 2,        // R
                0, 0, 1, -1,       // G
                0, 1, 0, 0.2,      // B
                0.5, 0.25, 0, 3);  // A
        BufferedImage img = FrameRenderer.builder().build().render(s);
        assertThat(rgb(img, 0, 0)).isEqualTo(0xFF8080);   // (1, .5, .5): round(127.5) = 128
        assertThat(rgb(img, 1, 0)).isEqualTo(0xBFBFFF);   // (.75, .75, 1): round(191.25) = 191
        assertThat(rgb(img, 2, 0)).isEqualTo(0xFFFFFF);
        assertThat(rgb(img, 3, 0)).isEqualTo(0xFF0033);   // alpha 1, (1, 0, 0.2): 51 = 0x33
    }

    @Test
    void threeChannelsAreRgb() {
        BufferedImage img = FrameRenderer.builder().build().render(state(DataType.FLOAT, 3, 1, 1, 0.2, 0.4, 0.6));
        assertThat(rgb(img, 0, 0)).isEqualTo((51 << 16) | (102 << 8) | 153);
    }

    @Test
    void twoChannelsSideBySideWithGap() {
        FrameRenderer r = FrameRenderer.builder().colormap(Colormap.gray()).range(0, 1).scale(2).gap(3).build();
        BufferedImage img = r.render(state(DataType.DOUBLE, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1));
        assertThat(img.getWidth()).isEqualTo(2 * 4 + 3);
        assertThat(rgb(img, 3, 0)).isEqualTo(0x000000);
        assertThat(rgb(img, 4, 0)).isEqualTo(0xFFFFFF);   // gap (white background)
        assertThat(rgb(img, 6, 3)).isEqualTo(0xFFFFFF);
        assertThat(rgb(img, 7, 0)).isEqualTo(0xFFFFFF);   // second panel starts at 4 + 3
        assertThat(FrameRenderer.builder().background(0x00FF00).gap(1).colormap(Colormap.gray()).range(0, 1).build()
                .render(state(DataType.DOUBLE, 2, 1, 1, 0, 0)).getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x00FF00);
    }

    @Test
    void singleChannelShowsOnlyThatChannel() {
        FrameRenderer r = FrameRenderer.builder().colormap(Colormap.gray()).range(0, 1).singleChannel(1).build();
        BufferedImage img = r.render(state(DataType.DOUBLE, 2, 1, 1, 0, 1));
        assertThat(img.getWidth()).isEqualTo(1);
        assertThat(rgb(img, 0, 0)).isEqualTo(0xFFFFFF);
    }

    @Test
    void hiddenChannelsAreJointlyNormalisedTriplets() {
        // 2 observable + 4 hidden channels on a 1x4 lattice: triplet (2,3,4) and (5, -, -)
        INDArray s = state(DataType.DOUBLE, 6, 1, 4,
                0, 0, 0, 0,      // observable 0
                0, 0, 0, 0,      // observable 1
                0, 0, 0, 4,      // hidden 2: the triplet's min is 0 and its max is 4
                1, 1, 1, 1,      // hidden 3: constant 1 -> 0.25 of the joint range (not 0)
                2, 2, 2, 2,      // hidden 4: constant 2 -> 0.5
                5, 7, 9, 5);     // hidden 5: alone in its triplet: min 5, max 9
        FrameRenderer r = FrameRenderer.builder().observableChannels(2).gap(1).build();
        BufferedImage img = r.render(s);
        assertThat(img.getWidth()).isEqualTo(4 * 4 + 3);
        int t1 = 2 * 5;
        int t2 = 3 * 5;
        assertThat(rgb(img, t1, 0)).isEqualTo((0 << 16) | (64 << 8) | 128);
        assertThat(rgb(img, t1 + 3, 0)).isEqualTo((255 << 16) | (64 << 8) | 128);
        assertThat(rgb(img, t2, 0)).isEqualTo(0x000000);
        assertThat(rgb(img, t2 + 1, 0)).isEqualTo(128 << 16);
        assertThat(rgb(img, t2 + 2, 0)).isEqualTo(255 << 16);
        BufferedImage noHidden = FrameRenderer.builder().observableChannels(2).gap(1).showHidden(false).build()
                .render(s);
        assertThat(noHidden.getWidth()).isEqualTo(2 * 4 + 1);
    }

    @Test
    void renderAllSlicesTheTimeAxis() {
        INDArray states = Nd4j.create(new double[] {0, 1, 1, 0}, new long[] {2, 1, 1, 2}, DataType.DOUBLE);
        List<BufferedImage> frames = FrameRenderer.builder().colormap(Colormap.gray()).range(0, 1).build()
                .renderAll(states);
        assertThat(frames).hasSize(2);
        assertThat(rgb(frames.get(1), 0, 0)).isEqualTo(0xFFFFFF);
        assertThat(rgb(frames.get(1), 1, 0)).isEqualTo(0x000000);
    }

    @Test
    void rejectsShapesThatDoNotFit() {
        FrameRenderer all = FrameRenderer.builder().build();
        assertThatThrownBy(() -> all.render(Nd4j.zeros(DataType.FLOAT, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[C, S, S]");
        assertThatThrownBy(() -> all.render(Nd4j.zeros(DataType.INT, 1, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floating-point");
        assertThatThrownBy(() -> FrameRenderer.builder().observableChannels(3).build()
                .render(Nd4j.zeros(DataType.FLOAT, 2, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 observable");
        assertThatThrownBy(() -> FrameRenderer.builder().layout(FrameRenderer.Layout.RGBA).build()
                .render(Nd4j.zeros(DataType.FLOAT, 3, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly 4");
        assertThatThrownBy(() -> FrameRenderer.builder().singleChannel(2).build()
                .render(Nd4j.zeros(DataType.FLOAT, 2, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel 2");
        assertThatThrownBy(() -> FrameRenderer.builder().scale(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameRenderer.builder().range(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
