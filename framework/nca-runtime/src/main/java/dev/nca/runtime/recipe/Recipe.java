package dev.nca.runtime.recipe;

import java.util.Objects;

/**
 * A validated recipe: everything needed to run one experiment, with defaults filled in.
 * Immutable. Read with {@link RecipeLoader}, written with {@link RecipeWriter}.
 *
 * <p>The raw extension parameter tables ({@code [data.params]}, {@code [model.kernel_params]},
 * {@code [training.schedule_params]}, {@code [training.loss_params]}) are kept as given; they are
 * validated by the chosen extension's {@link dev.nca.api.ParamSpec}s with
 * {@link dev.nca.api.Params#validate}, passing {@link #where(String)} as the source so that errors
 * name the file and table.
 *
 * @param source     the recipe file as the user named it, for messages
 * @param experiment {@code [experiment]}
 * @param data       {@code [data]}
 * @param model      {@code [model]}
 * @param training   {@code [training]}
 * @param output     {@code [output]}
 */
public record Recipe(String source, ExperimentSection experiment, DataSection data, ModelSection model,
                     TrainingSection training, OutputSection output) {

    public Recipe {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(output, "output");
    }

    /**
     * Where a table is, for messages: {@code where("data.params")} is
     * {@code "recipes/x.toml [data.params]"}.
     */
    public String where(String table) {
        return source + " [" + table + "]";
    }

    /**
     * Where a key is, for messages: {@code where("model", "kernels")} is
     * {@code "recipes/x.toml [model] kernels"} (the form registry lookups take).
     */
    public String where(String table, String key) {
        return where(table) + " " + key;
    }

    /** The source for validating {@code [data.params]}. */
    public String dataParamsSource() {
        return where("data.params");
    }

    /** The source for validating {@code [model.kernel_params]}. */
    public String kernelParamsSource() {
        return where("model.kernel_params");
    }

    /** The source for validating {@code [training.schedule_params]}. */
    public String scheduleParamsSource() {
        return where("training.schedule_params");
    }

    /** The source for validating {@code [training.loss_params]}. */
    public String lossParamsSource() {
        return where("training.loss_params");
    }
}
