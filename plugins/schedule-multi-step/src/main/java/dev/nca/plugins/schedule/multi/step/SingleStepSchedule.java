package dev.nca.plugins.schedule.multi.step;

import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.TrainingSchedule;
import dev.nca.support.frames.TimeWeighting;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code single-step}: the single-step regime of Mahajan and Banerjee. Every sample is a random
 * frame i of a random trajectory r with {@code i + 1 < T}; its start state is frame i (hidden
 * channels zero), rolled {@code frameSpacing} NCA steps and compared with frame {@code i + 1}
 * (weight 1).
 *
 * <p>Each epoch has {@code batches} mini-batches of {@code [training] minibatch} samples. With
 * {@code replacement = false} (default) the starts of one mini-batch are distinct, a uniformly
 * random subset of the {@code R (T - 1)} eligible frames (all of them, in random order, when the
 * mini-batch size is at least that); with {@code true} they are independent uniform draws.
 * Mini-batches and epochs are drawn independently of each other. No state is propagated between
 * epochs. Sample keys are {@code r T + i}; random stream {@code single-step/epoch/<epoch>}.
 *
 * <p>With {@code noise = a > 0} the observable channels of every start state become
 * {@code (1 - a) x + a U(valueMin, valueMax)}, drawn anew each epoch from the separate stream
 * {@code single-step/noise/<epoch>} (targets stay clean), so the model learns to pull slightly
 * wrong states back onto the data. See {@link RandomHorizonRun}.
 */
@Extension
public class SingleStepSchedule implements TrainingSchedule {

    /** The recipe name, also the prefix of this schedule's random streams. */
    static final String NAME = "single-step";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Mahajan and Banerjee's single-step training: random start frames from the data, each compared "
                + "with the next frame after frame_spacing NCA steps.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(SamplingParams.batches(), SamplingParams.replacement(), SamplingParams.noise(),
                SamplingParams.noiseMode());
    }

    @Override
    public ScheduleRun start(Params params, ScheduleContext context) {
        SamplingParams.requireTransitions(NAME, context);
        HorizonSettings settings = new HorizonSettings(SamplingParams.batches(params),
                SamplingParams.replacement(params), 1, false, TimeWeighting.FINAL, Integer.MAX_VALUE,
                SamplingParams.noise(NAME, params, context), SamplingParams.noiseMode(params), 0.0);
        return new RandomHorizonRun(context, settings);
    }
}
