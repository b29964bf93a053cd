package dev.nca.plugins.dataset.image.morph;

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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class ImageMorphDatasetTest extends DatasetContract {

    @TempDir
    Path dir;

    @Override
    protected Dataset dataset() {
        return new ImageMorphDataset();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("image_size", 8L, "size", 12L, "copies", 2L, "max_shift", 2L);
    }

    private Trajectories generate(Map<String, Object> overrides, Split split, long seed, OptionalInt frames) {
        Map<String, Object> raw = new HashMap<>(validParams());
        raw.putAll(overrides);
        Params p = Params.validate(dataset().parameters(), raw, "test.toml [data.params]");
        RandomSource random = new RandomSource(seed).child(split == Split.TRAIN ? "data/train" : "data/held-out");
        return dataset().generate(p, new DataRequest(split, random, DataType.DOUBLE, frames));
    }

    private Trajectories generate(Map<String, Object> overrides) {
        return generate(overrides, Split.TRAIN, 11, OptionalInt.empty());
    }

    /**
     * Three opaque 4x4 pictures, each with a different colour per pixel so that any misplacement or
     * rotation is visible: picture k has pixel (y, x) = (straight) rgb(10 + 60 k, 16 y, 16 x).
     */
    private List<String> threePictures() {
        List<String> paths = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int[][] px = new int[4][4];
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    px[y][x] = TestPngs.argb(255, 10 + 60 * k, 16 * y, 16 * x);
                }
            }
            paths.add(TestPngs.writeArgb(dir.resolve("pic" + k + ".png"), px).toString());
        }
        return paths;
    }

    /** Expected channel c of picture k at (y, x): see {@link #threePictures()}. */
    private static double expected(int k, int c, int y, int x) {
        return switch (c) {
            case 0 -> (10 + 60 * k) / 255.0;
            case 1 -> 16 * y / 255.0;
            case 2 -> 16 * x / 255.0;
            default -> 1.0;
        };
    }

    /** {top, left, bottom, right} (inclusive) of the cells with non-zero alpha in a frame, or null. */
    private static int[] box(Trajectories t, int r, int f) {
        int s = t.size();
        int top = s;
        int left = s;
        int bottom = -1;
        int right = -1;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                if (t.frames().getDouble(r, f, 3, y, x) != 0) {
                    top = Math.min(top, y);
                    left = Math.min(left, x);
                    bottom = Math.max(bottom, y);
                    right = Math.max(right, x);
                }
            }
        }
        return bottom < 0 ? null : new int[] {top, left, bottom, right};
    }

    @Test
    void metadataAndShape() {
        Trajectories t = generate(Map.of());
        assertThat(t.frames().shape()).containsExactly(2, 4, 4, 12, 12);
        assertThat(t.channelNames()).containsExactly("r", "g", "b", "a");
        assertThat(t.frameSpacing()).isEqualTo(64);
        assertThat(t.boundary()).contains(Boundary.ZERO);
        assertThat(t.valueMin()).isEqualTo(0.0);
        assertThat(t.valueMax()).isEqualTo(1.0);
        assertThat(generate(Map.of("frame_spacing", 32L)).frameSpacing()).isEqualTo(32);
    }

    @Test
    void builtInPicturesAreThePremultipliedEmojiAtFullSize() throws IOException {
        Trajectories t = generate(Map.of("image_size", 64L, "size", 64L, "max_shift", 0L, "copies", 1L,
                "images", List.of("space-invader", "microbe", "rooster", "lizard")));
        String[] files = {"1f47e.png", "1f9a0.png", "1f413.png", "1f98e.png"};
        for (int k = 0; k < files.length; k++) {
            BufferedImage png;
            try (InputStream in = SourceImages.class.getResourceAsStream("emoji/" + files[k])) {
                png = ImageIO.read(in);
            }
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    int argb = png.getRGB(x, y);
                    double a = (argb >>> 24) / 255.0;
                    double[] want = {((argb >> 16) & 255) / 255.0 * a, ((argb >> 8) & 255) / 255.0 * a,
                            (argb & 255) / 255.0 * a, a};
                    for (int c = 0; c < 4; c++) {
                        assertThat(t.frames().getDouble(0, k, c, y, x)).as("%s (%d,%d) channel %d", files[k], y, x, c)
                                .isCloseTo(want[c], within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void resizedPictureIsCentredInTheZeroLattice() {
        // 64 -> 40 by area averaging, centred in 64: rows and columns 12..51 may hold content, the rest is zero
        Trajectories t = generate(Map.of("image_size", 40L, "size", 64L, "max_shift", 0L, "copies", 1L));
        for (int f = 0; f < t.length(); f++) {
            int[] b = box(t, 0, f);
            assertThat(b).isNotNull();
            assertThat(b[0]).isGreaterThanOrEqualTo(12);
            assertThat(b[1]).isGreaterThanOrEqualTo(12);
            assertThat(b[2]).isLessThanOrEqualTo(51);
            assertThat(b[3]).isLessThanOrEqualTo(51);
        }
        // area averaging keeps the mean opacity: sum of alpha scales by (40/64)^2
        Trajectories full = generate(Map.of("image_size", 64L, "size", 64L, "max_shift", 0L, "copies", 1L));
        double big = sum(NdValues.of(full.frame(0, 2).slice(3)));
        double small = sum(NdValues.of(t.frame(0, 2).slice(3)));
        assertThat(small).isCloseTo(big * (40.0 / 64) * (40.0 / 64), within(1e-9 * big));
    }

    @Test
    void everyFrameOfACopyHasTheSameShiftAndTheRightPicture() {
        List<String> pics = threePictures();
        Trajectories t = generate(Map.of("images", pics, "image_size", 4L, "size", 12L, "max_shift", 4L,
                "copies", 30L, "repeat_last", 1L));
        assertThat(t.length()).isEqualTo(4);
        Set<String> distinct = new HashSet<>();
        for (int r = 0; r < 30; r++) {
            int[] first = box(t, r, 0);
            assertThat(first[2] - first[0]).isEqualTo(3);
            assertThat(first[3] - first[1]).isEqualTo(3);
            assertThat(first[0]).isBetween(0, 8);
            assertThat(first[1]).isBetween(0, 8);
            distinct.add(first[0] + "," + first[1]);
            for (int f = 0; f < 4; f++) {
                assertThat(box(t, r, f)).as("copy %d frame %d", r, f).containsExactly(first);
                int k = Math.min(f, 2);
                for (int c = 0; c < 4; c++) {
                    for (int y = 0; y < 4; y++) {
                        for (int x = 0; x < 4; x++) {
                            assertThat(t.frames().getDouble(r, f, c, first[0] + y, first[1] + x))
                                    .isCloseTo(expected(k, c, y, x), within(1e-15));
                        }
                    }
                }
                double total = sum(NdValues.of(t.frame(r, f).slice(3)));
                assertThat(total).as("alpha outside the picture").isEqualTo(16.0);
            }
        }
        assertThat(distinct).as("distinct placements among 30 copies").hasSizeGreaterThan(10);
    }

    @Test
    void lastPictureIsRepeatedAndFrameOverridesTruncateOrExtend() {
        List<String> pics = threePictures();
        Map<String, Object> p = Map.of("images", pics, "image_size", 4L, "size", 8L, "max_shift", 2L,
                "copies", 2L, "repeat_last", 2L);
        Trajectories t = generate(p);
        assertThat(t.length()).isEqualTo(5);
        for (int r = 0; r < 2; r++) {
            double[] last = NdValues.of(t.frame(r, 2));
            assertThat(NdValues.of(t.frame(r, 3))).isEqualTo(last);
            assertThat(NdValues.of(t.frame(r, 4))).isEqualTo(last);
            assertThat(NdValues.of(t.frame(r, 1))).isNotEqualTo(last);
        }
        Trajectories longer = generate(p, Split.TRAIN, 11, OptionalInt.of(9));
        Trajectories shorter = generate(p, Split.TRAIN, 11, OptionalInt.of(2));
        assertThat(longer.length()).isEqualTo(9);
        assertThat(NdValues.of(longer.frame(1, 8))).isEqualTo(NdValues.of(t.frame(1, 2)));
        assertThat(shorter.length()).isEqualTo(2);
        assertThat(NdValues.of(shorter.frame(1, 1))).isEqualTo(NdValues.of(t.frame(1, 1)));
        assertThat(generate(Map.of("repeat_last", 0L)).length()).isEqualTo(3);
    }

    @Test
    void quarterTurnsAreExactAndSharedByTheFramesOfACopy() {
        List<String> pics = threePictures();
        Trajectories t = generate(Map.of("images", pics, "image_size", 4L, "size", 10L, "max_shift", 3L,
                "copies", 40L, "rotation", "quarter"));
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < 40; r++) {
            int[] b = box(t, r, 0);
            int turns = -1;
            for (int k = 0; k < 4 && turns < 0; k++) {
                if (matchesTurned(t, r, 0, 0, b, k)) {
                    turns = k;
                }
            }
            assertThat(turns).as("copy %d is a quarter-turned picture", r).isNotNegative();
            seen.add(turns);
            for (int f = 1; f < t.length(); f++) {
                assertThat(box(t, r, f)).containsExactly(b);
                assertThat(matchesTurned(t, r, f, Math.min(f, 2), b, turns)).as("copy %d frame %d", r, f).isTrue();
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    /** Whether the 4x4 square at box b of frame f equals picture k turned counter-clockwise `turns` times. */
    private static boolean matchesTurned(Trajectories t, int r, int f, int k, int[] b, int turns) {
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    // hand-written inverse of a counter-clockwise quarter turn, applied `turns` times
                    int y = i;
                    int x = j;
                    for (int n = 0; n < turns; n++) {
                        int ny = x;
                        int nx = 3 - y;
                        y = ny;
                        x = nx;
                    }
                    if (Math.abs(t.frames().getDouble(r, f, c, b[0] + i, b[1] + j) - expected(k, c, y, x)) > 1e-15) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void anyAngleRotationKeepsOpacityAndTheShiftedCentre() {
        Trajectories t = generate(Map.of("images", List.of("rooster"), "image_size", 24L, "size", 48L,
                "max_shift", 4L, "copies", 6L, "rotation", "any", "repeat_last", 1L));
        Trajectories straight = generate(Map.of("images", List.of("rooster"), "image_size", 24L, "size", 48L,
                "max_shift", 0L, "copies", 1L));
        double alpha = sum(NdValues.of(straight.frame(0, 0).slice(3)));
        Set<Long> masses = new HashSet<>();
        for (int r = 0; r < 6; r++) {
            double m = sum(NdValues.of(t.frame(r, 0).slice(3)));
            assertThat(m).as("opacity of rotated copy %d", r).isCloseTo(alpha, within(0.02 * alpha));
            masses.add(Math.round(m * 1e6));
            assertThat(NdValues.of(t.frame(r, 1))).isEqualTo(NdValues.of(t.frame(r, 0)));
            // the border of the lattice stays empty: the rotated rooster is inside
            for (int i = 0; i < 48; i++) {
                assertThat(t.frames().getDouble(r, 0, 3, 0, i)).isEqualTo(0.0);
                assertThat(t.frames().getDouble(r, 0, 3, 47, i)).isEqualTo(0.0);
                assertThat(t.frames().getDouble(r, 0, 3, i, 0)).isEqualTo(0.0);
                assertThat(t.frames().getDouble(r, 0, 3, i, 47)).isEqualTo(0.0);
            }
        }
        assertThat(masses).as("different angles interpolate differently").hasSizeGreaterThan(1);
    }

    @Test
    void shiftsAreUniformOverTheRangeAndSeeded() {
        // a single opaque cell in a 7x7 lattice: its position is the shift plus 3
        Path dot = TestPngs.writeUniform(dir.resolve("dot.png"), 1, TestPngs.argb(255, 255, 255, 255));
        Map<String, Object> p = Map.of("images", List.of(dot.toString()), "image_size", 1L, "size", 7L,
                "max_shift", 3L, "copies", 2100L, "repeat_last", 1L);
        Trajectories t = generate(p);
        int[][] counts = new int[2][7];
        double[] data = NdValues.of(t.frames());
        for (int r = 0; r < 2100; r++) {
            int found = 0;
            for (int cell = 0; cell < 49; cell++) {
                // alpha channel of frame 0 of copy r
                if (data[((r * 2) * 4 + 3) * 49 + cell] == 1.0) {
                    counts[0][cell / 7]++;
                    counts[1][cell % 7]++;
                    found++;
                }
            }
            assertThat(found).isEqualTo(1);
        }
        for (int axis = 0; axis < 2; axis++) {
            // chi-square with 6 degrees of freedom: the 99.9% quantile is 22.46
            double chi2 = 0;
            for (int v = 0; v < 7; v++) {
                double e = 2100 / 7.0;
                chi2 += (counts[axis][v] - e) * (counts[axis][v] - e) / e;
            }
            assertThat(chi2).as("chi-square of axis %d counts %s", axis, java.util.Arrays.toString(counts[axis]))
                    .isLessThan(22.46);
        }
        // same seed: same shifts; other seed: other shifts; more copies leave the first ones unchanged
        // (isEqualTo compares arrays element by element in linear time; containsExactly would be quadratic here)
        assertThat(NdValues.of(generate(p).frames())).isEqualTo(data);
        assertThat(NdValues.of(generate(p, Split.TRAIN, 12, OptionalInt.empty()).frames())).isNotEqualTo(data);
        Map<String, Object> fewer = new HashMap<>(p);
        fewer.put("copies", 50L);
        double[] firstFifty = NdValues.of(generate(fewer).frames());
        assertThat(java.util.Arrays.copyOf(data, firstFifty.length)).isEqualTo(firstFifty);
    }

    @Test
    void heldOutCopiesArePlacedDifferently() {
        Map<String, Object> p = Map.of("copies", 8L, "max_shift", 2L);
        Trajectories train = generate(p, Split.TRAIN, 4, OptionalInt.empty());
        Trajectories held = generate(p, Split.HELD_OUT, 4, OptionalInt.empty());
        Set<String> trainBoxes = new HashSet<>();
        Set<String> heldBoxes = new HashSet<>();
        for (int r = 0; r < 8; r++) {
            trainBoxes.add(java.util.Arrays.toString(box(train, r, 0)));
            heldBoxes.add(java.util.Arrays.toString(box(held, r, 0)));
            // same pictures, only moved: equal opacity
            assertThat(sum(NdValues.of(held.frame(r, 2).slice(3))))
                    .isCloseTo(sum(NdValues.of(train.frame(r, 2).slice(3))), within(1e-9));
        }
        assertThat(heldBoxes).isNotEqualTo(trainBoxes);
    }

    @Test
    void relativePathsAreResolvedAgainstTheWorkingDirectory() {
        Path pic = TestPngs.writeUniform(dir.resolve("blue.png"), 2, TestPngs.argb(255, 0, 0, 255));
        String relative = Path.of("").toAbsolutePath().relativize(pic.toAbsolutePath()).toString();
        assertThat(Path.of(relative).isAbsolute()).isFalse();
        Trajectories t = generate(Map.of("images", List.of(relative), "image_size", 2L, "size", 2L, "max_shift", 0L,
                "copies", 1L));
        assertThat(NdValues.of(t.frame(0, 0).slice(2))).containsOnly(1.0);
    }

    @Test
    void badPicturesAreRejectedNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> generate(Map.of("images", List.of("rooster", missing.toString()))))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("\"" + missing + "\"")
                .hasMessageContaining("neither a built-in image [space-invader, microbe, rooster, lizard]")
                .hasMessageContaining("working directory");
        Path wide = TestPngs.writeArgb(dir.resolve("wide.png"), new int[3][5]);
        assertThatThrownBy(() -> generate(Map.of("images", List.of(wide.toString()))))
                .isInstanceOf(NcaException.class).hasMessageContaining(wide.toString())
                .hasMessageContaining("5 pixels wide and 3 high").hasMessageContaining("square");
        Path corrupt = Files.write(dir.resolve("corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertThatThrownBy(() -> generate(Map.of("images", List.of(corrupt.toString()))))
                .isInstanceOf(NcaException.class).hasMessageContaining(corrupt.toString());
    }

    @Test
    void inconsistentGeometryIsRejectedClearly() {
        assertRejected(Map.of("size", 6L), "size", "at least image_size (8)");
        assertRejected(Map.of("max_shift", 3L), "max_shift", "at most 2, so that the 8x8 pictures stay inside the 12x12");
        assertRejected(Map.of("images", List.of()), "images", "at least one picture");
        // opaque 4x4 pictures: content radius 1.5 sqrt(2) = 2.12, reach 2.12 + 1.41 = 3.54 cells from the centre
        List<String> pics = threePictures();
        assertRejected(Map.of("images", pics, "image_size", 4L, "size", 4L, "rotation", "any", "max_shift", 0L),
                "size", "rotated by any angle");
        // 10x10 lattice, centre 4.5: cells -1 and 10 are 5.5 away, so shifts up to floor(5.5 - 3.54) = 1 fit
        assertRejected(Map.of("images", pics, "image_size", 4L, "size", 10L, "rotation", "any", "max_shift", 2L),
                "max_shift", "at most 1, so that the pictures rotated by any angle");
        generate(Map.of("images", pics, "image_size", 4L, "size", 10L, "rotation", "any", "max_shift", 1L));
    }

    private void assertRejected(Map<String, Object> overrides, String key, String allowed) {
        assertThatThrownBy(() -> generate(overrides))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("test.toml [data.params]")
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(allowed)
                .satisfies(e -> assertThat(((InvalidParameterException) e).key()).isEqualTo(key));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
