package dev.nca.plugins.schedule.growing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How far the samples of a mini-batch are from the target, to decide which to reseed and which
 * to damage.
 */
final class TargetDistance {

    private TargetDistance() {
    }

    /**
     * Euclidean distance of each sample's observable channels to its target:
     * {@code d_b = sqrt(sum_{c < C_obs, i, j} (x[b, c, i, j] - y[b, c, i, j])^2)}.
     *
     * @param states  {@code [B, C, S, S]} full states (C >= C_obs); not modified
     * @param targets {@code [B, C_obs, S, S]} of the same data type; not modified
     * @return B distances
     */
    static double[] of(INDArray states, INDArray targets) {
        long observable = targets.size(1);
        if (states.rank() != 4 || targets.rank() != 4 || states.size(0) != targets.size(0)
                || states.size(1) < observable || states.size(2) != targets.size(2)
                || states.size(3) != targets.size(3)) {
            throw new IllegalArgumentException("states " + Arrays.toString(states.shape()) + " do not match targets "
                    + Arrays.toString(targets.shape()));
        }
        INDArray observed = states.get(NDArrayIndex.all(), NDArrayIndex.interval(0, observable), NDArrayIndex.all(),
                NDArrayIndex.all());
        return observed.sub(targets).norm2(1, 2, 3).toDoubleVector();
    }

    /**
     * Sample positions from the worst (largest distance) to the best. Ties keep their batch order;
     * NaN counts as the largest distance (a diverged state is the first to be reseeded).
     */
    static int[] worstFirst(double[] distances) {
        return IntStream.range(0, distances.length).boxed()
                .sorted(Comparator.comparingDouble((Integer b) -> distances[b]).reversed()
                        .thenComparingInt(b -> b))
                .mapToInt(Integer::intValue).toArray();
    }
}
