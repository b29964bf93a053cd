package dev.nca.plugins.schedule.transitions;

import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.TrainingSchedule;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code transitions}: Algorithm 2 of Richardson et al. (2024). Every epoch trains on every
 * transition {@code x[r][m] -> y[r][m+1]} ({@code m = 0..T-2}) of every trajectory once, in a
 * fresh random order, chunked into mini-batches; each start state is rolled {@code frameSpacing}
 * NCA steps and compared with the next frame.
 *
 * <p>Start states: {@code x[r][0]} is always the data. The first {@code reinitialised}
 * trajectories take every start from the data each epoch; the others (with {@code propagate})
 * start transition {@code m+1} from the prediction made for transition {@code m} in the previous
 * epoch, so hidden channels can carry long-term memory. With {@code noise = a > 0}, start states
 * taken from the data get observable channels {@code (1 - a) x + a U(valueMin, valueMax)}, drawn
 * afresh each epoch. See {@link TransitionsRun} for the bookkeeping.
 */
@Extension
public class TransitionsSchedule implements TrainingSchedule {

    static final String REINITIALISED = "reinitialised";
    static final String PROPAGATE = "propagate";
    static final String NOISE = "noise";

    @Override
    public String name() {
        return "transitions";
    }

    @Override
    public String description() {
        return "Algorithm 2 of Richardson et al.: all transitions each epoch, shuffled into mini-batches, "
                + "with predictions propagated as the next epoch's start states.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer(REINITIALISED, 1L, 0, 1_000_000,
                        "number of trajectories (the first ones) whose start states come from the data every epoch"),
                ParamSpec.bool(PROPAGATE, true,
                        "whether the other trajectories start from the previous epoch's predictions"),
                ParamSpec.real(NOISE, 0.0, 0.0, 1.0,
                        "a in [0, 1): start states from data get (1 - a) x + a U(valueMin, valueMax)"));
    }

    @Override
    public ScheduleRun start(Params params, ScheduleContext context) {
        int frames = context.data().length();
        if (frames < 2) {
            throw new NcaException("schedule 'transitions' needs trajectories of at least 2 frames (one transition), "
                    + "but the data have T = " + frames);
        }
        int reinitialised = params.getInt(REINITIALISED);
        if (reinitialised > context.data().trajectories()) {
            throw params.invalid(REINITIALISED, "at most the number of trajectories (" + context.data().trajectories()
                    + ")");
        }
        double noise = params.getDouble(NOISE);
        if (noise >= 1.0) {
            throw params.invalid(NOISE, "a number in [0, 1) (1 would replace the data by noise)");
        }
        return new TransitionsRun(context, reinitialised, params.getBoolean(PROPAGATE), noise);
    }
}
