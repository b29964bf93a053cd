package dev.nca.support.damage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.support.lattice.Lattices;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Damage discs against an independent membership test: for clipping, the plain distance to the
 * centre; for wrapping, the smallest distance over the nine periodic images of the centre (valid
 * for radii below S / 2).
 */
class DiscDamageTest {

    private static final int C = 3;

    /** State [C, S, S] whose every entry is non-zero and distinct: 1000 c + 10 i + j + 1. */
    private static INDArray labelled(int size) {
        INDArray s = Nd4j.create(DataType.DOUBLE, C, size, size);
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    s.putScalar(new long[] {c, i, j}, 1000.0 * c + 10 * i + j + 1);
                }
            }
        }
        return s;
    }

    private static boolean insideClipped(int i, int j, double row, double col, double r) {
        return (i - row) * (i - row) + (j - col) * (j - col) < r * r;
    }

    private static boolean insideWrapped(int i, int j, double row, double col, double r, int size) {
        for (int ky = -1; ky <= 1; ky++) {
            for (int kx = -1; kx <= 1; kx++) {
                if (insideClipped(i, j, row + ky * size, col + kx * size, r)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Applies the disc and checks: covered cells zero in every channel, the rest bit-identical. */
    private static void checkApplied(DiscDamage disc, int size) {
        INDArray before = labelled(size);
        INDArray after = before.dup();
        int zeroed = disc.apply(after);
        int expectedZeroed = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                boolean inside = disc.wrap()
                        ? insideWrapped(i, j, disc.row(), disc.column(), disc.radius(), size)
                        : insideClipped(i, j, disc.row(), disc.column(), disc.radius());
                assertThat(disc.covers(i, j, size)).as("%s covers (%d, %d)", disc, i, j).isEqualTo(inside);
                expectedZeroed += inside ? 1 : 0;
                for (int c = 0; c < C; c++) {
                    double expected = inside ? 0.0 : before.getDouble(c, i, j);
                    assertThat(after.getDouble(c, i, j)).as("%s channel %d cell (%d, %d)", disc, c, i, j)
                            .isEqualTo(expected);
                }
            }
        }
        assertThat(zeroed).isEqualTo(expectedZeroed);
    }

    @Test
    void handWorkedDiscOfRadiusTwoIsTheThreeByThreeBlock() {
        // offsets with dy^2 + dx^2 < 4: the 3x3 block; (0, +-2) and (+-2, 0) lie exactly on the circle
        DiscDamage disc = new DiscDamage(4, 4, 2.0, false);
        INDArray state = labelled(9);
        assertThat(disc.apply(state)).isEqualTo(9);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                boolean block = Math.abs(i - 4) <= 1 && Math.abs(j - 4) <= 1;
                assertThat(state.getDouble(0, i, j) == 0.0).as("cell (%d, %d)", i, j).isEqualTo(block);
            }
        }
    }

    @Test
    void aClosedDiscAlsoCoversTheCellsOnItsRim() {
        // radius 2 around (4, 4): the open disc is the 3x3 block, the closed one adds (4 +- 2, 4) and (4, 4 +- 2)
        DiscDamage closed = new DiscDamage(4, 4, 2.0, false, true);
        INDArray state = labelled(9);
        assertThat(closed.apply(state)).isEqualTo(13);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                int d2 = (i - 4) * (i - 4) + (j - 4) * (j - 4);
                assertThat(state.getDouble(1, i, j) == 0.0).as("cell (%d, %d)", i, j).isEqualTo(d2 <= 4);
            }
        }
        assertThat(new DiscDamage(4, 4, 2.0, false).closed()).isFalse();
    }

    @Test
    void clippedDiscsMatchTheIndependentTest() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int t = 0; t < 40; t++) {
            double row = rng.nextDouble(-2, 11);
            double col = rng.nextDouble(-2, 11);
            double r = rng.nextDouble(0, 5);
            checkApplied(new DiscDamage(row, col, r, false), 9);
        }
    }

    @Test
    void wrappedDiscsMatchTheIndependentTest() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < 40; t++) {
            checkApplied(new DiscDamage(rng.nextDouble(0, 9), rng.nextDouble(0, 9), rng.nextDouble(0, 4.4), true), 9);
        }
    }

    @Test
    void edgeHandlingAtACorner() {
        // centre (0.5, 8.2) on a 9x9 lattice, radius 2
        DiscDamage clip = new DiscDamage(0.5, 8.2, 2.0, false);
        DiscDamage wrap = new DiscDamage(0.5, 8.2, 2.0, true);
        // (8, 0): offsets (-1.5, 0.8) on the torus, 2.89 < 4; far away without wrapping
        assertThat(wrap.covers(8, 0, 9)).isTrue();
        assertThat(clip.covers(8, 0, 9)).isFalse();
        // (0, 8): offsets (-0.5, -0.2), inside either way
        assertThat(wrap.covers(0, 8, 9)).isTrue();
        assertThat(clip.covers(0, 8, 9)).isTrue();
        // (0, 1): column offset 1.8 on the torus, 0.25 + 3.24 = 3.49 < 4
        assertThat(wrap.covers(0, 1, 9)).isTrue();
        assertThat(clip.covers(0, 1, 9)).isFalse();
        checkApplied(clip, 9);
        checkApplied(wrap, 9);
    }

    @Test
    void zeroRadiusDamagesNothing() {
        INDArray state = labelled(6);
        assertThat(new DiscDamage(2, 2, 0.0, false).apply(state)).isZero();
        assertThat(Lattices.values(state)).containsExactly(Lattices.values(labelled(6)));
    }

    @Test
    void appliesInPlaceToOneSampleOfABatch() {
        INDArray batch = Nd4j.create(DataType.FLOAT, 3, C, 7, 7).assign(5.0);
        new DiscDamage(3, 3, 2.5, false).apply(batch.get(NDArrayIndex.point(1)));
        assertThat(Lattices.values(batch.get(NDArrayIndex.point(0)))).containsOnly(5.0);
        assertThat(Lattices.values(batch.get(NDArrayIndex.point(2)))).containsOnly(5.0);
        // offsets with dy^2 + dx^2 < 6.25: 21 cells (3x3 block, four 1x3 arms at distance 2)
        assertThat(batch.get(NDArrayIndex.point(1)).sumNumber().doubleValue()).isEqualTo(5.0 * C * (49 - 21));
    }

    @Test
    void drawsCentresAndRadiiInTheirRanges() {
        SplittableRandom rng = new SplittableRandom(6);
        int size = 21;
        double lo = 10 - 0.5 * 10;
        double hi = 10 + 0.5 * 10;
        double sumRadius = 0;
        int n = 2000;
        for (int t = 0; t < n; t++) {
            DiscDamage d = DiscDamage.draw(rng, size, 0.1, 0.3, 0.5, false);
            assertThat(d.row()).isBetween(lo, hi);
            assertThat(d.column()).isBetween(lo, hi);
            assertThat(d.radius()).isBetween(2.1, 6.3);
            sumRadius += d.radius();
        }
        assertThat(sumRadius / n).isCloseTo(4.2, within(0.15));
        DiscDamage middle = DiscDamage.draw(rng, 8, 0.25, 0.25, 0.0, true);
        assertThat(middle.row()).isEqualTo(3.5);
        assertThat(middle.column()).isEqualTo(3.5);
        assertThat(middle.radius()).isEqualTo(2.0);
        assertThat(middle.wrap()).isTrue();
    }

    @Test
    void drawsThreeDoublesRowColumnRadius() {
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        DiscDamage d = DiscDamage.draw(a, 11, 0.1, 0.4, 1.0, false);
        // middle 5, spread 1: row and column uniform in [0, 10]; radius 11 * U[0.1, 0.4]
        assertThat(d.row()).isEqualTo(10 * b.nextDouble());
        assertThat(d.column()).isEqualTo(10 * b.nextDouble());
        assertThat(d.radius()).isCloseTo(11 * (0.1 + 0.3 * b.nextDouble()), within(1e-12));
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }

    @Test
    void badDiscsAndStatesAreRejected() {
        assertThatThrownBy(() -> new DiscDamage(0, 0, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscDamage(Double.NaN, 0, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscDamage(0, 0, 1, false).apply(Nd4j.zeros(DataType.DOUBLE, 2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[C, S, S]");
    }
}
