package dev.nca.plugins.schedule.growing;

import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.support.damage.DiscDamage;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code growing}: trains an NCA to grow a target image from a single cell, keep it, and repair
 * it after damage, with the sample-pool method of Mordvintsev et al. (2020), "Growing Neural
 * Cellular Automata".
 *
 * <p>Target: the last frame of trajectory 0 of the data ({@code [C_obs, S, S]}, typically RGBA
 * with premultiplied colour and alpha at channel 3). Other frames and trajectories are not used.
 *
 * <p>The idea: a rule trained only on "seed to image in n steps" learns nothing about what happens
 * after step n, so the grown pattern usually decays or keeps growing. Here the run keeps a pool of
 * {@code pool_size} lattice states, all starting as the seed (one live cell, see
 * {@link SeedState}). Each epoch draws {@code batches} mini-batches of distinct pool states, rolls
 * each for a random number of steps (uniform in {@code [min_steps, max_steps]}, one draw per
 * mini-batch) and compares the observable channels at the end with the target (one target, weight
 * 1). The final states go back into their pool slots, so later epochs continue from states that
 * have already grown for hundreds or thousands of steps: the rule is trained to leave a finished
 * pattern alone. Before the rollout, in each mini-batch:
 * <ul>
 *   <li>the {@code replace_worst} samples farthest from the target (Euclidean distance of the
 *       observable channels) are replaced by the seed, so growing from scratch is never
 *       forgotten and states that went wrong leave the pool;</li>
 *   <li>from epoch {@code damage_start_epoch} on, the {@code damaged} samples closest to the
 *       target (the most complete patterns, hence the ones where a wound is meaningful) lose
 *       every channel inside a random disc ({@link DiscDamage}), so the rule learns to regrow.</li>
 * </ul>
 *
 * <p>Alive masking (a cell is alive iff the largest alpha in its 3x3 neighbourhood exceeds 0.1,
 * tested before and after every update; dead cells are zeroed) belongs to the model, not to the
 * schedule: the recipe must set {@code [model] alive_threshold = 0.1}, with {@code alive_channel}
 * (default C_obs - 1) equal to this schedule's {@code alpha_channel}. Without it, empty cells can
 * switch themselves on anywhere on the lattice.
 *
 * <p>Random streams, per epoch e, from the context's source: {@code growing/sample/e},
 * {@code growing/horizon/e}, {@code growing/damage/e} (see {@link GrowingRun}).
 */
@Extension
public class GrowingSchedule implements TrainingSchedule {

    static final String POOL_SIZE = "pool_size";
    static final String BATCHES = "batches";
    static final String MIN_STEPS = "min_steps";
    static final String MAX_STEPS = "max_steps";
    static final String REPLACE_WORST = "replace_worst";
    static final String DAMAGED = "damaged";
    static final String DAMAGE_START_EPOCH = "damage_start_epoch";
    static final String DAMAGE_RADIUS_MIN = "damage_radius_min";
    static final String DAMAGE_RADIUS_MAX = "damage_radius_max";
    static final String DAMAGE_CENTRE_SPREAD = "damage_centre_spread";
    static final String DAMAGE_EDGES = "damage_edges";
    static final String ALPHA_CHANNEL = "alpha_channel";
    static final String SEED_ROW = "seed_row";
    static final String SEED_COLUMN = "seed_column";

    private static final Logger LOG = LoggerFactory.getLogger(GrowingSchedule.class);

    @Override
    public String name() {
        return "growing";
    }

