package dev.nca.plugins.dataset.image.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.NcaException;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.support.image.TestPngs;
import dev.nca.testkit.DatasetContract;
import dev.nca.testkit.NdValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class ImageSequenceDatasetTest extends DatasetContract {

    @TempDir
    Path dir;

    private Path train;
    private Path heldOut;

    /** Red, green and blue frames (4x4, opaque) named so that only natural order gets them right. */
    @BeforeEach
    void writeFolders() throws IOException {
        train = Files.createDirectory(dir.resolve("train"));
        TestPngs.writeUniform(train.resolve("frame10.png"), 4, TestPngs.argb(255, 0, 0, 255));
        TestPngs.writeUniform(train.resolve("frame2.png"), 4, TestPngs.argb(255, 0, 255, 0));
        TestPngs.writeUniform(train.resolve("frame1.png"), 4, TestPngs.argb(255, 255, 0, 0));
        Files.writeString(train.resolve("README.txt"), "not a frame");
        Files.createDirectory(train.resolve("sub.png"));
        heldOut = Files.createDirectory(dir.resolve("held-out"));
        for (int t = 0; t < 3; t++) {
            TestPngs.writeUniform(heldOut.resolve("f" + t + ".PNG"), 4, TestPngs.argb(255, 50 * t, 60, 70));
        }
    }

    @Override
    protected Dataset dataset() {
        return new ImageSequenceDataset();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("path", train.toString(), "held_out_path", heldOut.toString());
    }

    private Trajectories generate(Map<String, Object> params, Split split, OptionalInt frames) {
        Params p = Params.validate(dataset().parameters(), params, "test.toml [data.params]");
        return dataset().generate(p, new DataRequest(split, new RandomSource(1), DataType.DOUBLE, frames));
    }

    private Trajectories generate(Map<String, Object> params) {
        return generate(params, Split.TRAIN, OptionalInt.empty());
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void pngFolderIsOneTrajectoryInNaturalOrder() {
        Trajectories t = generate(Map.of("path", train.toString()));
        assertThat(t.frames().shape()).containsExactly(1, 3, 4, 4, 4);
        assertThat(t.channelNames()).containsExactly("r", "g", "b", "a");
        assertThat(t.frameSpacing()).isEqualTo(32);
        assertThat(t.boundary()).contains(Boundary.ZERO);
        assertThat(t.valueMin()).isEqualTo(0.0);
        assertThat(t.valueMax()).isEqualTo(1.0);
        // frame1 red, frame2 green, frame10 blue
        for (int f = 0; f < 3; f++) {
            for (int c = 0; c < 3; c++) {
                assertThat(t.frames().getDouble(0, f, c, 2, 1)).as("frame %d channel %d", f, c).isEqualTo(c == f ? 1.0 : 0.0);
            }
            assertThat(t.frames().getDouble(0, f, 3, 0, 0)).isEqualTo(1.0);
        }
    }

    @Test
    void channelsArePremultipliedRgbaRgbOrGrayLuma() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("one"));
        TestPngs.writeArgb(folder.resolve("a.png"), new int[][] {{TestPngs.argb(128, 200, 100, 50)}});
        double a = 128 / 255.0;
        double r = 200 / 255.0 * a;
        double g = 100 / 255.0 * a;
        double b = 50 / 255.0 * a;
        Map<String, Object> p = Map.of("path", folder.toString());
        assertThat(NdValues.of(generate(p).frames())).containsExactly(new double[] {r, g, b, a}, within(1e-15));
        Trajectories rgb = generate(with(p, "channels", "rgb"));
        assertThat(rgb.channelNames()).containsExactly("r", "g", "b");
        assertThat(NdValues.of(rgb.frames())).containsExactly(new double[] {r, g, b}, within(1e-15));
        Trajectories gray = generate(with(p, "channels", "gray"));
        assertThat(gray.channelNames()).containsExactly("gray");
        assertThat(NdValues.of(gray.frames())).containsExactly(new double[] {0.299 * r + 0.587 * g + 0.114 * b},
                within(1e-15));
    }

    @Test
    void framesAreResizedOnRequest() throws IOException {
        // gray values 0, 16, ..., 240 (opaque) on a 4x4 frame -> 2x2 block means with area averaging
        Path folder = Files.createDirectory(dir.resolve("ramp"));
        int[][] px = new int[4][4];
        for (int i = 0; i < 16; i++) {
            int v = 16 * i;
            px[i / 4][i % 4] = TestPngs.argb(255, v, v, v);
        }
        TestPngs.writeArgb(folder.resolve("0.png"), px);
        Trajectories t = generate(Map.of("path", folder.toString(), "channels", "gray", "image_size", 2L));
        double[] expected = {(0 + 16 + 64 + 80) / 4.0 / 255, (32 + 48 + 96 + 112) / 4.0 / 255,
                (128 + 144 + 192 + 208) / 4.0 / 255, (160 + 176 + 224 + 240) / 4.0 / 255};
        assertThat(NdValues.of(t.frames())).containsExactly(expected, within(1e-12));

        // 2x2 -> 4x4 bilinear: weights (1, 0), (3/4, 1/4), (1/4, 3/4), (0, 1) along each axis
        Path small = Files.createDirectory(dir.resolve("small"));
        TestPngs.writeArgb(small.resolve("0.png"), new int[][] {
                {TestPngs.argb(255, 0, 0, 0), TestPngs.argb(255, 40, 40, 40)},
                {TestPngs.argb(255, 80, 80, 80), TestPngs.argb(255, 120, 120, 120)}});
        Trajectories big = generate(Map.of("path", small.toString(), "channels", "gray", "image_size", 4L,
                "resample", "bilinear"));
        double[] want = {0, 10, 30, 40, 20, 30, 50, 60, 60, 70, 90, 100, 80, 90, 110, 120};
        for (int i = 0; i < 16; i++) {
            want[i] /= 255;
        }
        assertThat(NdValues.of(big.frames())).containsExactly(want, within(1e-12));
    }

    @Test
    void npyArraysOfRankFourAndFiveAreReadAsStored() {
        double[] v = new double[3 * 2 * 2 * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.25 - 1;
        }
        Path f4 = TestFiles.npy(dir.resolve("one.npy"), "<f4", false, new long[] {3, 2, 2, 2}, v);
        Trajectories t = generate(Map.of("path", f4.toString()));
        assertThat(t.frames().shape()).containsExactly(1, 3, 2, 2, 2);
        assertThat(t.channelNames()).containsExactly("c0", "c1");
        assertThat(NdValues.of(t.frames())).containsExactly(v, within(0.0));
        assertThat(t.valueMin()).isEqualTo(-1.0);
        assertThat(t.valueMax()).isEqualTo(4.75);

        double[] w = new double[2 * 3 * 1 * 3 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sin(i) / 3;
        }
        Path f8 = TestFiles.npy(dir.resolve("many.npy"), "<f8", false, new long[] {2, 3, 1, 3, 3}, w);
        Trajectories many = generate(Map.of("path", f8.toString()));
        assertThat(many.frames().shape()).containsExactly(2, 3, 1, 3, 3);
        assertThat(NdValues.of(many.frames())).containsExactly(w, within(0.0));
        assertThat(many.frames().getDouble(1, 2, 0, 1, 0)).isEqualTo(w[((1 * 3 + 2) * 3 + 1) * 3]);
    }

    @Test
    void minMaxScalingUsesTheTrainingRangeForBothSplits() {
        // channel 0 spans [2, 6], channel 1 is constant 5
        double[] trainValues = {2, 4, 6, 6, 5, 5, 5, 5, 3, 3, 3, 3, 5, 5, 5, 5};
        Path trainFile = TestFiles.npy(dir.resolve("train.npy"), "<f8", false, new long[] {2, 2, 2, 2}, trainValues);
        double[] heldValues = {4, 8, 2, 2, 1, 1, 1, 1};
        Path heldFile = TestFiles.npy(dir.resolve("held.npy"), "<f8", false, new long[] {1, 2, 2, 2}, heldValues);
        Map<String, Object> p = Map.of("path", trainFile.toString(), "held_out_path", heldFile.toString(),
                "scale", "minmax");
        Trajectories t = generate(p);
        assertThat(NdValues.of(t.frames())).containsExactly(
                new double[] {0, 0.5, 1, 1, 0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0}, within(1e-15));
        assertThat(t.valueMin()).isEqualTo(0.0);
        assertThat(t.valueMax()).isEqualTo(1.0);
        Trajectories h = generate(p, Split.HELD_OUT, OptionalInt.empty());
        assertThat(NdValues.of(h.frames())).containsExactly(new double[] {0.5, 1.5, 0, 0, 0, 0, 0, 0}, within(1e-15));
    }

    @Test
    void frameRequestsTruncateAndCannotExtend() {
        Map<String, Object> p = Map.of("path", train.toString());
        Trajectories two = generate(p, Split.TRAIN, OptionalInt.of(2));
        assertThat(two.length()).isEqualTo(2);
        assertThat(NdValues.of(two.frame(0, 1))).containsExactly(NdValues.of(generate(p).frame(0, 1)));
        assertThatThrownBy(() -> generate(p, Split.TRAIN, OptionalInt.of(5)))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(train.toString())
                .hasMessageContaining("5 frames were requested")
                .hasMessageContaining("has 3 frames");
    }

    @Test
    void heldOutWithoutHeldOutPathIsExplained() {
        assertThatThrownBy(() -> generate(Map.of("path", train.toString()), Split.HELD_OUT, OptionalInt.empty()))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("no held-out data")
                .hasMessageContaining("held_out_path");
    }

    @Test
    void mismatchedFrameSizesNameBothFiles() {
        Path odd = TestPngs.writeUniform(train.resolve("frame3.png"), 5, TestPngs.argb(255, 1, 1, 1));
        assertThatThrownBy(() -> generate(Map.of("path", train.toString())))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(odd.toString()).hasMessageContaining("5x5")
                .hasMessageContaining(train.resolve("frame1.png").toString()).hasMessageContaining("4x4");
    }

    @Test
    void nonSquareFramesAreRejected() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("wide"));
        Path wide = TestPngs.writeArgb(folder.resolve("0.png"), new int[2][3]);
        assertThatThrownBy(() -> generate(Map.of("path", folder.toString())))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(wide.toString()).hasMessageContaining("3 pixels wide and 2 high");
        Path npy = TestFiles.npy(dir.resolve("wide.npy"), "<f4", false, new long[] {2, 1, 2, 3}, new double[12]);
        assertThatThrownBy(() -> generate(Map.of("path", npy.toString())))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(npy.toString()).hasMessageContaining("square");
    }

    @Test
    void emptyFolderIsRejected() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> generate(Map.of("path", empty.toString())))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("no .png files");
    }

    @Test
    void corruptPngIsRejectedNamingTheFile() throws IOException {
        Path bad = Files.write(train.resolve("frame4.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
        assertThatThrownBy(() -> generate(Map.of("path", train.toString())))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(bad.toString());
    }

    @Test
    void unsupportedNpyFilesAreRejectedNamingTheFile() throws IOException {
        Path complex = TestFiles.npy(dir.resolve("complex.npy"), "<c16", false, new long[] {2, 1, 2, 2},
                new double[16]);
        assertThatThrownBy(() -> generate(Map.of("path", complex.toString())))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(complex.toString()).hasMessageContaining("dtype '<c16'")
                .hasMessageContaining("supported dtypes are");
        Path big = TestFiles.npy(dir.resolve("big.npy"), ">f8", false, new long[] {2, 1, 2, 2}, new double[8]);
        assertThatThrownBy(() -> generate(Map.of("path", big.toString())))
                .isInstanceOf(NcaException.class).hasMessageContaining(big.toString()).hasMessageContaining("'>f8'");
        Path fortran = TestFiles.npy(dir.resolve("fortran.npy"), "<f8", true, new long[] {2, 1, 2, 2}, new double[8]);
        assertThatThrownBy(() -> generate(Map.of("path", fortran.toString())))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(fortran.toString()).hasMessageContaining("Fortran");
        Path flat = TestFiles.npy(dir.resolve("flat.npy"), "<f4", false, new long[] {2, 2, 2}, new double[8]);
        assertThatThrownBy(() -> generate(Map.of("path", flat.toString())))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(flat.toString()).hasMessageContaining("shape (2, 2, 2) (rank 3)")
                .hasMessageContaining("[T, C, H, W]");
        Path vector = TestFiles.npy(dir.resolve("vector.npy"), "<f4", false, new long[] {4}, new double[4]);
        assertThatThrownBy(() -> generate(Map.of("path", vector.toString())))
                .isInstanceOf(NcaException.class).hasMessageContaining("shape (4,) (rank 1)");
        byte[] whole = Files.readAllBytes(TestFiles.npy(dir.resolve("ok.npy"), "<f8", false, new long[] {2, 1, 2, 2},
                new double[8]));
        Path truncated = Files.write(dir.resolve("truncated.npy"), java.util.Arrays.copyOf(whole, whole.length - 8));
        assertThatThrownBy(() -> generate(Map.of("path", truncated.toString())))
                .isInstanceOf(NcaException.class).hasMessageContaining(truncated.toString())
                .hasMessageContaining("truncated");
        Path text = Files.writeString(dir.resolve("text.npy"), "hello");
        assertThatThrownBy(() -> generate(Map.of("path", text.toString())))
                .isInstanceOf(NcaException.class).hasMessageContaining(text.toString())
                .hasMessageContaining("not a .npy file");
    }

    @Test
    void missingOrUnsupportedPathsNameThePath() throws IOException {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> generate(Map.of("path", missing.toString())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'path'").hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist").hasMessageContaining("working directory");
        Path csv = Files.writeString(dir.resolve("data.csv"), "1,2");
        assertThatThrownBy(() -> generate(Map.of("path", csv.toString())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(csv.toString()).hasMessageContaining(".npy");
    }

    @Test
    void relativePathsAreResolvedAgainstTheWorkingDirectory() {
        String relative = Path.of("").toAbsolutePath().relativize(train.toAbsolutePath()).toString();
        assertThat(Path.of(relative).isAbsolute()).isFalse();
        assertThat(generate(Map.of("path", relative)).length()).isEqualTo(3);
    }

    @Test
    void boundaryAndFrameSpacingHintsComeFromTheParameters() {
        Trajectories t = generate(Map.of("path", train.toString(), "boundary", "periodic", "frame_spacing", 8L));
        assertThat(t.boundary()).contains(Boundary.PERIODIC);
        assertThat(t.frameSpacing()).isEqualTo(8);
    }
}
