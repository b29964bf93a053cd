package dev.nca.runtime.evaluate;

import dev.nca.api.MiniBatch;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.ScheduleState;
import dev.nca.api.Target;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code test-carry}: one mini-batch per epoch, every trajectory starting from the state it ended
 * the previous epoch in (frame 0 at first) and compared with frame 1, so its state matters from
 * epoch 1 on; saves the carried states {@code [R, C, S, S]} as {@code carried}.
 */
final class CarriedStateSchedule implements TrainingSchedule {

    static final String NAME = "test-carry";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every trajectory carries its final state into the next epoch";
    }

    @Override
    public ScheduleRun start(Params params, ScheduleContext context) {
        Trajectories data = context.data();
        INDArray carried = context.initialState(data.frames().get(NDArrayIndex.all(), NDArrayIndex.point(0))
                .castTo(context.dtype())).dup('c');
        INDArray next = data.frames().get(NDArrayIndex.all(), NDArrayIndex.point(1)).castTo(context.dtype());
        int[] keys = new int[data.trajectories()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i;
        }
        return new ScheduleRun() {
            @Override
            public List<MiniBatch> planEpoch(int epoch) {
                return List.of(new MiniBatch(carried.dup(), context.frameSpacing(),
                        List.of(new Target(context.frameSpacing(), next, 1.0)), keys));
            }

            @Override
            public void accept(MiniBatch batch, INDArray finalStates) {
                carried.assign(finalStates);
            }

            @Override
            public Optional<ScheduleState> saveState() {
                return Optional.of(ScheduleState.builder().array("carried", carried).build());
            }

            @Override
            public void restoreState(ScheduleState state) {
                carried.assign(state.array("carried", context.dtype(), carried.shape()));
            }
        };
    }
}
