package dev.nca.testkit;

import dev.nca.api.Boundary;
import dev.nca.api.Trajectories;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Small synthetic {@link Trajectories} for schedule and engine tests. */
public final class TestTrajectories {

    private TestTrajectories() {
    }

    /**
     * Random float64 frames {@code [R, T, C_obs, S, S]}, uniform in {@code [0, 1)}, channels named
     * {@code c0, c1, ...}, frame spacing 1, periodic boundary, value range {@code [0, 1]}.
     */
    public static Trajectories random(int r, int t, int observable, int size, long seed) {
        return random(r, t, observable, size, seed, DataType.DOUBLE);
    }

    /** As {@link #random(int, int, int, int, long)} in the given data type. */
    public static Trajectories random(int r, int t, int observable, int size, long seed, DataType dtype) {
        long[] shape = {r, t, observable, size, size};
        double[] v = new double[Math.toIntExact(ActivationContract.shapeLength(shape))];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble();
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < observable; c++) {
            names.add("c" + c);
        }
        return new Trajectories(Nd4j.create(v, shape, DataType.DOUBLE).castTo(dtype), names, 1,
                Optional.of(Boundary.PERIODIC), Optional.empty(), 0.0, 1.0);
    }
}
