package dev.nca.plugins.schedule.stratified;

import static dev.nca.plugins.schedule.stratified.StratifiedScheduleTest.NAMES;
import static dev.nca.plugins.schedule.stratified.StratifiedScheduleTest.T;

import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.TestTrajectories;
import dev.nca.testkit.TrainingScheduleContract;
import java.util.List;
import java.util.Map;

/**
 * The schedule contract with {@code propagate = 0.5}, on the labelled data of
 * {@link StratifiedScheduleTest}: the contract feeds back final states, so later epochs start
 * partly from them and the plans must still be well-formed and reproducible.
 */
class StratifiedPropagatingContractTest extends TrainingScheduleContract {

    @Override
    protected TrainingSchedule schedule() {
        return new StratifiedSchedule();
    }

    @Override
    protected Trajectories data() {
        return StratifiedScheduleTest.labelled(TestTrajectories.random(3, T, 2, 4, 29), NAMES,
                StratifiedScheduleTest.labels());
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("phases", NAMES, "weights", List.of(0.5, 0.25, 0.25), "max_steps", 3L, "intermediate", true,
                "batches", 4L, "propagate", 0.5);
    }

    @Override
    protected int epochs() {
        return 5;
    }
}
