package dev.nca.testkit;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reading ND4J arrays as plain values for exact comparisons in assertions. */
public final class NdValues {

    private NdValues() {
    }

    /** All entries in C (row-major) order as float64, a copy. */
    public static double[] of(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
