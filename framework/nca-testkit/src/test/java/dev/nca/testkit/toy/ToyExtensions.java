package dev.nca.testkit.toy;

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
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.ScheduleState;
import dev.nca.api.Target;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small correct extensions the contracts must accept, used to test the testkit itself. */
public final class ToyExtensions {

    private ToyExtensions() {
    }

    /** u(a) = a^2 / 2, u'(a) = a. */
    public static class HalfSquare implements Activation {
        @Override
        public String name() {
            return "half-square";
        }

        @Override
        public String description() {
            return "a^2 / 2";
        }

        @Override
        public void apply(INDArray a, INDArray out) {
            out.assign(a).muli(a).muli(0.5);
        }

        @Override
        public void derivative(INDArray a, INDArray out) {
            out.assign(a);
        }
    }

    /** Per-sample sum of squared differences, gradient 2 (x - y). */
    public static class SquaredError implements LossFunction {
        @Override
        public String name() {
            return "squared-error";
        }

        @Override
        public String description() {
            return "sum of squared differences";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("scale", 1.0, 0.0, 10.0, "factor on the loss"));
        }

        @Override
        public Loss create(Params params, ExtensionContext context) {
            double scale = params.getDouble("scale");
            return (prediction, target, gradientOut) -> {
                INDArray d = prediction.sub(target);
                if (gradientOut != null) {
                    gradientOut.assign(d.mul(2 * scale));
                }
                return d.mul(d).reshape(d.size(0), -1).sum(1).muli(scale);
            };
        }
    }

    /** One identity stencil, optionally claiming the wrong symmetry. */
    public static class Single implements KernelSet {
        private final boolean claimSymmetric;
        private final double[][] stencil;

        public Single() {
            this(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}, true);
        }

        public Single(double[][] stencil, boolean claimSymmetric) {
            this.stencil = stencil;
            this.claimSymmetric = claimSymmetric;
        }

        @Override
        public String name() {
            return "single";
        }

        @Override
        public String description() {
            return "one stencil";
        }

        @Override
        public Kernels kernels(Params params) {
            return new Kernels(List.of("k"), new double[][][] {stencil}, claimSymmetric);
        }
    }

    /** Uniform noise frames; required parameter {@code size}. */
    public static class Noise implements Dataset {
        @Override
        public String name() {
            return "noise";
        }

        @Override
        public String description() {
            return "uniform noise";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("size", null, 2, 64, "lattice side"),
                    ParamSpec.integer("frames", 3L, 1, 100, "frames per trajectory"));
        }

        @Override
        public Trajectories generate(Params params, DataRequest request) {
            int s = params.getInt("size");
            int t = request.frames().orElse(params.getInt("frames"));
            SplittableRandom rng = request.random().stream("noise");
            double[] v = new double[2 * t * s * s];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble();
            }
            INDArray f = Nd4j.create(v, new long[] {2, t, 1, s, s}, DataType.DOUBLE).castTo(request.dtype());
            return new Trajectories(f, List.of("u"), 1, Optional.of(Boundary.PERIODIC), Optional.empty(), 0, 1);
        }
    }

    /** Every transition once per epoch, in order, chunked; optionally over-sized batches. */
    public static class InOrder implements TrainingSchedule {
        private final int extra;

        public InOrder() {
            this(0);
        }

        public InOrder(int extra) {
            this.extra = extra;
        }

        @Override
        public String name() {
            return "in-order";
        }

        @Override
        public String description() {
            return "transitions in order";
        }

        @Override
        public ScheduleRun start(Params params, ScheduleContext context) {
            Trajectories data = context.data();
            int m = data.length() - 1;
            int total = data.trajectories() * m;
            int chunk = context.minibatch() + extra;
            return new ScheduleRun() {
                @Override
                public List<MiniBatch> planEpoch(int epoch) {
                    List<MiniBatch> out = new ArrayList<>();
                    for (int from = 0; from < total; from += chunk) {
                        int b = Math.min(chunk, total - from);
                        INDArray obsStart = Nd4j.create(context.dtype(), b, data.channels(), data.size(), data.size());
                        INDArray obsEnd = Nd4j.create(context.dtype(), b, data.channels(), data.size(), data.size());
                        int[] keys = new int[b];
                        for (int i = 0; i < b; i++) {
                            int k = from + i;
                            keys[i] = k;
                            obsStart.get(NDArrayIndex.point(i)).assign(data.frame(k / m, k % m));
                            obsEnd.get(NDArrayIndex.point(i)).assign(data.frame(k / m, k % m + 1));
                        }
                        out.add(new MiniBatch(context.initialState(obsStart), context.frameSpacing(),
                                List.of(new Target(context.frameSpacing(), obsEnd, 1.0)), keys));
                    }
                    return out;
                }

                @Override
                public void accept(MiniBatch batch, INDArray finalStates) {
                    // this toy schedule re-initialises every start from data: nothing to keep
                }

                @Override
                public Optional<ScheduleState> saveState() {
                    return Optional.of(ScheduleState.empty());
                }
            };
        }
    }

    /** How {@link Carry} mishandles its state, for the fault tests. */
    public enum CarryFault { NONE, SAVES_NOTHING, RESTORES_NOTHING }

    /**
     * Each epoch one mini-batch of R samples, sample r starting from the state trajectory r ended
     * the previous epoch in (frame 0 of the data at first), compared with frame 1: a schedule
     * whose state matters from epoch 1 on. Saves the carried states {@code [R, C, S, S]} as
     * {@code carried}, unless told to get that wrong.
     */
    public static class Carry implements TrainingSchedule {
        private final CarryFault fault;

        public Carry(CarryFault fault) {
            this.fault = fault;
        }

        @Override
        public String name() {
            return "carry";
        }

        @Override
        public String description() {
            return "every trajectory carries its final state into the next epoch";
        }

        @Override
        public ScheduleRun start(Params params, ScheduleContext context) {
            Trajectories data = context.data();
            int r = data.trajectories();
            INDArray first = Nd4j.create(context.dtype(), r, data.channels(), data.size(), data.size());
            INDArray second = Nd4j.create(context.dtype(), r, data.channels(), data.size(), data.size());
            for (int i = 0; i < r; i++) {
                first.get(NDArrayIndex.point(i)).assign(data.frame(i, 0));
                second.get(NDArrayIndex.point(i)).assign(data.frame(i, 1));
            }
            INDArray carried = context.initialState(first);
            int[] keys = java.util.stream.IntStream.range(0, r).toArray();
            return new ScheduleRun() {
                @Override
                public List<MiniBatch> planEpoch(int epoch) {
                    return List.of(new MiniBatch(carried.dup(), context.frameSpacing(),
                            List.of(new Target(context.frameSpacing(), second, 1.0)), keys));
                }

                @Override
                public void accept(MiniBatch batch, INDArray finalStates) {
                    carried.assign(finalStates);
                }

                @Override
                public Optional<ScheduleState> saveState() {
                    return Optional.of(fault == CarryFault.SAVES_NOTHING ? ScheduleState.empty()
                            : ScheduleState.builder().array("carried", carried).build());
                }

                @Override
                public void restoreState(ScheduleState state) {
                    if (fault == CarryFault.SAVES_NOTHING) {
                        return; // consistent with its faulty save: there is nothing to restore
                    }
                    INDArray saved = state.array("carried", context.dtype(), carried.shape());
                    if (fault != CarryFault.RESTORES_NOTHING) {
                        carried.assign(saved);
                    }
                }
            };
        }
    }
}
