package dev.nca.runtime.evaluate;

import dev.nca.api.Activation;
import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.EngineCatalog;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A trained model rebuilt from a checkpoint file alone: the checkpoint's {@link dev.nca.core.model.ModelSpec}
 * and parameters, and the resolved recipe it stores, from which the dataset (and every other
 * extension the recipe names) is looked up again.
 *
 * <p>The model runs in the checkpoint's data type (FLOAT or DOUBLE); data generated through
 * {@link #generate} are converted to it. Immutable apart from the parameter tensors, which callers
 * must treat as read-only. The extensions must stay usable (plugin host open) while the model is used.
 */
public final class CheckpointModel {

    private static final String DATA_PARAMS = "data.params.";

    private final Path file;
    private final Checkpoint checkpoint;
    private final ExperimentPlan plan;
    private final NcaConfig config;
    private final NcaParameters parameters;
    private final EngineFactory engines;

    private CheckpointModel(Path file, Checkpoint checkpoint, ExperimentPlan plan, NcaConfig config,
                            NcaParameters parameters, EngineFactory engines) {
        this.engines = engines;
        this.file = file;
        this.checkpoint = checkpoint;
        this.plan = plan;
        this.config = config;
        this.parameters = parameters;
    }

    /**
     * Reads a checkpoint and rebuilds its model and experiment plan.
     *
     * @param file       a checkpoint written by training, e.g. {@code runs/<run>/checkpoints/best.nca}
     * @param extensions the extensions to look the recipe's names and the model's activation up in
     * @param engines    the host's engines; the model runs on the default one
     * @return the model
     * @throws NcaException when the file is missing or corrupt, holds no recipe, its recipe is invalid,
     *                      or an extension it names is not available
     */
    public static CheckpointModel load(Path file, Extensions extensions, EngineCatalog engines) {
        return load(file, extensions, engines, engines.defaultFactory());
    }

    /**
     * Reads a checkpoint and rebuilds its model and experiment plan, to run on a chosen engine.
     *
     * @param engine the engine the model runs on
     * @see #load(Path, Extensions, EngineCatalog)
     */
    public static CheckpointModel load(Path file, Extensions extensions, EngineCatalog engines, EngineFactory engine) {
        return load(file, extensions, engines, engine, Map.of());
    }

    /**
     * Reads a checkpoint and rebuilds its model and experiment plan, with some of its recipe's
     * {@code [data.params]} changed: the same model measured on other data of its dataset, e.g.
     * clean data ({@code data.params.noise=0}) for a model trained on noisy data, or a larger lattice.
     *
     * @param dataOverrides {@code "data.params.KEY" -> "VALUE"}, as for {@code nca train --set}
     * @throws NcaException when a key is not a {@code data.params} key, or the changed recipe is invalid
     * @see #load(Path, Extensions, EngineCatalog, EngineFactory)
     */
    public static CheckpointModel load(Path file, Extensions extensions, EngineCatalog engines, EngineFactory engine,
                                       Map<String, String> dataOverrides) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(extensions, "extensions");
        for (String key : dataOverrides.keySet()) {
            if (!key.startsWith(DATA_PARAMS) || key.length() == DATA_PARAMS.length()) {
                throw new NcaException("'" + key + "': only the dataset's parameters of a trained model can be"
                        + " changed (keys " + DATA_PARAMS + "NAME, e.g. data.params.noise=0)");
            }
        }
        Checkpoint checkpoint = CheckpointIO.read(file);
        Recipe recipe = dataOverrides.isEmpty() ? recipeOf(file, checkpoint)
                : RecipeLoader.parse(recipeText(file, checkpoint), file + " (recipe)", dataOverrides);
        ExperimentPlan plan = ExperimentPlan.resolve(recipe, extensions, engines);
        Activation activation = extensions.activations().lookup(checkpoint.spec().activation(),
                file + " (model activation)");
        NcaConfig config = checkpoint.spec().toConfig(activation);
        return new CheckpointModel(file, checkpoint, plan, config, checkpoint.toParameters(config), engine);
    }

    /**
     * The recipe stored in a checkpoint, validated; messages name it {@code "<file> (recipe)"}.
     *
     * @throws NcaException when the checkpoint holds no recipe or the recipe is invalid
     */
    public static Recipe recipeOf(Path file, Checkpoint checkpoint) {
        return RecipeLoader.parse(recipeText(file, checkpoint), file + " (recipe)", Map.of());
    }

    private static String recipeText(Path file, Checkpoint checkpoint) {
        if (checkpoint.recipe() == null) {
            throw new NcaException("checkpoint " + file + " holds no recipe, so its dataset cannot be rebuilt;"
                    + " use a checkpoint written by 'nca train'");
        }
        return checkpoint.recipe();
    }

    /** The checkpoint file as given. */
    public Path file() {
        return file;
    }

    /** The checkpoint as read. */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The checkpoint's recipe with its extensions resolved. */
    public ExperimentPlan plan() {
        return plan;
    }

    /** The model structure. */
    public NcaConfig config() {
        return config;
    }

    /** The trained parameters, in {@link #dataType()}; read-only. */
    public NcaParameters parameters() {
        return parameters;
    }

    /** FLOAT or DOUBLE: the checkpoint's tensor type, in which the model runs. */
    public DataType dataType() {
        return checkpoint.dataType();
    }

    /** A new engine for this model on an S x S lattice; the caller closes it. */
    public NcaEngine engine(int size) {
        return engines.create(config, size, dataType());
    }

    /** The name of the engine this model runs on. */
    public String engineName() {
        return engines.name();
    }

    /**
     * Generates a split of the recipe's dataset, in this model's data type.
     *
     * @param split  training or held-out initial conditions (same seeds as in training)
     * @param frames the number of frames T, or empty for the dataset's default
     * @return trajectories {@code [R, T, C_obs, S, S]}
     * @throws NcaException when generation fails, or the data's observable channels or frame count
     *                      differ from what the model and the request need
     */
    public Trajectories generate(Split split, OptionalInt frames) {
        Trajectories data = plan.generate(split, frames);
        String dataset = "dataset \"" + plan.dataset().entry().name() + "\"";
        if (data.channels() != config.observable()) {
            throw new NcaException(dataset + " of " + file + " (recipe) has " + data.channels()
                    + " observable channels " + data.channelNames() + " but the model in the checkpoint has "
                    + config.observable());
        }
        if (frames.isPresent() && data.length() != frames.getAsInt()) {
            throw new NcaException(dataset + " (" + plan.dataset().entry().origin() + ") returned " + data.length()
                    + " frames when " + frames.getAsInt() + " were requested");
        }
        if (data.frames().dataType() == dataType()) {
            return data;
        }
        return new Trajectories(data.frames().castTo(dataType()), data.channelNames(), data.frameSpacing(),
                data.boundary(), data.phases(), data.valueMin(), data.valueMax());
    }

    /** NCA steps between consecutive frames of {@code data}: the recipe's frame_spacing, else the dataset's hint. */
    public int frameSpacing(Trajectories data) {
        return plan.frameSpacing(data);
    }

    /**
     * NCA steps between consecutive frames before any data exist: the recipe's frame_spacing when set;
     * otherwise the dataset's hint, found by generating one held-out frame.
     */
    public int frameSpacing() {
        OptionalInt fromRecipe = plan.recipe().training().frameSpacing();
        if (fromRecipe.isPresent()) {
            return fromRecipe.getAsInt();
        }
        return plan.generate(Split.HELD_OUT, OptionalInt.of(1)).frameSpacing();
    }

    /**
     * The run folder the checkpoint belongs to: the parent of its {@code checkpoints/} folder, or the
     * checkpoint's own folder when it is not inside one named {@code checkpoints}.
     */
    public Path runDirectory() {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder.getFileName() != null && folder.getFileName().toString().equals("checkpoints")
                && folder.getParent() != null) {
            return folder.getParent();
        }
        return folder;
    }

    /** A seed derived from the recipe seed for the named purpose (e.g. the update masks of a rollout). */
    public long seed(String purpose) {
        return plan.random().derive(purpose);
    }
}
