package dev.nca.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.train.Nadam;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything needed to rebuild a model and resume its training; stored by {@link CheckpointIO}.
 *
 * <p>Tensors are held as named c-order copies ({@code w2 [C*K, H]}, {@code b2 [H, 1]} only when
 * {@code spec.hiddenBias()}, {@code w1 [H, C]}, {@code v [C, 1]}, with K = number of kernels),
 * all FLOAT or all DOUBLE, because a checkpoint is read before the activation named in the spec
 * has been resolved; {@link #toParameters(NcaConfig)} gives the {@link NcaParameters} once it has.
 * The construction copies the tensors and the metadata (a snapshot); treat the returned tensors as
 * read-only.
 *
 * @param spec       the model structure, kernels included as numbers
 * @param parameters the trainable tensors by name ({@link NcaParameters#W2} etc.)
 * @param optimiser  the optimiser state, or {@code null} for a model-only checkpoint
 * @param epoch      0-based index of the last completed epoch, -1 if none was completed
 * @param loss       the loss of that epoch (may be NaN)
 * @param bestLoss   the lowest epoch loss so far (may be +Infinity when none)
 * @param recipe     the resolved recipe as TOML text, or {@code null} when unknown
 * @param metadata   a JSON object of provenance (framework version, plugins, backend, JVM/OS,
 *                   seed, git commit, ...); {@code null} means empty
 * @param schedule   the training schedule's state after {@code epoch}, for an exact resume, or
 *                   {@code null} when the checkpoint carries none (model-only checkpoints,
 *                   checkpoints written before nca stored it, schedules that cannot save it)
 */
public record Checkpoint(ModelSpec spec, Map<String, INDArray> parameters, OptimiserState optimiser, int epoch,
                         double loss, double bestLoss, String recipe, ObjectNode metadata, SavedSchedule schedule) {

    /**
     * State of the {@link Nadam} optimiser: moments with the same names, shapes and data type as
     * the parameters, and the number of updates applied.
     *
     * @param firstMoments  m, by parameter name
     * @param secondMoments v, by parameter name
     * @param steps         updates applied so far, >= 0
     */
    public record OptimiserState(Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments,
                                 long steps) {

        public OptimiserState {
            firstMoments = copy(Objects.requireNonNull(firstMoments, "firstMoments"));
            secondMoments = copy(Objects.requireNonNull(secondMoments, "secondMoments"));
            if (steps < 0) {
                throw new IllegalArgumentException("optimiser steps must be >= 0, got " + steps);
            }
        }

        /** A snapshot of the state of {@code nadam}. */
        public static OptimiserState of(Nadam nadam) {
            return new OptimiserState(nadam.firstMoments().tensors(), nadam.secondMoments().tensors(), nadam.steps());
        }

        /** Restores this state into {@code nadam}, which must be built for {@code config}. */
        public void restore(Nadam nadam, NcaConfig config) {
            nadam.restore(NcaParameters.of(config, firstMoments), NcaParameters.of(config, secondMoments), steps);
        }
    }

    public Checkpoint {
        Objects.requireNonNull(spec, "spec");
        parameters = copy(Objects.requireNonNull(parameters, "parameters"));
        Map<String, long[]> shapes = expectedShapes(spec);
        DataType dtype = checkTensors("parameters", parameters, shapes, null);
        if (optimiser != null) {
            checkTensors("optimiser first moments", optimiser.firstMoments(), shapes, dtype);
            checkTensors("optimiser second moments", optimiser.secondMoments(), shapes, dtype);
        }
        if (epoch < -1) {
            throw new IllegalArgumentException("epoch must be >= -1, got " + epoch);
        }
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    }

    /** A checkpoint without schedule state. */
    public Checkpoint(ModelSpec spec, Map<String, INDArray> parameters, OptimiserState optimiser, int epoch,
                      double loss, double bestLoss, String recipe, ObjectNode metadata) {
        this(spec, parameters, optimiser, epoch, loss, bestLoss, recipe, metadata, null);
    }

    /** This checkpoint carrying {@code saved} as its schedule state ({@code null}: none). */
    public Checkpoint withSchedule(SavedSchedule saved) {
        return new Checkpoint(spec, parameters, optimiser, epoch, loss, bestLoss, recipe, metadata, saved);
    }

    /**
     * A snapshot of a training run.
     *
     * @param optimiser the optimiser whose state to keep, or {@code null} for a model-only checkpoint
     */
    public static Checkpoint of(ModelSpec spec, NcaParameters parameters, Nadam optimiser, int epoch, double loss,
                                double bestLoss, String recipe, ObjectNode metadata) {
        return new Checkpoint(spec, parameters.tensors(), optimiser == null ? null : OptimiserState.of(optimiser),
                epoch, loss, bestLoss, recipe, metadata);
    }

    /** The metadata: a copy, so changing it does not change the checkpoint. */
    @Override
    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    /** FLOAT or DOUBLE, the data type of every tensor. */
    public DataType dataType() {
        return parameters.get(NcaParameters.W2).dataType();
    }

    /** Whether optimiser state is included (needed to resume training exactly). */
    public boolean hasOptimiser() {
        return optimiser != null;
    }

    /** The parameters as {@link NcaParameters} (copies) for {@code config}, usually {@code spec().toConfig(activation)}. */
    public NcaParameters toParameters(NcaConfig config) {
        return NcaParameters.of(config, parameters);
    }

    /** The tensor names and shapes a spec implies, in the order w2, [b2], w1, v. */
    static Map<String, long[]> expectedShapes(ModelSpec spec) {
        long features = (long) spec.channels() * spec.kernels().count();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put(NcaParameters.W2, new long[] {features, spec.hidden()});
        if (spec.hiddenBias()) {
            shapes.put(NcaParameters.B2, new long[] {spec.hidden(), 1});
        }
        shapes.put(NcaParameters.W1, new long[] {spec.hidden(), spec.channels()});
        shapes.put(NcaParameters.V, new long[] {spec.channels(), 1});
        return shapes;
    }

    private static DataType checkTensors(String what, Map<String, INDArray> tensors, Map<String, long[]> shapes,
                                         DataType dtype) {
        if (!tensors.keySet().equals(shapes.keySet())) {
            throw new IllegalArgumentException(what + " must be exactly " + shapes.keySet() + " for this model, got "
                    + tensors.keySet());
        }
        DataType expected = dtype;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            INDArray t = tensors.get(e.getKey());
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException(what + ": '" + e.getKey() + "' must have shape "
                        + Arrays.toString(e.getValue()) + ", got " + Arrays.toString(t.shape()));
            }
            if (expected == null) {
                expected = t.dataType();
                if (expected != DataType.FLOAT && expected != DataType.DOUBLE) {
                    throw new IllegalArgumentException(what + " must be FLOAT or DOUBLE, got " + expected);
                }
            } else if (t.dataType() != expected) {
                throw new IllegalArgumentException(what + ": '" + e.getKey() + "' is " + t.dataType()
                        + " but the parameters are " + expected);
            }
        }
        return expected;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> tensors) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        tensors.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "tensor name"),
                Objects.requireNonNull(v, "tensor '" + k + "'").dup('c')));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Metadata from a map whose values are JSON-like (maps, lists, strings, numbers, booleans,
     * {@code null}, {@link JsonNode}s or beans Jackson can serialise).
     */
    public static ObjectNode metadataOf(Map<String, ?> values) {
        return new ObjectMapper().valueToTree(values);
    }
}
