package dev.nca.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.api.NcaException;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conversion between {@link ModelSpec} and the {@code model} object of {@code checkpoint.json},
 * and checked access to required manifest fields. Every problem is reported as an
 * {@link NcaException} saying that the named checkpoint is corrupt and which field is wrong.
 */
final class CheckpointJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;

    /** @param source the checkpoint file, for error messages */
    CheckpointJson(String source) {
        this.source = source;
    }

    static ObjectNode modelToJson(ModelSpec spec) {
        ObjectNode m = NODES.objectNode();
        m.put("channels", spec.channels());
        m.put("observable", spec.observable());
        m.put("hidden", spec.hidden());
        m.put("hiddenBias", spec.hiddenBias());
        ObjectNode k = m.putObject("kernels");
        ArrayNode names = k.putArray("names");
        spec.kernels().names().forEach(names::add);
        ArrayNode stencils = k.putArray("stencils");
        for (int i = 0; i < spec.kernels().count(); i++) {
            ArrayNode stencil = stencils.addArray();
            for (double[] row : spec.kernels().stencil(i)) {
                ArrayNode r = stencil.addArray();
                for (double x : row) {
                    r.add(x);
                }
            }
        }
        k.put("rotationSymmetric", spec.kernels().rotationSymmetric());
        m.put("activation", spec.activation());
        m.put("boundary", spec.boundary().recipeName());
        m.put("updateProbability", spec.updateProbability());
        m.put("maskMode", spec.maskMode().recipeName());
        if (spec.alive() != null) {
            ObjectNode alive = m.putObject("alive");
            alive.put("channel", spec.alive().channel());
            alive.put("threshold", spec.alive().threshold());
        }
        return m;
    }

    ModelSpec modelFromJson(JsonNode root) {
        JsonNode m = object(root, "model");
        int channels = positiveInt(m, "model.channels");
        int observable = positiveInt(m, "model.observable");
        int hidden = positiveInt(m, "model.hidden");
        if (observable > channels) {
            throw corrupt("model.observable (" + observable + ") exceeds model.channels (" + channels + ")");
        }
        double p = number(m, "model.updateProbability");
        if (!(p > 0 && p <= 1)) {
            throw corrupt("model.updateProbability must be in (0, 1], got " + p);
        }
        Kernels kernels = kernels(object(m, "model.kernels"));
        Boundary boundary = constant(Boundary.class, text(m, "model.boundary"), "model.boundary");
        MaskMode mask = constant(MaskMode.class, text(m, "model.maskMode"), "model.maskMode");
        return new ModelSpec(channels, observable, hidden, bool(m, "model.hiddenBias"), kernels,
                text(m, "model.activation"), boundary, p, mask, alive(m, channels));
    }

    /** The optional alive rule (absent in checkpoints of models without alive masking). */
    private AliveRule alive(JsonNode m, int channels) {
        if (!m.has("alive")) {
            return null;
        }
        JsonNode a = object(m, "model.alive");
        long channel = integer(a, "model.alive.channel");
        double threshold = number(a, "model.alive.threshold");
        if (channel < 0 || channel >= channels || !(threshold > 0) || Double.isInfinite(threshold)) {
            throw corrupt("model.alive needs 0 <= channel < " + channels + " and threshold > 0, got channel "
                    + channel + ", threshold " + threshold);
        }
        return new AliveRule((int) channel, threshold);
    }

    private Kernels kernels(JsonNode k) {
        JsonNode names = field(k, "model.kernels.names");
        JsonNode stencils = field(k, "model.kernels.stencils");
        if (!names.isArray() || !stencils.isArray() || names.size() != stencils.size() || names.isEmpty()) {
            throw corrupt("model.kernels must hold equally long, non-empty 'names' and 'stencils' arrays");
        }
        List<String> n = new ArrayList<>();
        double[][][] s = new double[stencils.size()][3][3];
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isTextual()) {
                throw corrupt("model.kernels.names[" + i + "] is not a string");
            }
            n.add(names.get(i).asText());
            JsonNode st = stencils.get(i);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    JsonNode x = st.path(a).path(b);
                    if (!x.isNumber() || st.size() != 3 || st.get(a).size() != 3) {
                        throw corrupt("model.kernels.stencils[" + i + "] is not a 3x3 array of numbers");
                    }
                    s[i][a][b] = x.doubleValue();
                }
            }
        }
        try {
            return new Kernels(n, s, bool(k, "model.kernels.rotationSymmetric"));
        } catch (IllegalArgumentException e) {
            throw corrupt("model.kernels: " + e.getMessage());
        }
    }

    /** Writes a double that may be NaN or infinite: finite as a number, otherwise as "NaN", "Infinity" or "-Infinity". */
    static void putDouble(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.put(key, Double.toString(value));
        }
    }

    /** Reads a double written by {@link #putDouble}. */
    double anyDouble(JsonNode node, String path) {
        JsonNode x = field(node, path);
        if (x.isNumber()) {
            return x.doubleValue();
        }
        return switch (x.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw corrupt(path + " must be a number, \"NaN\", \"Infinity\" or \"-Infinity\", got " + x);
        };
    }

    JsonNode field(JsonNode node, String path) {
        JsonNode x = node.get(path.substring(path.lastIndexOf('.') + 1));
        if (x == null || x.isNull()) {
            throw corrupt("checkpoint.json lacks '" + path + "'");
        }
        return x;
    }

    JsonNode object(JsonNode node, String path) {
        JsonNode x = field(node, path);
        if (!x.isObject()) {
            throw corrupt("'" + path + "' in checkpoint.json must be an object");
        }
        return x;
    }

    String text(JsonNode node, String path) {
        JsonNode x = field(node, path);
        if (!x.isTextual()) {
            throw corrupt("'" + path + "' in checkpoint.json must be a string, got " + x);
        }
        return x.asText();
    }

    long integer(JsonNode node, String path) {
        JsonNode x = field(node, path);
        if (!x.isIntegralNumber() || !x.canConvertToLong()) {
            throw corrupt("'" + path + "' in checkpoint.json must be an integer, got " + x);
        }
        return x.longValue();
    }

    private int positiveInt(JsonNode node, String path) {
        long v = integer(node, path);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw corrupt("'" + path + "' in checkpoint.json must be a positive integer, got " + v);
        }
        return (int) v;
    }

    private double number(JsonNode node, String path) {
        JsonNode x = field(node, path);
        if (!x.isNumber()) {
            throw corrupt("'" + path + "' in checkpoint.json must be a number, got " + x);
        }
        return x.doubleValue();
    }

    private boolean bool(JsonNode node, String path) {
        JsonNode x = field(node, path);
        if (!x.isBoolean()) {
            throw corrupt("'" + path + "' in checkpoint.json must be true or false, got " + x);
        }
        return x.booleanValue();
    }

    private <E extends Enum<E>> E constant(Class<E> type, String name, String path) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw corrupt("'" + path + "' in checkpoint.json has the unknown value '" + name + "'");
        }
    }

    NcaException corrupt(String problem) {
        return new NcaException("checkpoint " + source + " is corrupt: " + problem);
    }
}
