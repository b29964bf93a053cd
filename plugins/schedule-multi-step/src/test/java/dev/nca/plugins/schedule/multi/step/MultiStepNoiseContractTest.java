package dev.nca.plugins.schedule.multi.step;

import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.TestTrajectories;
import dev.nca.testkit.TrainingScheduleContract;
import java.util.Map;

/**
 * The schedule contract for {@code multi-step} with noisy starts ({@code noise = 0.1}), one
 * curriculum epoch so both noise streams are played; R = 3 trajectories of T = 10 frames.
 */
class MultiStepNoiseContractTest extends TrainingScheduleContract {

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
        return Map.of("batches", 3L, "intermediate", true, "curriculum_epochs", 1L, "noise", 0.1);
    }
}
