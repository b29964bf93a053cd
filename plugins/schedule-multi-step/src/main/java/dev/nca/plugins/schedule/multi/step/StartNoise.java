package dev.nca.plugins.schedule.multi.step;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Perturbs start frames with uniform noise, one independent draw per element, where
 * {@code [valueMin, valueMax]} is the data's value range ({@link dev.nca.api.Trajectories#valueMin()},
 * {@link dev.nca.api.Trajectories#valueMax()}):
 * <ul>
 *   <li>{@link Mode#BLEND}: {@code x <- (1 - a) x + a u}, {@code u ~ U(valueMin, valueMax)}: the
 *       result stays in the value range (values at its ends move inwards only);</li>
 *   <li>{@link Mode#ADDITIVE}: {@code x <- x + a (valueMax - valueMin) v}, {@code v ~ U(-1, 1)}:
 *       symmetric, so values at the ends of the range also move outwards, as a model's own small
 *       errors do.</li>
 * </ul>
 * Used only when the amount a is positive. Immutable.
 */
final class StartNoise {

    /** How the noise enters; the recipe names are {@code "blend"} and {@code "additive"}. */
    enum Mode {
        BLEND("blend"),
        ADDITIVE("additive");

        private final String recipeName;

        Mode(String recipeName) {
            this.recipeName = recipeName;
        }

        String recipeName() {
            return recipeName;
        }

        static List<String> choices() {
            return Arrays.stream(values()).map(Mode::recipeName).toList();
        }

        /** The mode of a validated recipe value (one of {@link #choices()}). */
        static Mode fromRecipe(String name) {
            return Arrays.stream(values()).filter(m -> m.recipeName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown noise mode '" + name + "'"));
        }
    }

    private final Mode mode;
    private final double amount;
    private final double low;
    private final double high;

    /**
     * @param mode   blend or additive
     * @param amount a, in {@code (0, 1)}
     * @param low    valueMin of the data, finite
     * @param high   valueMax of the data, finite and {@code >= low}
     */
    StartNoise(Mode mode, double amount, double low, double high) {
        this.mode = Objects.requireNonNull(mode, "mode");
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
     * Perturbs {@code frames} in place, drawing the uniforms element by element in C order.
     *
     * @param frames {@code [B, C_obs, S, S]} observable start frames, a contiguous array the caller
     *               owns (its data type is kept: the noise is computed in it)
     * @param rng    the noise stream
     * @return {@code frames}
     */
    INDArray applyInPlace(INDArray frames, SplittableRandom rng) {
        double[] u = new double[Math.toIntExact(frames.length())];
        DataType dtype = frames.dataType();
        if (mode == Mode.ADDITIVE) {
            double scale = amount * (high - low);
            for (int i = 0; i < u.length; i++) {
                u[i] = scale * (2 * rng.nextDouble() - 1);
            }
            return frames.addi(Nd4j.create(u, frames.shape(), dtype));
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = high > low ? rng.nextDouble(low, high) : low;
        }
        INDArray uniform = Nd4j.create(u, frames.shape(), dtype);
        return frames.muli(1 - amount).addi(uniform.muli(amount));
    }
}
