package dev.nca.runtime.recipe;

import dev.nca.core.train.LearningRateSchedule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Recipe} as TOML: every key with its resolved value (defaults filled in,
 * overrides applied), extension parameter tables as given, optional keys only when set. The text
 * reads back through {@link RecipeLoader} to an equal recipe. Floats are written as plain decimals
 * (TOML4J reads exponent notation inexactly), so every double reads back bit for bit.
 */
public final class RecipeWriter {

    private RecipeWriter() {
    }

    /** The recipe as TOML text. */
    public static String toToml(Recipe recipe) {
        StringBuilder out = new StringBuilder();
        out.append("# Resolved recipe (defaults filled in, overrides applied) from ").append(recipe.source()).append('\n');

        ExperimentSection e = recipe.experiment();
        table(out, "experiment");
        key(out, "name", e.name());
        key(out, "seed", e.seed());
        key(out, "description", e.description());
        key(out, "dtype", e.dtype());

        DataSection d = recipe.data();
        table(out, "data");
        key(out, "dataset", d.dataset());
        params(out, "data.params", d.params());

        ModelSection m = recipe.model();
        table(out, "model");
        key(out, "channels", (long) m.channels());
        key(out, "observable", (long) m.observable());
        key(out, "hidden", (long) m.hidden());
        key(out, "hidden_bias", m.hiddenBias());
        key(out, "kernels", m.kernels());
        key(out, "activation", m.activation());
        m.boundary().ifPresent(b -> key(out, "boundary", b.recipeName()));
        key(out, "update_probability", m.updateProbability());
        key(out, "mask", m.mask().recipeName());
        key(out, "init_scale", m.initScale());
        m.alive().ifPresent(a -> {
            key(out, "alive_threshold", a.threshold());
            key(out, "alive_channel", (long) a.channel());
        });
        params(out, "model.kernel_params", m.kernelParams());

        TrainingSection t = recipe.training();
        table(out, "training");
        key(out, "schedule", t.schedule());
        t.frameSpacing().ifPresent(s -> key(out, "frame_spacing", (long) s));
        key(out, "epochs", t.epochs());
        key(out, "minibatch", (long) t.minibatch());
        key(out, "loss", t.loss());
        key(out, "learning_rate", t.learningRate());
        if (t.learningRateDecay() != LearningRateSchedule.Kind.CONSTANT) {
            key(out, "learning_rate_decay", t.learningRateDecay().recipeName());
            key(out, "final_learning_rate", t.finalLearningRate());
        }
        key(out, "beta1", t.beta1());
        key(out, "beta2", t.beta2());
        key(out, "epsilon", t.epsilon());
        key(out, "gradient_normalisation", t.gradientNormalisation());
        key(out, "block", (long) t.block());
        key(out, "threads", (long) t.threads());
        key(out, "engine", t.engine());
        if (t.tapeMemory() > 0) {
            key(out, "tape_memory", Long.toString(t.tapeMemory()));
        }
        params(out, "training.schedule_params", t.scheduleParams());
        params(out, "training.loss_params", t.lossParams());

        OutputSection o = recipe.output();
        table(out, "output");
        key(out, "directory", o.directory());
        key(out, "checkpoint_every", o.checkpointEvery());
        key(out, "snapshot_every", o.snapshotEvery());
        key(out, "keep_last", o.keepLast());
        key(out, "validate_every", o.validateEvery());
        key(out, "best_by", o.bestBy());
        return out.toString();
    }

    /** Writes {@link #toToml(Recipe)} to a file (UTF-8), replacing it if present. */
    public static void write(Recipe recipe, Path file) throws IOException {
        Files.writeString(file, toToml(recipe), StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder out, String name) {
        out.append('\n').append('[').append(name).append("]\n");
    }

    private static void params(StringBuilder out, String name, Map<String, Object> params) {
        if (params.isEmpty()) {
            return;
        }
        table(out, name);
        params.forEach((k, v) -> key(out, k, v));
    }

    private static void key(StringBuilder out, String key, Object value) {
        out.append(key).append(" = ").append(value(value)).append('\n');
    }

    /** One TOML value: string, Long, Double, Boolean or a list of these. */
    public static String value(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Double d) {
            return real(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(value(list.get(i)));
            }
            return sb.append(']').toString();
        }
        throw new IllegalArgumentException("cannot write a value of type "
                + (value == null ? "null" : value.getClass().getName()) + " as TOML");
    }

    private static String real(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("cannot write the non-finite number " + d + " as TOML 0.4");
        }
        if (d == 0.0) {
            return "0.0";
        }
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