    @Override
    public String description() {
        return "Sample-pool training of a growing NCA (Mordvintsev et al. 2020): grow the last frame of trajectory 0 "
                + "from one seed cell, with the worst samples reseeded and the best ones damaged.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer(POOL_SIZE, 1024L, 1, 1_000_000,
                        "number of states in the sample pool, all starting as the seed; at least batches * minibatch"),
                ParamSpec.integer(BATCHES, 1L, 1, 10_000,
                        "mini-batches of `minibatch` distinct pool states per epoch"),
                ParamSpec.integer(MIN_STEPS, 64L, 1, 100_000,
                        "shortest rollout; each mini-batch's length is uniform in [min_steps, max_steps]"),
                ParamSpec.integer(MAX_STEPS, 96L, 1, 100_000,
                        "longest rollout; >= min_steps"),
                ParamSpec.integer(REPLACE_WORST, 1L, 0, 100_000,
                        "samples per mini-batch farthest from the target that restart from the seed; 0 disables"),
                ParamSpec.integer(DAMAGED, 3L, 0, 100_000,
                        "samples per mini-batch closest to the target that get a disc of cells erased; 0 disables; "
                                + "replace_worst + damaged <= minibatch"),
                ParamSpec.integer(DAMAGE_START_EPOCH, 0L, 0, 100_000_000,
                        "first epoch (0-based) with damage; earlier epochs only grow"),
                ParamSpec.real(DAMAGE_RADIUS_MIN, 0.05, 0.0, 1.0,
                        "smallest damage radius as a fraction of the lattice side S"),
                ParamSpec.real(DAMAGE_RADIUS_MAX, 0.2, 0.0, 1.0,
                        "largest damage radius as a fraction of S; >= damage_radius_min"),
                ParamSpec.real(DAMAGE_CENTRE_SPREAD, 0.5, 0.0, 1.0,
                        "damage centres are uniform in the central square whose side is this fraction of the lattice"),
                ParamSpec.text(DAMAGE_EDGES, "clip", List.of("clip", "wrap"),
                        "a disc crossing the lattice edge is cut off (clip) or continues on the opposite side (wrap)"),
                ParamSpec.integer(ALPHA_CHANNEL, 3L, 0, 4095,
                        "index of the alpha channel among the observable ones; the seed sets channels "
                                + "alpha_channel..C-1 to 1"),
                ParamSpec.integer(SEED_ROW, -1L, -1, 100_000,
                        "row of the seed cell, 0..S-1; -1 means S / 2 (rounded down)"),
                ParamSpec.integer(SEED_COLUMN, -1L, -1, 100_000,
                        "column of the seed cell, 0..S-1; -1 means S / 2 (rounded down)"));
    }

    @Override
    public ScheduleRun start(Params params, ScheduleContext context) {
        Trajectories data = context.data();
        if (data.length() < 1 || data.trajectories() < 1) {
            throw new NcaException("schedule 'growing' needs at least one frame of one trajectory as its target, "
                    + "but the data are [R = " + data.trajectories() + ", T = " + data.length() + "]");
        }
        GrowingSettings settings = settings(params, context);
        INDArray target = data.frame(0, data.length() - 1);
        if (data.trajectories() > 1 || data.length() > 1) {
            LOG.info("schedule 'growing' trains on the last frame of trajectory 0 only; the data hold {} "
                    + "trajectories of {} frames", data.trajectories(), data.length());
        }
        int s = data.size();
        LOG.info("schedule 'growing': pool of {} states [{}, {}, {}], {} x {} samples per epoch, horizon {}..{}, "
                        + "reseed {} worst, damage {} best from epoch {}", settings.poolSize(), context.channels(), s, s,
                settings.batches(), settings.minibatch(), settings.minSteps(), settings.maxSteps(),
                settings.replaceWorst(), settings.damaged(), settings.damageStartEpoch());
        return new GrowingRun(context, settings, target);
    }

    /** Cross-field checks of the validated parameters against each other and the context. */
    static GrowingSettings settings(Params params, ScheduleContext context) {
        int minibatch = context.minibatch();
        int size = context.data().size();
        int minSteps = params.getInt(MIN_STEPS);
        if (params.getInt(MAX_STEPS) < minSteps) {
            throw params.invalid(MAX_STEPS, "an integer >= min_steps (" + minSteps + ")");
        }
        int batches = params.getInt(BATCHES);
        long drawn = (long) batches * minibatch;
        if (params.getInt(POOL_SIZE) < drawn) {
            throw params.invalid(POOL_SIZE, "at least batches * minibatch = " + batches + " * " + minibatch + " = "
                    + drawn + " (each epoch draws that many distinct states)");
        }
        int replaceWorst = params.getInt(REPLACE_WORST);
        if (replaceWorst > minibatch) {
            throw params.invalid(REPLACE_WORST, "at most the mini-batch size (" + minibatch + ")");
        }
        if (params.getInt(DAMAGED) > minibatch - replaceWorst) {
            throw params.invalid(DAMAGED, "at most minibatch - replace_worst = " + minibatch + " - " + replaceWorst
                    + " = " + (minibatch - replaceWorst) + " (reseeded samples are never damaged)");
        }
        double radiusMin = params.getDouble(DAMAGE_RADIUS_MIN);
        if (params.getDouble(DAMAGE_RADIUS_MAX) < radiusMin) {
            throw params.invalid(DAMAGE_RADIUS_MAX, "a number >= damage_radius_min (" + radiusMin + ") and <= 1");
        }
        int alpha = params.getInt(ALPHA_CHANNEL);
        if (alpha >= context.observable()) {
            throw params.invalid(ALPHA_CHANNEL, "an observable channel index, 0.." + (context.observable() - 1)
                    + " (the data have " + context.observable() + " channels " + context.data().channelNames() + ")");
        }
        return new GrowingSettings(params.getInt(POOL_SIZE), batches, minibatch, minSteps, params.getInt(MAX_STEPS),
                replaceWorst, params.getInt(DAMAGED), params.getInt(DAMAGE_START_EPOCH), radiusMin,
                params.getDouble(DAMAGE_RADIUS_MAX), params.getDouble(DAMAGE_CENTRE_SPREAD),
                "wrap".equals(params.getString(DAMAGE_EDGES)), alpha, seedCoordinate(params, SEED_ROW, size),
                seedCoordinate(params, SEED_COLUMN, size));
    }

    private static int seedCoordinate(Params params, String key, int size) {
        int v = params.getInt(key);
        if (v == -1) {
            return size / 2;
        }
        if (v >= size) {
            throw params.invalid(key, "-1 (the middle) or a lattice index 0.." + (size - 1));
        }
        return v;
    }
}
