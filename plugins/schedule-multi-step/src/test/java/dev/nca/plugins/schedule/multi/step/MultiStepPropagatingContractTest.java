package dev.nca.plugins.schedule.multi.step;

import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.TestTrajectories;
import dev.nca.testkit.TrainingScheduleContract;
import java.util.Map;

/**
 * The schedule contract for {@code multi-step} with {@code propagate = 0.5} and one curriculum
 * epoch: the contract feeds back final states, so later epochs start partly from them and the
 * plans must still be well-formed and reproducible. R = 3 trajectories of T = 10 frames.
 */
class MultiStepPropagatingContractTest extends TrainingScheduleContract {

    @Override
    protected TrainingSchedule schedule() {
        return new MultiStepSchedule();
    }

    @Override
    protected Trajectories data() {
        return TestTrajectories.random(3, 10, 2, 4, 23);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("batches", 3L, "intermediate", true, "curriculum_epochs", 1L, "propagate", 0.5,
                "noise", 0.05);
    }

    @Override
    protected int epochs() {
        return 5;
    }
}
