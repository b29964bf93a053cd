package dev.nca.runtime.recipe;

import static dev.nca.runtime.recipe.RecipeKey.bool;
import static dev.nca.runtime.recipe.RecipeKey.choice;
import static dev.nca.runtime.recipe.RecipeKey.integer;
import static dev.nca.runtime.recipe.RecipeKey.real;
import static dev.nca.runtime.recipe.RecipeKey.table;
import static dev.nca.runtime.recipe.RecipeKey.text;

import dev.nca.core.train.LearningRateSchedule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The framework's own recipe tables, declared once: every key of {@code [experiment]},
 * {@code [data]}, {@code [model]}, {@code [training]} and {@code [output]} with its type, default,
 * allowed values and description, in the order the writer emits them and the docs list them.
 * {@link RecipeLoader} validates with these keys, {@link RecipeWriter} writes them and
 * {@link RecipeKeyTables} generates the key tables of {@code docs/recipes.md} from them
 * (a test fails when the docs are out of date). Extension keys are declared by each extension's
 * {@link dev.nca.api.ParamSpec}s instead.
 */
public final class RecipeSchema {

    static final String EXPERIMENT = "experiment";
    static final String DATA = "data";
    static final String MODEL = "model";
    static final String TRAINING = "training";
    static final String OUTPUT = "output";

    private static final Pattern EXPERIMENT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern NON_BLANK = Pattern.compile("(?s).*\\S.*");
    private static final String EXTENSION_NAME_TEXT =
            "an extension name: lower-case letters and digits joined by single dashes";
    private static final double ANY = Double.MAX_VALUE;

    // [experiment]
    static final RecipeKey NAME = text(EXPERIMENT, "name", null, EXPERIMENT_NAME,
            "a name of lower-case letters, digits, _ and -, starting with a letter or digit",
            "run name; the run folder is `<name>-<yyyyMMdd-HHmmss>`", r -> r.experiment().name())
            .allowedDoc("`[a-z0-9][a-z0-9_-]*`");
    static final RecipeKey SEED = integer(EXPERIMENT, "seed", 0L, Long.MIN_VALUE, Long.MAX_VALUE,
            "the one seed every random choice derives from ([below](#one-seed-random-streams))",
            r -> r.experiment().seed());
    static final RecipeKey DESCRIPTION = text(EXPERIMENT, "description", "", null, "a string",
            "free text, kept in the resolved recipe", r -> r.experiment().description());
    static final RecipeKey DTYPE = choice(EXPERIMENT, "dtype", "float32", List.of("float32", "float64"),
            "data type of data, states, parameters and gradients", r -> r.experiment().dtype());

    // [data]
    static final RecipeKey DATASET = extension(DATA, "dataset", null, "Dataset",
            "what produces the trajectories", r -> r.data().dataset());
    static final RecipeKey DATA_PARAMS = table(DATA, "params",
            "parameters of the dataset", r -> r.data().params())
            .allowedDoc("see [extension parameters](#extension-parameter-tables)");

