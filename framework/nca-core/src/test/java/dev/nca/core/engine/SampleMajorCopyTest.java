package dev.nca.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plane-by-plane copies between {@code [B, C, S, S]} states and feature-major host arrays
 * agree exactly with ND4J's permute-and-copy, in both directions and both data types.
 */
class SampleMajorCopyTest {

    private static final int B = 3;
    private static final int C = 4;
    private static final int S = 5;

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void readAndWriteMatchPermutedCopies(DataType dtype) {
        Nd4j.getRandom().setSeed(7);
        INDArray state = Nd4j.rand(dtype, B, C, S, S);
        assertThat(PlainArrays.isPlain(state, dtype, (long) B * C * S * S)).isTrue();

        HostArray host = HostArray.create(dtype, B * C * S * S, FloatRowOps.select());
        host.readSampleMajor(state, B, C, S * S);
        HostArray expected = HostArray.create(dtype, B * C * S * S, FloatRowOps.select());
        expected.readFrom(state.permute(1, 0, 2, 3).dup('c'));
        for (int i = 0; i < B * C * S * S; i++) {
            assertThat(host.get(i)).as("element %d", i).isEqualTo(expected.get(i));
        }

        INDArray back = Nd4j.create(dtype, B, C, S, S);
        host.writeSampleMajor(back, B, C, S * S);
        assertThat(back).isEqualTo(state);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void viewsAndOtherTypesAreNotPlainArrays(DataType dtype) {
        INDArray state = Nd4j.rand(dtype, 2 * B, C, S, S);
        long length = (long) B * C * S * S;
        assertThat(PlainArrays.isPlain(state.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(B, 2 * B)), dtype,
                length)).as("second half: a view with an offset").isFalse();
        assertThat(PlainArrays.isPlain(state, dtype, length)).as("wrong length").isFalse();
        DataType other = dtype == DataType.FLOAT ? DataType.DOUBLE : DataType.FLOAT;
        assertThat(PlainArrays.isPlain(Nd4j.rand(other, B, C, S, S), dtype, length)).as("other type").isFalse();
        assertThat(PlainArrays.isPlain(Nd4j.rand(dtype, C, B, S, S).permute(1, 0, 2, 3), dtype, length))
                .as("permuted").isFalse();
    }
}
