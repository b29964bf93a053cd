package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.MiniBatch;
import dev.nca.api.Trajectories;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Reads a schedule's plans by value, independently of its sample keys: finds which data frame a
 * start state was taken from, and reads the observable and hidden channels of states and targets
 * as float64 arrays. For tests of schedules that draw starts and targets from the data.
 */
public final class DataFrames {

    /** Values of every frame, {@code [R][T][C_obs S S]}. */
    private final double[][][] frames;

    /** Copies the values of every frame of {@code data} {@code [R, T, C_obs, S, S]}. */
    public DataFrames(Trajectories data) {
        frames = new double[data.trajectories()][data.length()][];
        for (int r = 0; r < frames.length; r++) {
            for (int i = 0; i < frames[r].length; i++) {
                frames[r][i] = NdValues.of(data.frame(r, i));
            }
        }
    }

    /**
     * The (r, i) of the one data frame whose values equal {@code values} exactly (random test data
     * make frames unique); fails if there is none or more than one.
     */
    public int[] locate(double[] values) {
        int[] found = null;
        for (int r = 0; r < frames.length; r++) {
            for (int i = 0; i < frames[r].length; i++) {
                if (Arrays.equals(frames[r][i], values)) {
                    assertThat(found).as("frame values are unique in the test data").isNull();
                    found = new int[] {r, i};
                }
            }
        }
        assertThat(found).as("start state is one of the data frames").isNotNull();
        return found;
    }

    /**
     * Whether sample b of a mini-batch starts from the data: its observable channels are those of
     * the frame its key {@code r T + i} names, and its hidden channels are zero.
     */
    public boolean isDataStart(MiniBatch batch, int b, int observable) {
        int key = batch.keys()[b];
        int length = frames[0].length;
        return Arrays.equals(observableOf(batch.start(), b, observable), frames[key / length][key % length])
                && Arrays.stream(hiddenOf(batch.start(), b, observable)).allMatch(v -> v == 0.0);
    }

    /** The values of frame i of trajectory r. */
    public double[] frame(int r, int i) {
        return frames[r][i].clone();
    }

    /** Observable channels {@code [C_obs, S, S]} of sample b of a {@code [B, C, S, S]} state array. */
    public static double[] observableOf(INDArray states, int b, int observable) {
        return NdValues.of(states.get(NDArrayIndex.point(b), NDArrayIndex.interval(0, observable)));
    }

    /** Hidden channels of sample b of a {@code [B, C, S, S]} state array. */
    public static double[] hiddenOf(INDArray states, int b, int observable) {
        return NdValues.of(states.get(NDArrayIndex.point(b), NDArrayIndex.interval(observable, states.size(1))));
    }

    /** Sample b of a {@code [B, C_obs, S, S]} target array. */
    public static double[] sample(INDArray observed, int b) {
        return NdValues.of(observed.get(NDArrayIndex.point(b)));
    }

    /** Pearson's chi-square statistic of counts against equal expected counts. */
    public static double chiSquareUniform(long[] counts) {
        long total = Arrays.stream(counts).sum();
        double expected = (double) total / counts.length;
        double chi = 0;
        for (long c : counts) {
            chi += (c - expected) * (c - expected) / expected;
        }
        return chi;
    }
}
