package dev.nca.plugins.dataset.morphogenesis;

import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.NcaException;
import dev.nca.api.NcaModel;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.PhaseLabels;
import dev.nca.api.Trajectories;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

/**
 * Morphogenesis data (Mahajan &amp; Banerjee): the observable RGBA frames of a teacher growing NCA
 * (Mordvintsev et al. 2020), labelled by phase.
 *
 * <p>Two kinds of trajectory, each of T frames {@code frame_spacing} teacher steps apart, so that
 * every pair of consecutive frames is a true step of the teacher:
 * <ul>
 *   <li><b>growth</b> trajectories start from the seed (one living cell in the lattice centre);
 *       frames before {@code growth_steps} are labelled {@code growing}, later ones {@code stable};</li>
 *   <li><b>regeneration</b> trajectories start from a grown state ({@code warmup_steps} teacher steps
 *       after the seed) just after a disc of cells was zeroed (all channels, hidden included); frames
 *       before {@code regrowth_steps} are labelled {@code regenerating}, later ones {@code stable}.</li>
 * </ul>
 * Frames are {@code [R, T, C_obs, S, S]} with R = growth + regeneration trajectories (growth first),
 * the teacher's observable channels (premultiplied RGBA for the shipped lizard teacher), clipped to
 * [0, 1]. The held-out split draws different update masks and damage from its own random source.
 */
@Extension
public class MorphogenesisDataset implements Dataset {

    static final String TEACHER = "teacher";
    static final String SIZE = "size";
    static final String FRAMES = "frames";
    static final String FRAME_SPACING = "frame_spacing";
    static final String GROWTH = "growth_trajectories";
    static final String REGENERATION = "regeneration_trajectories";
    static final String GROWTH_STEPS = "growth_steps";
    static final String WARMUP_STEPS = "warmup_steps";
    static final String REGROWTH_STEPS = "regrowth_steps";
    static final String RADIUS_MIN = "damage_radius_min";
    static final String RADIUS_MAX = "damage_radius_max";
    static final String ALIVE_THRESHOLD = "alive_threshold";

    /** Phase names, in label order. */
    public static final List<String> PHASES = List.of("growing", "stable", "regenerating");
    static final int GROWING = 0;
    static final int STABLE = 1;
    static final int REGENERATING = 2;

    @Override
    public String name() {
        return "morphogenesis";
    }

    @Override
    public String description() {
        return "A teacher growing NCA growing from a seed, persisting and regenerating after damage (phase-labelled).";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.text(TEACHER, TeacherSource.BUILTIN_LIZARD, List.of(),
                        "teacher checkpoint: \"" + TeacherSource.BUILTIN_LIZARD + "\" (shipped) or a .nca file path"),
                ParamSpec.integer(SIZE, 36L, 8, 1024, "lattice side S (the shipped teacher was trained on 36)"),
                ParamSpec.integer(FRAMES, 17L, 2, 100_000, "frames T per trajectory"),
                ParamSpec.integer(FRAME_SPACING, 8L, 1, 10_000, "teacher steps between frames"),
                ParamSpec.integer(GROWTH, 2L, 0, 10_000, "trajectories growing from the seed"),
                ParamSpec.integer(REGENERATION, 2L, 0, 10_000, "trajectories regenerating after damage"),
                ParamSpec.integer(GROWTH_STEPS, 64L, 0, 10_000_000, "teacher steps labelled 'growing' after the seed"),
                ParamSpec.integer(WARMUP_STEPS, 128L, 0, 10_000_000, "teacher steps from the seed before damage"),
                ParamSpec.integer(REGROWTH_STEPS, 64L, 0, 10_000_000,
                        "teacher steps labelled 'regenerating' after damage"),
                ParamSpec.real(RADIUS_MIN, 0.1, 0.0, 1.0, "smallest damage radius, as a fraction of S"),
                ParamSpec.real(RADIUS_MAX, 0.2, 0.0, 1.0, "largest damage radius, as a fraction of S"),
                ParamSpec.real(ALIVE_THRESHOLD, 0.1, 0.0, 1.0,
                        "damage is centred on a cell whose alpha exceeds this"));
    }

    @Override
    public Trajectories generate(Params params, DataRequest request) {
        if (params.getDouble(RADIUS_MIN) > params.getDouble(RADIUS_MAX)) {
            throw params.invalid(RADIUS_MIN, "at most damage_radius_max (" + params.getDouble(RADIUS_MAX) + ")");
        }
        int growth = params.getInt(GROWTH);
        int regeneration = params.getInt(REGENERATION);
        if (growth + regeneration == 0) {
            throw params.invalid(GROWTH, "at least 1 when regeneration_trajectories is 0");
        }
        int frames = request.frames().orElse(params.getInt(FRAMES));
        if (frames < 1) {
            throw new NcaException("dataset 'morphogenesis' was asked for " + frames + " frames; at least 1 is needed");
        }
        NcaModel teacher = TeacherSource.load(params.getString(TEACHER), request.models(), params);
        if (teacher.observable() < 1) {
            throw new NcaException("teacher " + params.getString(TEACHER) + " has no observable channel");
        }
        int size = params.getInt(SIZE);
        int spacing = params.getInt(FRAME_SPACING);
        TeacherRecorder recorder = new TeacherRecorder(teacher, size, frames, spacing, request.random());
        LivingCellDamage damage = new LivingCellDamage(params.getDouble(RADIUS_MIN) * size,
                params.getDouble(RADIUS_MAX) * size, params.getDouble(ALIVE_THRESHOLD), teacher.observable() - 1);

        int r = growth + regeneration;
        int obs = teacher.observable();
        double[] values = new double[Math.multiplyExact(Math.multiplyExact(r, frames), obs * size * size)];
        int[][] labels = new int[r][];
        recorder.growth(growth, values, 0);
        recorder.regeneration(regeneration, params.getInt(WARMUP_STEPS), damage, values, growth);
        for (int i = 0; i < growth; i++) {
            labels[i] = phaseLabels(frames, spacing, params.getInt(GROWTH_STEPS), GROWING);
        }
        for (int i = growth; i < r; i++) {
            labels[i] = phaseLabels(frames, spacing, params.getInt(REGROWTH_STEPS), REGENERATING);
        }
        List<String> names = obs == 4 ? List.of("r", "g", "b", "a") : channelNames(obs);
        return new Trajectories(Nd4j.create(values, new long[] {r, frames, obs, size, size}, DataType.DOUBLE)
                .castTo(request.dtype()), names, spacing, Optional.of(teacher.boundary()),
                Optional.of(new PhaseLabels(PHASES, labels)), 0.0, 1.0);
    }

    /** Frames whose time (index * spacing) is before {@code phaseSteps} get {@code phase}, later ones stable. */
    static int[] phaseLabels(int frames, int spacing, int phaseSteps, int phase) {
        int[] labels = new int[frames];
        for (int t = 0; t < frames; t++) {
            labels[t] = (long) t * spacing < phaseSteps ? phase : STABLE;
        }
        return labels;
    }

    private static List<String> channelNames(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "c" + i;
        }
        return List.of(names);
    }
}
