package dev.nca.plugins.schedule.multi.step;

import dev.nca.api.TrainingSchedule;
import dev.nca.testkit.TrainingScheduleContract;
import java.util.Map;

/** The schedule contract for {@code single-step} with noisy starts ({@code noise = 0.1}), default contract data. */
class SingleStepNoiseContractTest extends TrainingScheduleContract {

    @Override
    protected TrainingSchedule schedule() {
        return new SingleStepSchedule();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("batches", 2L, "noise", 0.1);
    }
}