    // [model]
    static final RecipeKey CHANNELS = integer(MODEL, "channels", null, 1, 256,
            "C, all state channels (observable + hidden)", r -> r.model().channels());
    static final RecipeKey OBSERVABLE = integer(MODEL, "observable", null, 1, 256,
            "C_obs, the first channels, compared with data; must equal the dataset's channel count",
            r -> r.model().observable())
            .derivedMax("channels", v -> (Long) v.get("channels"));
    static final RecipeKey HIDDEN = integer(MODEL, "hidden", null, 1, 4096,
            "H, hidden units of the per-cell MLP", r -> r.model().hidden())
            .derivedDefault("4 * channels", v -> 4 * (Long) v.get("channels"));
    static final RecipeKey HIDDEN_BIAS = bool(MODEL, "hidden_bias", false,
            "whether the hidden layer has a bias b2", r -> r.model().hiddenBias());
    static final RecipeKey KERNELS = extension(MODEL, "kernels", null, "KernelSet",
            "the K fixed 3x3 perception stencils", r -> r.model().kernels());
    static final RecipeKey KERNEL_PARAMS = table(MODEL, "kernel_params",
            "parameters of the kernel set", r -> r.model().kernelParams());
    static final RecipeKey ACTIVATION = extension(MODEL, "activation", "relu", "Activation",
            "hidden non-linearity u; activations take no parameters", r -> r.model().activation());
    static final RecipeKey BOUNDARY = choice(MODEL, "boundary", null, List.of("periodic", "zero", "reflect"),
            "what the stencils read beyond the edge: wrap; zero; mirror without repeating the edge"
                    + " (index -1 reads 1)", null)
            .optional("the dataset's boundary, else `\"periodic\"`")
            .writtenWhen(r -> r.model().boundary().map(b -> b.recipeName()));
    static final RecipeKey UPDATE_PROBABILITY = real(MODEL, "update_probability", 1.0, 0.0, false, 1.0, true,
            "q, probability that a cell (or element) is updated in a step; 1 = deterministic",
            r -> r.model().updateProbability());
    static final RecipeKey MASK = choice(MODEL, "mask", "cell", List.of("cell", "element"),
            "one Bernoulli(q) draw per cell shared by its channels, or one per cell and channel; no effect"
                    + " when q = 1", r -> r.model().mask().recipeName());
    static final RecipeKey INIT_SCALE = real(MODEL, "init_scale", 1.0, 0.0, false, ANY, true,
            "W2 is drawn uniformly from ±`init_scale * sqrt(6 / (C*K + H))`; W1, v and b2 start at zero",
            r -> r.model().initScale());
    static final RecipeKey ALIVE_THRESHOLD = real(MODEL, "alive_threshold", 0.0, 0.0, true, ANY, true,
            "alive masking of growing NCA (Mordvintsev et al. 2020): a cell lives while the largest value of"
                    + " `alive_channel` in its 3x3 neighbourhood exceeds this, tested before and after each"
                    + " update; dead cells are set to zero in every channel. 0 = off", null)
            .note(" (0 turns alive masking off)")
            .writtenWhen(r -> r.model().alive().map(a -> a.threshold()));
    static final RecipeKey ALIVE_CHANNEL = integer(MODEL, "alive_channel", null, 0, 255,
            "the channel the alive test reads (alpha, index 3, for RGBA data)", null)
            .derivedDefault("observable - 1", v -> (Long) v.get("observable") - 1)
            .derivedMax("channels - 1", v -> (Long) v.get("channels") - 1)
            .writtenWhen(r -> r.model().alive().map(a -> (long) a.channel()));

