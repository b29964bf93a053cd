package dev.nca.runtime.evaluate;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.ExtensionContext;
import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.MiniBatch;
import dev.nca.api.NamedExtension;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import com.google.inject.Guice;
import dev.nca.runtime.experiment.TrainingRuns;
import dev.nca.runtime.inject.RunModule;
import dev.nca.runtime.plugin.ExtensionEntry;
import dev.nca.runtime.plugin.ExtensionKind;
import dev.nca.runtime.plugin.ExtensionRegistry;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.plugin.PluginHostConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Small extensions for the evaluation tests, registered in code (not through the class-path index,
 * so that the host tests of this module do not see them).
 */
final class TestExtensions {

    /** A recipe that uses every extension below, 3 channels (2 observable), float64. */
    static final String RECIPE = """
            [experiment]
            name = "eval-test"
            seed = 11
            dtype = "float64"
            [data]
            dataset = "test-ramp"
            [data.params]
            size = 3
            trajectories = 2
            frames = 3
            rate = 0.5
            [model]
            channels = 3
            observable = 2
            hidden = 4
            kernels = "test-identity"
            activation = "test-linear"
            [training]
            schedule = "test-first-transition"
            frame_spacing = 2
            epochs = 1
            loss = "test-squared"
            """;

    private TestExtensions() {
    }

    /** The engines the tests run on: the default CPU engine. */
    static dev.nca.core.engine.EngineCatalog engines() {
        return new dev.nca.core.engine.EngineCatalog(List.of(new dev.nca.core.engine.StencilGemmEngineFactory()),
                dev.nca.core.engine.StencilGemmEngine.NAME);
    }

    /**
     * Training runs as the command line makes them ({@link RunModule}), with these extensions and
     * framework version "test".
     */
    static TrainingRuns runs(Extensions extensions) {
        return Guice.createInjector(new RunModule(Map.of()), binder -> {
            binder.bind(Extensions.class).toInstance(extensions);
            binder.bind(PluginHostConfig.class).toInstance(PluginHostConfig.classpathOnly("test"));
        }).getInstance(TrainingRuns.class);
    }

    /** Every extension of this class, as built-in entries. */
    static Extensions extensions() {
        return new Extensions(List.of(
                registry(ExtensionKind.KERNEL_SET, new IdentityKernels()),
                registry(ExtensionKind.ACTIVATION, new LinearActivation()),
                registry(ExtensionKind.LOSS_FUNCTION, new SquaredLoss()),
                registry(ExtensionKind.DATASET, new RampDataset()),
                registry(ExtensionKind.TRAINING_SCHEDULE, new FirstTransition(), new CarriedStateSchedule())),
                List.of(), List.of());
    }

    @SafeVarargs
    private static <T extends NamedExtension> ExtensionRegistry<T> registry(ExtensionKind<T> kind, T... extensions) {
        List<ExtensionEntry<T>> entries = java.util.Arrays.stream(extensions)
                .map(e -> new ExtensionEntry<>(e.name(), e, kind, ExtensionEntry.BUILT_IN, "test")).toList();
        return ExtensionRegistry.of(kind, entries, problem -> {
            throw new AssertionError(problem.toString());
        });
    }

    /** {@code test-identity}: the single identity stencil. */
    static final class IdentityKernels implements KernelSet {
        @Override
        public String name() {
            return "test-identity";
        }

        @Override
        public String description() {
            return "the identity stencil";
        }

        @Override
        public Kernels kernels(Params params) {
            return new Kernels(List.of("identity"), new double[][][] {{{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}}, true);
        }
    }

    /** {@code test-linear}: u(a) = a. */
    static final class LinearActivation implements Activation {
        @Override
        public String name() {
            return "test-linear";
        }

        @Override
        public String description() {
            return "u(a) = a";
        }

        @Override
        public void apply(INDArray a, INDArray out) {
            out.assign(a);
        }

