package dev.nca.runtime.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LatticeSymmetryTest {

    private final INDArray x = AnalysisModels.uniform(new long[] {2, 3, 5, 5}, new SplittableRandom(4), 1.0);

    @Test
    void rotationsComposeAsTheGroupSays() {
        INDArray r = LatticeSymmetry.ROTATE_90.apply(x);
        assertThat(LatticeSymmetry.ROTATE_90.apply(r)).isEqualTo(LatticeSymmetry.ROTATE_180.apply(x));
        assertThat(LatticeSymmetry.ROTATE_270.apply(LatticeSymmetry.ROTATE_90.apply(x))).isEqualTo(x);
        for (LatticeSymmetry reflection : new LatticeSymmetry[] {LatticeSymmetry.FLIP_COLUMNS,
            LatticeSymmetry.FLIP_ROWS, LatticeSymmetry.TRANSPOSE, LatticeSymmetry.ANTI_TRANSPOSE}) {
            assertThat(reflection.apply(reflection.apply(x))).as(reflection.label()).isEqualTo(x);
        }
    }

    @Test
    void actsOnAHandWrittenLattice() {
        INDArray m = Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {1, 1, 2, 2}, 'c');
        // [[1, 2], [3, 4]] rotated counter-clockwise is [[2, 4], [1, 3]]
        assertThat(LatticeSymmetry.ROTATE_90.apply(m).data().asDouble()).containsExactly(2, 4, 1, 3);
        assertThat(LatticeSymmetry.TRANSPOSE.apply(m).data().asDouble()).containsExactly(1, 3, 2, 4);
        assertThat(LatticeSymmetry.ANTI_TRANSPOSE.apply(m).data().asDouble()).containsExactly(4, 2, 3, 1);
        assertThat(LatticeSymmetry.FLIP_COLUMNS.apply(m).data().asDouble()).containsExactly(2, 1, 4, 3);
    }
}
