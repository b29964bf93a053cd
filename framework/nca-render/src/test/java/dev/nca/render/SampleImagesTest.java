package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Renders one example of every picture type, end to end, into a temporary directory, or into
 * the directory named by the system property {@code render.samples.dir} so a person can look at
 * them ({@code mvn ... test -Drender.samples.dir=/tmp/render-samples}).
 */
class SampleImagesTest {

    @TempDir
    Path temp;

    @Test
    void rendersEveryKindOfPicture() throws Exception {
        String dirProp = System.getProperty("render.samples.dir");
        Path dir = dirProp == null || dirProp.isBlank() ? temp : Path.of(dirProp);
        int s = 48;

        FrameRenderer frames = FrameRenderer.builder().observableChannels(2).scale(4).build();
        INDArray state = spots(s, 8, 0.0);
        Images.writePng(frames.render(state), dir.resolve("state-hidden.png"));

        FrameRenderer single = FrameRenderer.builder().observableChannels(2).singleChannel(1).scale(3)
                .range(0, 0.5).showHidden(false).build();
        List<BufferedImage> model = new ArrayList<>();
        List<BufferedImage> truth = new ArrayList<>();
        List<BufferedImage> anim = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            model.add(single.render(spots(s, 2, t * 0.35 + 0.05)));
            truth.add(single.render(spots(s, 2, t * 0.35)));
        }
        for (int t = 0; t < 12; t++) {
            anim.add(single.render(spots(s, 2, t * 0.15)));
            labels.add("step " + (t * 32));
        }
        Images.writePng(Montage.comparison(model, truth, Montage.stepLabels(0, 256, 512, 768, 1024)),
                dir.resolve("comparison.png"));
        Images.writePng(Montage.builder().title("Gray-Scott B over time").columnLabels(
                Montage.stepLabels(0, 256, 512, 768, 1024)).row("", truth).build().render(), dir.resolve("strip.png"));
        GifWriter.builder().delayMillis(120).build().write(anim, labels, dir.resolve("trajectory.gif"));
        List<BufferedImage> back = GifWriterTest.readFrames(dir.resolve("trajectory.gif"));
        assertThat(back).hasSize(anim.size());
        Images.writePng(back.get(3), dir.resolve("trajectory-frame3.png"));

        FrameRenderer rgba = FrameRenderer.builder().scale(4).build();
        Images.writePng(rgba.render(rgbaDisc(s)), dir.resolve("rgba-over-white.png"));

        int epochs = 800;
        double[] loss = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            loss[e] = 3.0 * Math.exp(-e / 90.0) + 2e-4 * (1 + 0.3 * Math.sin(e / 7.0)) + 1e-4;
        }
        loss[400] = Double.NaN;
        Images.writePng(LossPlot.builder().title("gray-scott-maze: training loss")
                .series("train", loss).horizontalLine("do-nothing", 0.8).build().render(), dir.resolve("loss.png"));
        Images.writePng(LossPlot.builder().title("linear, one point").series("train", new double[] {0.42})
                .size(400, 260).build().render(), dir.resolve("loss-one-point.png"));

        // the same comparison as a machine without usable fonts would draw it
        BufferedImage img = new BufferedImage(200, 40, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 200, 40);
        TextPainter bitmap = new TextPainter(14, () -> {
            throw new IllegalStateException("no fonts (simulated)");
        });
        bitmap.draw(g, "NCA truth step 1024 (0.5%)", 4, 24, java.awt.Color.BLACK);
        g.dispose();
        Images.writePng(img, dir.resolve("bitmap-font.png"));

        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(dir.resolve("loss.png")).isNotEmptyFile();
        assertThat(GraphicsEnvironment.isHeadless()).as("tests run headless, as the CLI does").isTrue();
    }

    /** A smooth test pattern: channel k is a product of sines with phase {@code phase}. */
    static INDArray spots(int s, int channels, double phase) {
        double[] v = new double[channels * s * s];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double a = Math.sin((x + 3 * c) * (0.25 + 0.03 * c) + phase) * Math.cos(y * 0.21 - phase);
                    v[(c * s + y) * s + x] = c == 1 ? 0.25 + 0.25 * a : a * (c + 1);
                }
            }
        }
        return Nd4j.create(v, new long[] {channels, s, s}, DataType.FLOAT);
    }

    /** A red disc fading out to transparent, over a blue-to-green gradient. */
    static INDArray rgbaDisc(int s) {
        double[] v = new double[4 * s * s];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                double r = Math.hypot(x - s / 2.0, y - s / 2.0) / (s / 2.0);
                int i = y * s + x;
                v[i] = 1 - x / (double) s;
                v[s * s + i] = 0.2 + 0.6 * y / s;
                v[2 * s * s + i] = x / (double) s;
                v[3 * s * s + i] = Math.max(0, 1 - r);
            }
        }
        return Nd4j.create(v, new long[] {4, s, s}, DataType.DOUBLE);
    }
}
