package dev.nca.plugins.schedule.multi.step;

import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.TrainingSchedule;
import dev.nca.support.frames.HorizonParams;
import dev.nca.support.frames.TimeWeighting;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code multi-step}: the multi-step regime of Mahajan and Banerjee. Each mini-batch draws one
 * horizon k uniformly in {@code 1..max_steps} frames (one per mini-batch because a mini-batch has
 * one step count; use several {@code batches} to mix horizons within one update), then its start
 * frames {@code (r, i)} uniformly among those with {@code i + k < T}. The start state (frame i,
 * hidden channels zero) is rolled {@code k * frameSpacing} NCA steps.
 *
 * <p>Targets: frame {@code i + k} only (weight 1), or with {@code intermediate = true} every
 * frame {@code i + j}, {@code j = 1..k}, at step {@code j * frameSpacing}, weighted by
 * {@code time_weighting}: {@code uniform} {@code 1/k}, {@code linear} {@code 2j / (k (k + 1))},
 * {@code final} only frame {@code i + k} (the same as {@code intermediate = false}). Weights sum
 * to 1, so the loss has the scale of a single-step loss. {@code time_weighting} is ignored without
 * {@code intermediate}.
 *
 * <p>Curriculum: the first {@code curriculum_epochs} epochs are exactly {@code single-step}
 * epochs (k = 1, same random stream {@code single-step/epoch/<epoch>}, so the same seed plans the
 * same mini-batches as {@code single-step}), later epochs draw from
 * {@code multi-step/epoch/<epoch>}. Paper 2 trains Game of Life this way: first the update rule,
 * then the long-horizon behaviour. Sampling with or without replacement as in
 * {@link SingleStepSchedule}; no state is propagated between epochs.
 *
 * <p>With {@code noise = a > 0} the observable channels of every start state become
 * {@code (1 - a) x + a U(valueMin, valueMax)} (targets stay clean), drawn from the separate stream
 * {@code multi-step/noise/<epoch>} ({@code single-step/noise/<epoch>} in curriculum epochs), so
 * the horizons and starts are those of {@code noise = 0}. Learning to map slightly wrong states
 * back onto the trajectory makes long rollouts contract small errors instead of amplifying them.
 *
 * <p>With {@code propagate = p > 0} the schedule keeps the model's own states: the final state of
 * every sample (all channels) is stored as the state of the frame its horizon ended on, and in
 * multi-step epochs a sample whose start frame has a stored state starts from a copy of it with
 * probability p (uniforms from the separate stream {@code multi-step/propagate/<epoch>}, so the
 * horizons and start frames stay those of {@code p = 0}). Chains of such samples roll the model far
 * beyond {@code max_steps} frames from the data while each update still back-propagates through at
 * most {@code max_steps} frames: the model learns to bring its own long-run states back onto the
 * trajectory. Noise is applied to data starts only.
 */
@Extension
public class MultiStepSchedule implements TrainingSchedule {

    /** The recipe name, also the prefix of this schedule's random streams. */
    static final String NAME = "multi-step";
    static final String MAX_STEPS = HorizonParams.MAX_STEPS;
    static final String INTERMEDIATE = HorizonParams.INTERMEDIATE;
    static final String TIME_WEIGHTING = HorizonParams.TIME_WEIGHTING;
    static final String CURRICULUM_EPOCHS = "curriculum_epochs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Mahajan and Banerjee's multi-step training: random start frames rolled a random 1..max_steps frames "
                + "ahead, optionally after a single-step curriculum.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                SamplingParams.batches(),
                SamplingParams.replacement(),
                SamplingParams.noise(), SamplingParams.noiseMode(),
                HorizonParams.maxSteps(8L), HorizonParams.intermediate(), HorizonParams.timeWeighting(),
                ParamSpec.integer(CURRICULUM_EPOCHS, 0L, 0, 10_000_000,
                        "the first this many epochs are single-step epochs (k = 1), the later ones multi-step"),
                SamplingParams.propagate());
    }

    @Override
    public ScheduleRun start(Params params, ScheduleContext context) {
        SamplingParams.requireTransitions(NAME, context);
        int frames = context.data().length();
        int maxSteps = HorizonParams.maxSteps(params, frames);
        HorizonSettings settings = new HorizonSettings(SamplingParams.batches(params),
                SamplingParams.replacement(params), maxSteps, params.getBoolean(INTERMEDIATE),
                TimeWeighting.fromRecipe(params.getString(TIME_WEIGHTING)), params.getInt(CURRICULUM_EPOCHS),
                SamplingParams.noise(NAME, params, context), SamplingParams.noiseMode(params),
                params.getDouble(SamplingParams.PROPAGATE));
        return new RandomHorizonRun(context, settings);
    }
}
