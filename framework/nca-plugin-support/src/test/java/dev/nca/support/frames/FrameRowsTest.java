package dev.nca.support.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.Target;
import dev.nca.api.Trajectories;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Frame rows against values written by hand: entry (r, t, c, i, j) = 1000 r + 100 t + 10 c + 3 i + j. */
class FrameRowsTest {

    private static final int R = 2;
    private static final int T = 4;
    private static final int C = 2;
    private static final int S = 3;

    private static double value(int r, int t, int c, int i, int j) {
        return 1000.0 * r + 100 * t + 10 * c + 3 * i + j;
    }

    private static Trajectories data() {
        INDArray frames = Nd4j.create(DataType.FLOAT, R, T, C, S, S);
        for (int r = 0; r < R; r++) {
            for (int t = 0; t < T; t++) {
                for (int c = 0; c < C; c++) {
                    for (int i = 0; i < S; i++) {
                        for (int j = 0; j < S; j++) {
                            frames.putScalar(new long[] {r, t, c, i, j}, value(r, t, c, i, j));
                        }
                    }
                }
            }
        }
        return new Trajectories(frames, List.of("a", "b"), 1, Optional.empty(), Optional.empty(), 0, 1);
    }

    @Test
    void rowsNumberFramesTrajectoryByTrajectory() {
        FrameRows rows = new FrameRows(data(), DataType.DOUBLE);
        assertThat(rows.trajectories()).isEqualTo(R);
        assertThat(rows.frames()).isEqualTo(T);
        assertThat(rows.row(0, 0)).isZero();
        assertThat(rows.row(1, 2)).isEqualTo(6);
    }

    @Test
    void gatherReturnsTheFramesOffsetWithinTheirTrajectory() {
        FrameRows rows = new FrameRows(data(), DataType.DOUBLE);
        INDArray got = rows.gather(new int[] {rows.row(1, 0), rows.row(0, 2)}, 1);
        assertThat(got.shape()).containsExactly(2, C, S, S);
        assertThat(got.dataType()).isEqualTo(DataType.DOUBLE);
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < S; i++) {
                for (int j = 0; j < S; j++) {
                    assertThat(got.getDouble(0, c, i, j)).isEqualTo(value(1, 1, c, i, j));
                    assertThat(got.getDouble(1, c, i, j)).isEqualTo(value(0, 3, c, i, j));
                }
            }
        }
    }

    @Test
    void gatheredFramesDoNotAliasTheRows() {
        FrameRows rows = new FrameRows(data(), DataType.FLOAT);
        rows.gather(new int[] {0}, 0).assign(-1);
        assertThat(rows.gather(new int[] {0}, 0).getDouble(0, 1, 2, 2)).isEqualTo(value(0, 0, 1, 2, 2));
    }

    @Test
    void targetsKeepTheFramesWithPositiveWeightAtTheirSteps() {
        FrameRows rows = new FrameRows(data(), DataType.DOUBLE);
        int[] starts = {rows.row(0, 0), rows.row(1, 0)};
        List<Target> targets = rows.targets(starts, 3, 2, new double[] {0.25, 0.0, 0.75});
        assertThat(targets).extracting(Target::step).containsExactly(2, 6);
        assertThat(targets).extracting(Target::weight).containsExactly(0.25, 0.75);
        assertThat(targets.get(1).observed().getDouble(1, 0, 1, 1)).isEqualTo(value(1, 3, 0, 1, 1));
        assertThat(targets.get(0).observed().getDouble(0, 1, 0, 2)).isEqualTo(value(0, 1, 1, 0, 2));
        assertThat(targets.get(0).observed().getDouble(1, 1, 0, 2)).isEqualTo(value(1, 1, 1, 0, 2));
    }

    @Test
    void targetsNeedOneWeightPerFrame() {
        FrameRows rows = new FrameRows(data(), DataType.DOUBLE);
        assertThatThrownBy(() -> rows.targets(new int[] {0}, 2, 1, new double[] {1.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 frames need 2 weights");
    }
}
