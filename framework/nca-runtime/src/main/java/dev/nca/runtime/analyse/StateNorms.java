package dev.nca.runtime.analyse;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Norms of differences between states {@code [B, C, S, S]}, restricted to the observable channels. */
final class StateNorms {

    private StateNorms() {
    }

    /** The observable channels {@code [B, C_obs, S, S]} of {@code states} (a view). */
    static INDArray observable(INDArray states, int observable) {
        return states.get(NDArrayIndex.all(), NDArrayIndex.interval(0, observable), NDArrayIndex.all(),
                NDArrayIndex.all());
    }

    /**
     * Root mean square of {@code a - b} over the observable channels and cells of sample {@code i}.
     *
     * @param a {@code [B, C, S, S]}
     * @param b {@code [B', C, S, S]}
     */
    static double rms(INDArray a, int i, INDArray b, int j, int observable) {
        double[] x = sample(a, i, observable);
        double[] y = sample(b, j, observable);
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += (x[k] - y[k]) * (x[k] - y[k]);
        }
        return Math.sqrt(sum / x.length);
    }

    /** The first {@code observable} channels of sample {@code i} as a row-major copy. */
    private static double[] sample(INDArray states, int i, int observable) {
        return states.get(NDArrayIndex.point(i), NDArrayIndex.interval(0, observable), NDArrayIndex.all(),
                NDArrayIndex.all()).dup('c').data().asDouble();
    }
}
