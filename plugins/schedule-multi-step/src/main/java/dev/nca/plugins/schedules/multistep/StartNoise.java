package dev.nca.plugins.schedules.multistep;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Blends start frames with uniform noise: {@code x <- (1 - a) x + a u}, one independent
 * {@code u ~ U(valueMin, valueMax)} per element, where {@code [valueMin, valueMax]} is the data's
 * value range ({@link dev.nca.api.Trajectories#valueMin()}, {@link dev.nca.api.Trajectories#valueMax()}).
 * Used only when the amount a is positive. Immutable.
 */
final class StartNoise {

    private final double amount;
    private final double low;
    private final double high;

    /**
     * @param amount a, in {@code (0, 1)}
     * @param low    valueMin of the data, finite
     * @param high   valueMax of the data, finite and {@code >= low}
     */
    StartNoise(double amount, double low, double high) {
        if (!(amount > 0 && amount < 1)) {
            throw new IllegalArgumentException("noise amount must be in (0, 1), got " + amount);
        }
        if (!SamplingParams.isInterval(low, high)) {
            throw new IllegalArgumentException("noise range [" + low + ", " + high + "] is not a finite interval");
        }
        this.amount = amount;
        this.low = low;
        this.high = high;
    }

    /**
     * Blends {@code frames} in place, drawing the uniforms element by element in C order.
     *
     * @param frames {@code [B, C_obs, S, S]} observable start frames, a contiguous array the caller
     *               owns (its data type is kept: the blend is computed in it)
     * @param rng    the noise stream
     * @return {@code frames}
     */
    INDArray applyInPlace(INDArray frames, SplittableRandom rng) {
        double[] u = new double[Math.toIntExact(frames.length())];
        for (int i = 0; i < u.length; i++) {
            u[i] = high > low ? rng.nextDouble(low, high) : low;
        }
        DataType dtype = frames.dataType();
        INDArray uniform = Nd4j.create(u, frames.shape(), dtype);
        return frames.muli(1 - amount).addi(uniform.muli(amount));
    }
}
