package dev.nca.runtime.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tables and keys a recipe may contain, in the order the writer emits them. */
final class RecipeSchema {

    static final String EXPERIMENT = "experiment";
    static final String DATA = "data";
    static final String MODEL = "model";
    static final String TRAINING = "training";
    static final String OUTPUT = "output";

    /** Table name to its keys (including the extension parameter sub-tables). */
    static final Map<String, List<String>> TABLES = tables();

    /** The {@code table.key} paths that are extension parameter sub-tables. */
    static final Set<String> PARAM_TABLES =
            Set.of("data.params", "model.kernel_params", "training.schedule_params", "training.loss_params");

    private RecipeSchema() {
    }

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put(EXPERIMENT, List.of("name", "seed", "description", "dtype"));
        t.put(DATA, List.of("dataset", "params"));
        t.put(MODEL, List.of("channels", "observable", "hidden", "hidden_bias", "kernels", "kernel_params",
                "activation", "boundary", "update_probability", "mask", "init_scale", "alive_threshold",
                "alive_channel"));
        t.put(TRAINING, List.of("schedule", "schedule_params", "frame_spacing", "epochs", "minibatch", "loss",
                "loss_params", "learning_rate", "learning_rate_decay", "final_learning_rate", "beta1", "beta2", "epsilon", "gradient_normalisation", "block",
                "threads", "engine", "tape_memory"));
        t.put(OUTPUT, List.of("directory", "checkpoint_every", "snapshot_every", "keep_last", "validate_every",
                "best_by"));
        return java.util.Collections.unmodifiableMap(t);
    }

    static boolean isParamTable(String table, String key) {
        return PARAM_TABLES.contains(table + "." + key);
    }

    /** {@code "[experiment], [data], ..."} for messages. */
    static String tableList() {
        return String.join(", ", TABLES.keySet().stream().map(t -> "[" + t + "]").toList());
    }
}
