package dev.nca.plugins.schedule.stratified;

import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.PhaseLabels;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.TrainingSchedule;
import dev.nca.support.frames.FrameRows;
import dev.nca.support.frames.HorizonParams;
import dev.nca.support.frames.TimeWeighting;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code stratified}: the stratified (multi-step) training of Mahajan and Banerjee. The data's
 * frames carry phase labels ({@link dev.nca.api.Trajectories#phases()}, e.g. growing, stable,
 * regenerating); every sample first draws a phase with the recipe's weights, then a start frame
 * uniformly among the frames of that phase that have a frame {@code k} ahead. The label of the
 * <em>start</em> frame decides the phase; the targets may lie in another phase (the last growing
 * frames lead into the stable ones). Putting more weight on a short phase (growth) makes the model
 * see it as often as the long ones.
 *
 * <p>Each of the {@code batches} mini-batches draws one horizon k uniformly in
 * {@code 1..max_steps} (default 1: single transitions); the targets are frame {@code i + k}, or
 * with {@code intermediate} every frame {@code i + 1..i + k} weighted by {@code time_weighting}
 * (weights sum to 1). Samples are independent draws (with replacement), so the phase frequencies
 * follow the weights exactly in expectation. See {@link StratifiedRun}.
 *
 * <p>Start states come from the data (hidden channels zero) unless {@code propagate} (default 0)
 * is positive: then the model's final state of each sample is kept as the state of the frame its
 * horizon ended on, and a later sample starting at a frame with a kept state starts from it (all
 * channels) with probability {@code propagate}. The targets stay the data frames, so the model
 * learns to bring its own long-run states, drifted hidden channels included, back onto the data:
 * training for persistence (as the propagation of Richardson et al.'s Algorithm 2). With
 * {@code propagate = 0} no state is kept and the random draws are those of plain stratified
 * training.
 *
 * <p>Checked at start: the data have phase labels; T > {@code max_steps}; every listed phase
 * exists, once; one non-negative weight per phase with a positive sum; every phase with a positive
 * weight has at least one frame followed by {@code max_steps} more frames.
 */
@Extension
public class StratifiedSchedule implements TrainingSchedule {

    /** The recipe name, also the prefix of this schedule's random streams. */
    static final String NAME = "stratified";
    static final String PHASES = "phases";
    static final String WEIGHTS = "weights";
    static final String BATCHES = "batches";
    static final String MAX_STEPS = HorizonParams.MAX_STEPS;
    static final String INTERMEDIATE = HorizonParams.INTERMEDIATE;
    static final String TIME_WEIGHTING = HorizonParams.TIME_WEIGHTING;
    static final String PROPAGATE = "propagate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Mahajan and Banerjee's stratified training: start frames drawn per labelled phase (e.g. growing, "
                + "stable, regenerating) with recipe weights, rolled 1..max_steps frames ahead; optionally started "
                + "from the model's own earlier predictions for those frames (propagate).";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.textList(PHASES, null,
                        "phases to sample, named as in the data's phase labels, e.g. [\"growing\", \"stable\"]"),
                ParamSpec.realList(WEIGHTS, null, 0.0, 1e6,
                        "relative weight of each entry of phases (same length, sum > 0; normalised to probabilities)"),
                ParamSpec.integer(BATCHES, 1L, 1, 100_000,
                        "mini-batches per epoch, each of [training] minibatch samples; their gradients make one update"),
                HorizonParams.maxSteps(1L), HorizonParams.intermediate(), HorizonParams.timeWeighting(),
                ParamSpec.real(PROPAGATE, 0.0, 0.0, 1.0,
                        "probability that a sample whose start frame has a stored model state (the final state of an "
                                + "earlier sample whose horizon ended on that frame) starts from it, hidden channels "
                                + "included, instead of from the data; 0: always from the data"));
    }

    @Override
    public ScheduleRun start(Params params, ScheduleContext context) {
        PhaseLabels labels = context.data().phases().orElseThrow(() -> new NcaException("schedule '" + NAME
                + "' needs training data whose frames carry phase labels (e.g. growing / stable / regenerating), "
                + "but the dataset provides none; use a dataset that labels the phases of its trajectories, "
                + "or a schedule without phases such as 'multi-step'"));
        int frames = context.data().length();
        if (frames < 2) {
            throw new NcaException("schedule '" + NAME + "' needs trajectories of at least 2 frames "
                    + "(a start frame and the frame after it), but the data have T = " + frames);
        }
        int maxSteps = HorizonParams.maxSteps(params, frames);
        PhaseWeights weights = PhaseWeights.of(params, PHASES, WEIGHTS, labels);
        FrameRows rows = new FrameRows(context.data(), context.dtype());
        PhaseStrata strata = new PhaseStrata(labels, rows);
        requireStartsForWeightedPhases(weights, strata, maxSteps, frames);
        StratifiedRun.Settings settings = new StratifiedRun.Settings(params.getInt(BATCHES), maxSteps,
                params.getBoolean(INTERMEDIATE), TimeWeighting.fromRecipe(params.getString(TIME_WEIGHTING)),
                params.getDouble(PROPAGATE));
        return new StratifiedRun(context, settings, rows, strata, weights);
    }

    private static void requireStartsForWeightedPhases(PhaseWeights weights, PhaseStrata strata, int maxSteps,
                                                       int frames) {
        List<String> names = weights.names();
        for (int p = 0; p < names.size(); p++) {
            if (weights.probability(p) == 0 || strata.eligible(p, maxSteps) > 0) {
                continue;
            }
            if (strata.labelled(p) == 0) {
                throw new NcaException("schedule '" + NAME + "': phase \"" + names.get(p) + "\" has a positive weight "
                        + "but no frame of the training data is labelled with it (frames per phase: "
                        + perPhase(names, strata) + "); give it weight 0 or remove it from '" + PHASES + "'");
            }
            throw new NcaException("schedule '" + NAME + "': phase \"" + names.get(p) + "\" has a positive weight "
                    + "but none of its " + strata.labelled(p) + " frames is followed by max_steps = " + maxSteps
                    + " more frames in its trajectory (T = " + frames + "), so no sample of the longest horizon "
                    + "can start there; lower max_steps, give the phase weight 0, or use longer trajectories");
        }
    }

    private static String perPhase(List<String> names, PhaseStrata strata) {
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            parts.add(names.get(p) + " " + strata.labelled(p));
        }
        return String.join(", ", parts);
    }
}