        @Override
        public void derivative(INDArray a, INDArray out) {
            out.assign(1.0);
        }
    }

    /** {@code test-squared}: the sum of squared differences of each sample, gradient 2 (p - t). */
    static final class SquaredLoss implements LossFunction {
        @Override
        public String name() {
            return "test-squared";
        }

        @Override
        public String description() {
            return "sum of squared differences";
        }

        @Override
        public Loss create(Params params, ExtensionContext context) {
            return (prediction, target, gradientOut) -> {
                INDArray diff = prediction.sub(target);
                if (gradientOut != null) {
                    gradientOut.assign(diff.mul(2.0));
                }
                long b = diff.size(0);
                return diff.mul(diff).reshape(b, diff.length() / b).sum(1);
            };
        }
    }

    /**
     * {@code test-ramp}: {@code y[r, t, c, i, j] = u[r, c, i, j] + t * rate} with u uniform in [0, 1)
     * drawn from the request's stream {@code "test-ramp/<r>"}; channels "p" and "q", spacing hint 2.
     */
    static final class RampDataset implements Dataset {
        @Override
        public String name() {
            return "test-ramp";
        }

        @Override
        public String description() {
            return "random fields rising linearly in time";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("size", 3L, 1, 64, "lattice side"),
                    ParamSpec.integer("trajectories", 2L, 1, 16, "trajectories"),
                    ParamSpec.integer("frames", 3L, 1, 1000, "frames per trajectory"),
                    ParamSpec.real("rate", 0.5, -10, 10, "increase per frame"));
        }

        @Override
        public Trajectories generate(Params params, DataRequest request) {
            int s = params.getInt("size");
            int r = params.getInt("trajectories");
            int t = request.frames().orElse(params.getInt("frames"));
            double rate = params.getDouble("rate");
            INDArray frames = Nd4j.create(DataType.DOUBLE, r, t, 2, s, s);
            for (int traj = 0; traj < r; traj++) {
                SplittableRandom random = request.random().stream("test-ramp/" + traj);
                for (int c = 0; c < 2; c++) {
                    for (int i = 0; i < s; i++) {
                        for (int j = 0; j < s; j++) {
                            double u = random.nextDouble();
                            for (int f = 0; f < t; f++) {
                                frames.putScalar(new long[] {traj, f, c, i, j}, u + f * rate);
                            }
                        }
                    }
                }
            }
            return new Trajectories(frames.castTo(request.dtype()), List.of("p", "q"), 2,
                    Optional.of(Boundary.PERIODIC), Optional.empty(), 0.0, 1.0 + (t - 1) * Math.abs(rate));
        }
    }

    /** {@code test-first-transition}: one mini-batch per epoch, every trajectory from frame 0 to frame 1. */
    static final class FirstTransition implements TrainingSchedule {
        @Override
        public String name() {
            return "test-first-transition";
        }

        @Override
        public String description() {
            return "frame 0 to frame 1 of every trajectory";
        }

        @Override
        public ScheduleRun start(Params params, ScheduleContext context) {
            Trajectories data = context.data();
            INDArray start = context.initialState(data.frames().get(NDArrayIndex.all(), NDArrayIndex.point(0))
                    .castTo(context.dtype()));
            INDArray next = data.frames().get(NDArrayIndex.all(), NDArrayIndex.point(1)).castTo(context.dtype());
            int[] keys = new int[data.trajectories()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = i;
            }
            MiniBatch batch = new MiniBatch(start, context.frameSpacing(),
                    List.of(new Target(context.frameSpacing(), next, 1.0)), keys);
            return new ScheduleRun() {
                @Override
                public List<MiniBatch> planEpoch(int epoch) {
                    return List.of(batch);
                }

                @Override
                public void accept(MiniBatch done, INDArray finalStates) {
                    // every epoch restarts from the data, so final states are not kept
                }
            };
        }
    }
}
