package dev.nca.api;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What an extension's factory method gets besides its parameters.
 *
 * @param random the run's random source (derive a named stream from it, never use a global RNG)
 * @param dtype  the floating-point type of the run's tensors (FLOAT in training, DOUBLE in checks)
 */
public record ExtensionContext(RandomSource random, DataType dtype) {
    public ExtensionContext {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(dtype, "dtype");
    }
}
