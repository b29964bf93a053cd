package dev.nca.support.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.MiniBatch;
import dev.nca.api.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class LatticesTest {

    @Test
    void matchingLatticePairsPass() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 4);
        assertThatCode(() -> Lattices.checkPair(a, a.dup(), null)).doesNotThrowAnyException();
        assertThatCode(() -> Lattices.checkPair(a, a.dup(), a.dup())).doesNotThrowAnyException();
    }

    @Test
    void mismatchedOrNonSquareOrWrongRankPairsAreRejectedWithTheirShapes() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 4);
        assertThatThrownBy(() -> Lattices.checkPair(a, Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 5), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3, 4, 4] and [2, 3, 4, 5]");
        INDArray wide = Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 5);
        assertThatThrownBy(() -> Lattices.checkPair(wide, wide.dup(), null)).isInstanceOf(IllegalArgumentException.class);
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 3, 4, 4);
        assertThatThrownBy(() -> Lattices.checkPair(flat, flat.dup(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lattices.checkPair(a, a.dup(), Nd4j.zeros(DataType.FLOAT, 2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradientOut");
    }

    @Test
    void valuesAreTheEntriesInRowMajorOrderAsDoublesForViewsToo() {
        INDArray a = Nd4j.arange(24).castTo(DataType.FLOAT).reshape(2, 3, 2, 2);
        double[] all = Lattices.values(a);
        assertThat(all).hasSize(24);
        assertThat(all[23]).isEqualTo(23.0);
        // a view: channel 1 of both samples, not contiguous
        INDArray view = a.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2), NDArrayIndex.all(), NDArrayIndex.all());
        assertThat(Lattices.values(view)).containsExactly(4, 5, 6, 7, 16, 17, 18, 19);
        // a copy: changing it leaves the array alone
        all[0] = 99;
        assertThat(a.getDouble(0, 0, 0, 0)).isZero();
        // Fortran order
        assertThat(Lattices.values(a.dup('f'))).isEqualTo(Lattices.values(a));
    }

    @Test
    void finalStatesMustHaveTheStartsShape() {
        INDArray start = Nd4j.zeros(DataType.FLOAT, 2, 3, 4, 4);
        MiniBatch batch = new MiniBatch(start, 1,
                List.of(new Target(1, Nd4j.zeros(DataType.FLOAT, 2, 1, 4, 4), 1.0)), new int[] {0, 1});
        assertThatCode(() -> Lattices.checkFinalStates(batch, start.dup())).doesNotThrowAnyException();
        assertThatThrownBy(() -> Lattices.checkFinalStates(batch, Nd4j.zeros(DataType.FLOAT, 1, 3, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("final states [1, 3, 4, 4] do not match the mini-batch start [2, 3, 4, 4]");
    }
}
