package dev.nca.plugins.schedule.growing;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded test arrays (never ND4J's global random generator). */
final class TestArrays {

    private TestArrays() {
    }

    /** Values uniform in [lo, hi), C order, of the given type. */
    static INDArray uniform(long seed, double lo, double hi, DataType dtype, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[Math.toIntExact(n)];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE).castTo(dtype);
    }
}
