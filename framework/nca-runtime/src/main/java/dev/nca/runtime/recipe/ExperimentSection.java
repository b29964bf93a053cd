package dev.nca.runtime.recipe;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The recipe's {@code [experiment]} table.
 *
 * @param name        the run name: lower-case letters, digits, {@code _} and {@code -}, starting
 *                    with a letter or digit; used in the run directory's name
 * @param seed        the one seed every random choice of the run derives from
 * @param description free text for the run's provenance
 * @param dtype       {@code "float32"} (training default) or {@code "float64"}
 */
public record ExperimentSection(String name, long seed, String description, String dtype) {

    public ExperimentSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(dtype, "dtype");
    }

    /** The ND4J data type of the run's tensors: FLOAT for float32, DOUBLE for float64. */
    public DataType dataType() {
        return switch (dtype) {
            case "float32" -> DataType.FLOAT;
            case "float64" -> DataType.DOUBLE;
            default -> throw new IllegalStateException("unvalidated dtype " + dtype);
        };
    }
}
