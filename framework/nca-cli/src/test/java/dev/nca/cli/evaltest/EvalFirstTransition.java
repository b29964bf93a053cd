package dev.nca.cli.evaltest;

import dev.nca.api.MiniBatch;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.pf4j.Extension;

/**
 * {@code eval-first-transition}: one mini-batch per epoch, every trajectory from frame 0 to frame 1; for
 * the command-line tests (packed into a test plugin jar).
 */
@Extension
public class EvalFirstTransition implements TrainingSchedule {

    @Override
    public String name() {
        return "eval-first-transition";
    }

    @Override
    public String description() {
        return "frame 0 to frame 1 of every trajectory, for the command-line tests";
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
        return new Run(batch);
    }

    /** Plans the same mini-batch every epoch; final states are not kept (each epoch restarts from data). */
    private record Run(MiniBatch batch) implements ScheduleRun {
        @Override
        public List<MiniBatch> planEpoch(int epoch) {
            return List.of(batch);
        }

        @Override
        public void accept(MiniBatch done, INDArray finalStates) {
            // nothing to keep: the next epoch starts from the data again
        }
    }
}
