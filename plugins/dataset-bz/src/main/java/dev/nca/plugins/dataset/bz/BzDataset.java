package dev.nca.plugins.dataset.bz;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.api.TrueDynamics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

/**
 * {@code bz}: a Belousov-Zhabotinsky-like excitable medium that forms rotating spiral waves, the
 * discrete three-species cyclic model popularised by Alasdair Turner's note "A simple model of the
 * Belousov-Zhabotinsky reaction from first principles" (see {@link BzLattice} and
 * {@link CyclicReaction}): per update, 3 x 3 neighbourhood means, then
 * {@code a' = a + a (alpha b - gamma c)}, {@code b' = b + b (beta c - alpha a)},
 * {@code c' = c + c (gamma a - beta b)}, clamped to [0, 1], on a periodic lattice.
 *
 * <p>Each trajectory starts from independent uniform [0, 1) values of a, b and c in every cell
 * (drawn cell by cell, a then b then c, in row-major order from the request's stream
 * {@code "bz/<split>/initial/<r>"}, split = {@code train} or {@code held-out}), runs
 * {@code warmup} updates, then records a frame every {@code save_every} updates: T =
 * {@code steps / save_every + 1} frames, or {@code request.frames()}.
 *
 * <p>Output: {@code [R, T, C_obs, S, S]} in the requested data type, channels = {@code observe}
 * (a subset of {@code ["a", "b", "c"]} in the given order; default all three, the full state),
 * frame spacing {@code save_every} (one NCA step per update: an update is a 3 x 3 local rule),
 * periodic boundary, value range [0, 1]. The simulation runs in double precision.
 *
 * <p>Offers {@link #trueDynamics} when all three species are observed (see {@link BzDynamics}).
 */
@Extension
public class BzDataset implements Dataset {

    static final String SIZE = "size";
    static final String STEPS = "steps";
    static final String SAVE_EVERY = "save_every";
    static final String WARMUP = "warmup";
    static final String TRAJECTORIES = "trajectories";
    static final String ALPHA = "alpha";
    static final String BETA = "beta";
    static final String GAMMA = "gamma";
    static final String OBSERVE = "observe";

    static final List<String> SPECIES = List.of("a", "b", "c");
    /** Largest rate accepted: beyond it nearly every update saturates at 0 or 1. */
    static final double MAX_RATE = 3.0;
    /** Largest R x T x C_obs x S^2 (double values, 800 MB). */
    static final long MAX_VALUES = 100_000_000L;

    @Override
    public String name() {
        return "bz";
    }