    // [training]
    static final RecipeKey SCHEDULE = extension(TRAINING, "schedule", "transitions", "TrainingSchedule",
            "what each mini-batch trains on", r -> r.training().schedule());
    static final RecipeKey SCHEDULE_PARAMS = table(TRAINING, "schedule_params",
            "parameters of the schedule", r -> r.training().scheduleParams());
    static final RecipeKey FRAME_SPACING = integer(TRAINING, "frame_spacing", null, 1, 100_000,
            "t, NCA steps between consecutive data frames", null)
            .optional("the dataset's hint")
            .writtenWhen(r -> r.training().frameSpacing().isPresent()
                    ? Optional.of((long) r.training().frameSpacing().getAsInt()) : Optional.empty());
    static final RecipeKey EPOCHS = integer(TRAINING, "epochs", null, 1, 10_000_000,
            "number of epochs (one optimiser step each)", r -> r.training().epochs());
    static final RecipeKey MINIBATCH = integer(TRAINING, "minibatch", 64L, 1, 100_000,
            "samples per mini-batch (a size, not a count of mini-batches)", r -> r.training().minibatch());
    static final RecipeKey LOSS = extension(TRAINING, "loss", "euclidean", "LossFunction",
            "per-sample distance on observable channels", r -> r.training().loss());
    static final RecipeKey LOSS_PARAMS = table(TRAINING, "loss_params",
            "parameters of the loss", r -> r.training().lossParams());
    static final RecipeKey LEARNING_RATE = real(TRAINING, "learning_rate", 1e-3, 0.0, false, ANY, true,
            "Nadam step size (at epoch 0 when it decays)", r -> r.training().learningRate());
    static final RecipeKey LEARNING_RATE_DECAY = choice(TRAINING, "learning_rate_decay", "constant",
            List.of("constant", "cosine", "exponential"),
            "how the step size changes from `learning_rate` at epoch 0 to `final_learning_rate` at the last"
                    + " epoch (below)", null)
            .writtenWhen(r -> decays(r) ? Optional.of(r.training().learningRateDecay().recipeName())
                    : Optional.empty());
    static final RecipeKey FINAL_LEARNING_RATE = real(TRAINING, "final_learning_rate", null, 0.0, false, ANY, true,
            "the step size of the last epoch; only with a decay (an error with `\"constant\"`)", null)
            .derivedDefault("learning_rate / 100", v -> (Double) v.get("learning_rate") / 100)
            .writtenWhen(r -> decays(r) ? Optional.of(r.training().finalLearningRate()) : Optional.empty());
    static final RecipeKey BETA1 = real(TRAINING, "beta1", 0.9, 0.0, true, 1.0, false,
            "Nadam first-moment decay", r -> r.training().beta1());
    static final RecipeKey BETA2 = real(TRAINING, "beta2", 0.999, 0.0, true, 1.0, false,
            "Nadam second-moment decay", r -> r.training().beta2());
    static final RecipeKey EPSILON = real(TRAINING, "epsilon", 1e-7, 0.0, false, ANY, true,
            "Nadam denominator offset", r -> r.training().epsilon());
    static final RecipeKey GRADIENT_NORMALISATION = bool(TRAINING, "gradient_normalisation", true,
            "scale each parameter tensor's summed gradient g to g / (L2norm(g) + 1e-8) before the update",
            r -> r.training().gradientNormalisation());
    static final RecipeKey BLOCK = integer(TRAINING, "block", 4L, 1, 4096,
            "samples rolled out together; bounds the BPTT tape memory (see"
                    + " [architecture](architecture.md#engine))", r -> r.training().block());
    static final RecipeKey THREADS = integer(TRAINING, "threads", 0L, 0, 256,
            "worker threads rolling blocks in parallel; `0` = one per available core.",
            r -> r.training().threads());
    static final RecipeKey ENGINE = text(TRAINING, "engine", TrainingSection.AUTO_ENGINE, EXTENSION_NAME,
            "an engine name such as \"stencil-gemm\" or \"auto\"",
            "the compute engine ([architecture](architecture.md#engine-seam)); `\"auto\"` is `\"fused\"` where it"
                    + " applies (float32, no alive masking, an activation with the float-array hook) and"
                    + " `\"stencil-gemm\"` otherwise. Results agree between engines up to floating-point"
                    + " rounding; provenance records which engine trained a"
                    + " model", r -> r.training().engine())
            .allowedDoc("`\"auto\"`, `\"fused\"`, `\"stencil-gemm\"`, `\"nd4j-reference\"`");
    static final RecipeKey TAPE_MEMORY = text(TRAINING, "tape_memory", "unlimited", MemorySize.PATTERN,
            MemorySize.TEXT,
            "back-propagation tape budget per worker thread: rollouts whose tape would exceed it are"
                    + " checkpointed (every k-th state kept, segments recomputed in the backward pass, about one"
                    + " extra forward pass; see [architecture](architecture.md#gradient-checkpointing) and"
                    + " [performance](performance.md#gradient-checkpointing)); `nca train --tape-memory SIZE` sets"
                    + " it too. With q < 1 a checkpointed rollout draws its masks per segment (same distribution,"
                    + " other draws)", null)
            .allowedDoc("a size: `\"512m\"`, `\"2g\"`, `\"1.5GiB\"`, bytes, or `\"unlimited\"`")
            .writtenWhen(r -> r.training().tapeMemory() > 0 ? Optional.of(Long.toString(r.training().tapeMemory()))
                    : Optional.empty());

