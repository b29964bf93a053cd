package dev.nca.runtime.experiment;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.LossFunction;
import dev.nca.api.NcaException;
import dev.nca.api.NcaModels;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.api.TrueDynamics;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.engine.EngineCatalog;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.models.CheckpointModels;
import dev.nca.runtime.plugin.ExtensionEntry;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.recipe.ModelSection;
import dev.nca.runtime.recipe.Recipe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A recipe with every extension looked up and every extension's parameters validated: building
 * one fails fast, before any data are generated, with messages that name the recipe file, table
 * and key.
 *
 * @param recipe         the recipe
 * @param dataset        the dataset extension and its validated parameters
 * @param kernelSet      the kernel set and its parameters
 * @param activation     the activation
 * @param loss           the loss function and its parameters
 * @param schedule       the training schedule and its parameters
 * @param models         the model service datasets may use (e.g. to run a teacher checkpoint)
 * @param engines        the compute engines the host offers (see {@link #engine()})
 */
public record ExperimentPlan(Recipe recipe, Resolved<Dataset> dataset, Resolved<KernelSet> kernelSet,
                             Resolved<Activation> activation, Resolved<LossFunction> loss,
                             Resolved<TrainingSchedule> schedule, NcaModels models, EngineCatalog engines) {

    /**
     * An extension with its registry entry (for provenance) and validated parameters.
     *
     * @param entry  registry entry: the extension and the plugin that contributed it
     * @param params validated parameters (empty for extensions without any)
     */
    public record Resolved<T extends dev.nca.api.NamedExtension>(ExtensionEntry<T> entry, Params params) {
        public T extension() {
            return entry.extension();
        }
    }

    /**
     * Resolves every extension a recipe names, validates their parameters and picks its engine.
     *
     * @param recipe     a validated recipe
     * @param extensions the host's extensions
     * @param engines    the engines the host offers; models that datasets load run on the default one
     * @throws NcaException naming the recipe key when an extension or the engine is unknown, or
     *                      parameters are invalid
     */
    public static ExperimentPlan resolve(Recipe recipe, Extensions extensions, EngineCatalog engines) {
        var data = extensions.datasets().entry(recipe.data().dataset(), recipe.where("data", "dataset"));
        var kernels = extensions.kernelSets().entry(recipe.model().kernels(), recipe.where("model", "kernels"));
        var act = extensions.activations().entry(recipe.model().activation(), recipe.where("model", "activation"));
        var loss = extensions.lossFunctions().entry(recipe.training().loss(), recipe.where("training", "loss"));
        var sched = extensions.trainingSchedules().entry(recipe.training().schedule(),
                recipe.where("training", "schedule"));
        return new ExperimentPlan(recipe,
                new Resolved<>(data, Params.validate(data.parameters(), recipe.data().params(), recipe.dataParamsSource())),
                new Resolved<>(kernels, Params.validate(kernels.parameters(), recipe.model().kernelParams(),
                        recipe.kernelParamsSource())),
                new Resolved<>(act, Params.validate(act.parameters(), Map.of(), recipe.where("model", "activation"))),
                new Resolved<>(loss, Params.validate(loss.parameters(), recipe.training().lossParams(),
                        recipe.lossParamsSource())),
                new Resolved<>(sched, Params.validate(sched.parameters(), recipe.training().scheduleParams(),
                        recipe.scheduleParamsSource())),
                new CheckpointModels((name, where) -> extensions.activations().lookup(name, where),
                        engines.defaultFactory()),
                engines);
    }

    /**
     * The engine the recipe's {@code [training] engine} selects (the host's default for "auto").
     *
     * @throws NcaException naming the recipe key when this host has no such engine
     */
    public EngineFactory engine() {
        return engines.get(recipe.training().engine(), recipe.where("training", "engine"));
    }

    /** The run's random source: every random choice derives from the recipe seed. */
    public RandomSource random() {
        return new RandomSource(recipe.experiment().seed());
    }

    /** The tensor data type the recipe asks for. */
    public DataType dataType() {
        return "float64".equals(recipe.experiment().dtype()) ? DataType.DOUBLE : DataType.FLOAT;
    }

    /** Generates the training trajectories. */
    public Trajectories trainingData() {
        return generate(Split.TRAIN, OptionalInt.empty());
    }

    /** Generates trajectories of a split, optionally with a different number of frames. */
    public Trajectories generate(Split split, OptionalInt frames) {
        try {
            return dataset.extension().generate(dataset.params(), request(split, frames));
        } catch (NcaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NcaException("dataset \"" + dataset.entry().name() + "\" (" + dataset.entry().origin()
                    + ") failed to generate data: " + e, e);
        }
    }

    /**
     * The dataset's true system for the frames {@link #generate} returns with the same arguments, when
     * the dataset can simulate from a given state (see {@link Dataset#trueDynamics}).
     */
    public Optional<TrueDynamics> trueDynamics(Split split, OptionalInt frames) {
        try {
            return dataset.extension().trueDynamics(dataset.params(), request(split, frames));
        } catch (NcaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NcaException("dataset \"" + dataset.entry().name() + "\" (" + dataset.entry().origin()
                    + ") failed to set up its true dynamics: " + e, e);
        }
    }

    private DataRequest request(Split split, OptionalInt frames) {
        RandomSource r = random().child(split == Split.TRAIN ? "data/train" : "data/held-out");
        return new DataRequest(split, r, dataType(), frames, models);
    }

    /** The model structure for the given data: checks that the observable channels match. */
    public NcaConfig modelConfig(Trajectories data) {
        ModelSection m = recipe.model();
        if (m.observable() != data.channels()) {
            throw new NcaException(recipe.where("model", "observable") + ": the recipe says " + m.observable()
                    + " observable channels but dataset \"" + dataset.entry().name() + "\" has " + data.channels()
                    + " " + data.channelNames() + "; set observable = " + data.channels());
        }
        Kernels kernels = kernelSet.extension().kernels(kernelSet.params());
        Boundary boundary = m.boundary().orElse(data.boundary().orElse(Boundary.PERIODIC));
        return new NcaConfig(m.channels(), m.observable(), m.hidden(), m.hiddenBias(), kernels,
                activation.extension(), boundary, m.updateProbability(), m.mask(), m.alive().orElse(null));
    }

    /** NCA steps between consecutive frames: the recipe's frame_spacing, else the dataset's hint. */
    public int frameSpacing(Trajectories data) {
        return recipe.training().frameSpacing().orElse(data.frameSpacing());
    }

    /** Extension name to "plugin-id version" of every extension the recipe uses (for provenance). */
    public Map<String, String> extensionOrigins() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Resolved<?> r : List.of(dataset, kernelSet, activation, loss, schedule)) {
            out.put(r.entry().kind().pointName() + ":" + r.entry().name(), r.entry().origin());
        }
        return out;
    }
}