    @Override
    public String description() {
        return "Belousov-Zhabotinsky-like excitable medium (three-species cyclic reaction with 3x3 averaging,"
                + " periodic): spiral waves.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer(SIZE, 64L, 3, 1024, "lattice side S"),
                ParamSpec.integer(STEPS, 64L, 1, 10_000_000,
                        "updates recorded after frame 0 (a multiple of save_every)"),
                ParamSpec.integer(SAVE_EVERY, 1L, 1, 10_000_000, "updates between recorded frames"),
                ParamSpec.integer(WARMUP, 50L, 0, 10_000_000,
                        "updates run before frame 0 (by 50 the waves have formed from the random start)"),
                ParamSpec.integer(TRAJECTORIES, 2L, 1, 10_000, "number of trajectories R"),
                ParamSpec.real(ALPHA, 1.0, 0.0, MAX_RATE, "rate of A + B -> 2A, in (0, 3]"),
                ParamSpec.real(BETA, 1.0, 0.0, MAX_RATE, "rate of B + C -> 2B, in (0, 3]"),
                ParamSpec.real(GAMMA, 1.0, 0.0, MAX_RATE, "rate of C + A -> 2C, in (0, 3]"),
                ParamSpec.textList(OBSERVE, SPECIES,
                        "observable species, a non-empty subset of [a, b, c] in any order"));
    }

    @Override
    public Trajectories generate(Params params, DataRequest request) {
        int size = params.getInt(SIZE);
        int saveEvery = params.getInt(SAVE_EVERY);
        int[] observed = validate(params, saveEvery);
        int frames = request.frames().orElse(params.getInt(STEPS) / saveEvery + 1);
        if (frames < 1) {
            throw new NcaException("dataset 'bz' was asked for " + frames + " frames; at least 1 is needed");
        }
        int r = params.getInt(TRAJECTORIES);
        int channels = observed.length;
        int cells = size * size;
        long total = (long) r * frames * channels * cells;
        if (total > MAX_VALUES) {
            throw new NcaException("dataset 'bz' (" + params.source() + "): " + r + " trajectories x " + frames
                    + " frames x " + channels + " channels x " + size + "^2 = " + total + " values is more than "
                    + MAX_VALUES + "; reduce trajectories, size, observe or steps / save_every");
        }
        CyclicReaction reaction = new CyclicReaction(params.getDouble(ALPHA), params.getDouble(BETA),
                params.getDouble(GAMMA));
        BzLattice lattice = new BzLattice(size, reaction);
        String split = request.split() == Split.TRAIN ? "train" : "held-out";
        double[] values = new double[(int) total];
        double[][] start = new double[BzLattice.SPECIES][cells];
        for (int traj = 0; traj < r; traj++) {
            SplittableRandom rng = request.random().stream("bz/" + split + "/initial/" + traj);
            for (int k = 0; k < cells; k++) {
                for (int s = 0; s < BzLattice.SPECIES; s++) {
                    start[s][k] = rng.nextDouble();
                }
            }
            lattice.reset(start[0], start[1], start[2]);
            lattice.advance(params.getInt(WARMUP));
            for (int t = 0; t < frames; t++) {
                if (t > 0) {
                    lattice.advance(saveEvery);
                }
                for (int ch = 0; ch < channels; ch++) {
                    lattice.copyTo(observed[ch], values, ((traj * frames + t) * channels + ch) * cells);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int s : observed) {
            names.add(SPECIES.get(s));
        }
        long[] shape = {r, frames, channels, size, size};
        return new Trajectories(Nd4j.create(values, shape, DataType.DOUBLE).castTo(request.dtype()), names,
                saveEvery, Optional.of(Boundary.PERIODIC), Optional.empty(), 0.0, 1.0);
    }

    /**
     * The lattice run on from any state, {@code save_every} updates per frame, when {@code observe}
     * names all three species (in any order); empty otherwise, because the unobserved species are part
     * of the state.
     */
    @Override
    public Optional<TrueDynamics> trueDynamics(Params params, DataRequest request) {
        int[] observed = validate(params, params.getInt(SAVE_EVERY));
        if (observed.length != BzLattice.SPECIES) {
            return Optional.empty();
        }
        return Optional.of(new BzDynamics(params.getInt(SIZE), new CyclicReaction(params.getDouble(ALPHA),
                params.getDouble(BETA), params.getDouble(GAMMA)), params.getInt(SAVE_EVERY), observed));
    }

    /** Cross-field checks; returns the observed species indices in channel order. */
    private static int[] validate(Params params, int saveEvery) {
        if (params.getInt(STEPS) % saveEvery != 0) {
            throw params.invalid(STEPS, "a multiple of save_every (" + saveEvery + ")");
        }
        for (String key : List.of(ALPHA, BETA, GAMMA)) {
            if (!(params.getDouble(key) > 0)) {
                throw params.invalid(key, "a number in (0, " + MAX_RATE + "] (rates must be positive)");
            }
        }
        List<String> observe = params.getStrings(OBSERVE);
        if (observe.isEmpty() || !SPECIES.containsAll(observe) || new HashSet<>(observe).size() != observe.size()) {
            throw params.invalid(OBSERVE, "a non-empty list of distinct species names from [a, b, c]");
        }
        return observe.stream().mapToInt(SPECIES::indexOf).toArray();
    }
}