    // [output]
    static final RecipeKey DIRECTORY = text(OUTPUT, "directory", "runs", NON_BLANK, "a non-empty path",
            "where run folders are created; relative to the working directory. `nca train --output DIR`"
                    + " overrides it", r -> r.output().directory())
            .allowedDoc("non-blank path");
    static final RecipeKey CHECKPOINT_EVERY = integer(OUTPUT, "checkpoint_every", 100L, 1, Long.MAX_VALUE,
            "epochs between writes of `checkpoints/best.nca`, `checkpoints/last.nca` and `loss.png`; also"
                    + " written after the last epoch", r -> r.output().checkpointEvery());
    static final RecipeKey SNAPSHOT_EVERY = integer(OUTPUT, "snapshot_every", 500L, 1, Long.MAX_VALUE,
            "epochs between `snapshots/epoch-NNNNNN.png`; one more is written at the end",
            r -> r.output().snapshotEvery());
    static final RecipeKey KEEP_LAST = bool(OUTPUT, "keep_last", true,
            "`true`: keep only `checkpoints/best.nca` and `checkpoints/last.nca`; `false`: also keep every"
                    + " periodic checkpoint as `checkpoints/epoch-NNNNNN.nca` (NNNNNN = epochs completed)",
            r -> r.output().keepLast());
    static final RecipeKey VALIDATE_EVERY = integer(OUTPUT, "validate_every", null, 1, Long.MAX_VALUE,
            "epochs between validation rollouts: every trajectory of the dataset's held-out split (or, for a"
                    + " dataset without one, of the training data) is rolled from its first frame over the trained"
                    + " horizon (the training trajectories' frames x `frame_spacing`) and compared with the data at"
                    + " every frame time; the *validation error* (mean Euclidean error over mean data norm, frame"
                    + " times after the first, observable channels) goes to `metrics.jsonl` (`validation_error`)"
                    + " and `loss.png`. The last epoch is always validated", r -> r.output().validateEvery())
            .derivedDefault("checkpoint_every", v -> (Long) v.get("checkpoint_every"));
    static final RecipeKey BEST_BY = choice(OUTPUT, "best_by", OutputSection.BY_VALIDATION,
            List.of(OutputSection.BY_VALIDATION, OutputSection.BY_LOSS),
            "what `checkpoints/best.nca` is chosen by: the lowest validation error among the validated epochs,"
                    + " or the lowest training loss of an epoch (the parameters that loss was measured with). With"
                    + " propagated states (Algorithm 2) the training loss of later epochs is measured on the"
                    + " model's own, harder states, so `\"loss\"` can pick the untrained model",
            r -> r.output().bestBy());

    /** Every key, table by table, in the order the writer emits them and the docs list them. */
    static final List<RecipeKey> KEYS = List.of(NAME, SEED, DESCRIPTION, DTYPE,
            DATASET, DATA_PARAMS,
            CHANNELS, OBSERVABLE, HIDDEN, HIDDEN_BIAS, KERNELS, KERNEL_PARAMS, ACTIVATION, BOUNDARY,
            UPDATE_PROBABILITY, MASK, INIT_SCALE, ALIVE_THRESHOLD, ALIVE_CHANNEL,
            SCHEDULE, SCHEDULE_PARAMS, FRAME_SPACING, EPOCHS, MINIBATCH, LOSS, LOSS_PARAMS, LEARNING_RATE,
            LEARNING_RATE_DECAY, FINAL_LEARNING_RATE, BETA1, BETA2, EPSILON, GRADIENT_NORMALISATION, BLOCK,
            THREADS, ENGINE, TAPE_MEMORY,
            DIRECTORY, CHECKPOINT_EVERY, SNAPSHOT_EVERY, KEEP_LAST, VALIDATE_EVERY, BEST_BY);

    /** Table name to its keys, tables in recipe order. */
    static final Map<String, List<RecipeKey>> BY_TABLE = byTable();

    /** Table name to its key names (including the extension parameter sub-tables). */
    static final Map<String, List<String>> TABLES = names();

    private RecipeSchema() {
    }

    /** Every framework key, table by table (for tools such as completion and docs). */
    public static List<RecipeKey> keys() {
        return KEYS;
    }

    private static RecipeKey extension(String table, String name, String fixedDefault, String kind,
                                       String description, java.util.function.Function<Recipe, Object> written) {
        return text(table, name, fixedDefault, EXTENSION_NAME, EXTENSION_NAME_TEXT, description, written)
                .allowedDoc("extension name of " + ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind);
    }

    private static boolean decays(Recipe r) {
        return r.training().learningRateDecay() != LearningRateSchedule.Kind.CONSTANT;
    }

    private static Map<String, List<RecipeKey>> byTable() {
        Map<String, List<RecipeKey>> t = new LinkedHashMap<>();
        for (String table : List.of(EXPERIMENT, DATA, MODEL, TRAINING, OUTPUT)) {
            t.put(table, KEYS.stream().filter(k -> k.table().equals(table)).toList());
        }
        return Collections.unmodifiableMap(t);
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        BY_TABLE.forEach((table, keys) -> t.put(table, keys.stream().map(RecipeKey::name).toList()));
        return Collections.unmodifiableMap(t);
    }

    static boolean isParamTable(String table, String key) {
        List<RecipeKey> keys = BY_TABLE.get(table);
        return keys != null && keys.stream().anyMatch(k -> k.name().equals(key) && k.type() == RecipeKey.Type.TABLE);
    }

    /** {@code "[experiment], [data], ..."} for messages. */
    static String tableList() {
        return String.join(", ", TABLES.keySet().stream().map(t -> "[" + t + "]").toList());
    }
}
