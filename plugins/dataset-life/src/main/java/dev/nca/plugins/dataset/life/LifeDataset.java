package dev.nca.plugins.dataset.life;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.api.TrueDynamics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code life}: Conway's Game of Life (B3/S23) on a periodic S x S lattice (see
 * {@link ToroidalLife}), the discrete system of Mahajan and Banerjee, section 4.
 *
 * <p>Initial states ({@code initial}): {@code "random"} soups, each cell alive with probability
 * {@code density}; {@code "pattern"}, the {@code patterns} (built-in names or {@code .rle} files,
 * see {@link PatternLibrary}) placed at {@code offsets} ({@code placement = "fixed"}) or at random
 * clear positions ({@code placement = "random"}, optionally in random orientations); {@code "mixed"},
 * patterns for even-numbered trajectories and soups for odd-numbered ones, like the paper's data
 * (guns and pulsars plus a random run). {@code warmup} generations are run before frame 0; then one
 * frame is recorded per generation: T = {@code steps + 1} frames, or {@code request.frames()}.
 *
 * <p>Randomness: trajectory r draws from the request's stream {@code "life/<split>/initial/<r>"}
 * ({@code split} = {@code train} or {@code held-out}), so trajectories do not depend on how many
 * there are. Held-out trajectories always place patterns at random positions, because fixed
 * offsets would repeat the training states.
 *
 * <p>Output: {@code [R, T, 1, S, S]} of 0/1 in the requested data type (exact in any type), channel
 * {@code "alive"}, periodic boundary, value range [0, 1], frame spacing {@code frame_spacing} (NCA
 * steps per generation, default 1: the paper trains one NCA step per generation).
 *
 * <p>Offers {@link #trueDynamics}: Life run on from any state (see {@link LifeDynamics}).
 */
@Extension
public class LifeDataset implements Dataset {

    static final String SIZE = "size";
    static final String STEPS = "steps";
    static final String TRAJECTORIES = "trajectories";
    static final String INITIAL = "initial";
    static final String DENSITY = "density";
    static final String PATTERNS = "patterns";
    static final String PLACEMENT = "placement";
    static final String OFFSETS = "offsets";
    static final String ORIENTATION = "orientation";
    static final String WARMUP = "warmup";
    static final String FRAME_SPACING = "frame_spacing";

    static final String RANDOM = "random";
    static final String PATTERN = "pattern";
    static final String MIXED = "mixed";
    static final String FIXED = "fixed";

    /** Largest R x T x S^2 (float32 values, 400 MB). */
    static final long MAX_VALUES = 100_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(LifeDataset.class);

    @Override
    public String name() {
        return "life";
    }

    @Override
    public String description() {
        return "Conway's Game of Life (B3/S23) on a torus from random soups and/or RLE patterns"
                + " (glider gun, pulsar, ...).";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer(SIZE, 64L, 3, 1024, "lattice side S"),
                ParamSpec.integer(STEPS, 64L, 1, 1_000_000, "generations recorded after frame 0: T = steps + 1 frames"),
                ParamSpec.integer(TRAJECTORIES, 4L, 1, 10_000, "number of trajectories R"),
                ParamSpec.text(INITIAL, RANDOM, List.of(RANDOM, PATTERN, MIXED),
                        "initial states: random soups, the patterns, or patterns (even r) and soups (odd r)"),
                ParamSpec.real(DENSITY, 0.3, 0.0, 1.0, "probability that a soup cell starts alive"),
                ParamSpec.textList(PATTERNS, List.of("gosper-glider-gun", "pulsar"),
                        "built-in pattern names " + PatternLibrary.BUILT_IN + " or paths of .rle files"),
                ParamSpec.text(PLACEMENT, RANDOM, List.of(RANDOM, FIXED),
                        "patterns at random clear positions, or at the given offsets"),
                ParamSpec.realList(OFFSETS, new double[0], -1_000_000, 1_000_000,
                        "placement = fixed: row, column of each pattern's top-left cell (whole numbers);"
                                + " empty centres a single pattern"),
                ParamSpec.text(ORIENTATION, FIXED, List.of(FIXED, RANDOM),
                        "random placement: keep patterns as written, or turn/mirror each at random"),
                ParamSpec.integer(WARMUP, 0L, 0, 1_000_000, "generations run before frame 0"),
                ParamSpec.integer(FRAME_SPACING, 1L, 1, 10_000, "hint: NCA steps per Life generation"));
    }

    @Override
    public Trajectories generate(Params params, DataRequest request) {
        int size = params.getInt(SIZE);
        String initial = params.getString(INITIAL);
        boolean usesPatterns = !RANDOM.equals(initial);
        boolean fixed = FIXED.equals(params.getString(PLACEMENT)) && request.split() == Split.TRAIN;
        validate(params, usesPatterns);
        int frames = request.frames().orElse(params.getInt(STEPS) + 1);
        if (frames < 1) {
            throw new NcaException("dataset 'life' was asked for " + frames + " frames; at least 1 is needed");
        }
        int r = params.getInt(TRAJECTORIES);
        int cells = size * size;
        long total = (long) r * frames * cells;
        if (total > MAX_VALUES) {
            throw new NcaException("dataset 'life' (" + params.source() + "): " + r + " trajectories x " + frames
                    + " frames x " + size + "^2 = " + total + " values is more than " + MAX_VALUES
                    + "; reduce trajectories, size or steps");
        }
        List<LifePattern> patterns = new ArrayList<>();
        if (usesPatterns) {
            for (String entry : params.getStrings(PATTERNS)) {
                patterns.add(PatternLibrary.load(entry));
            }
        }
        int[][] offsets = fixed && usesPatterns ? fixedOffsets(params, patterns, size) : null;
        String split = request.split() == Split.TRAIN ? "train" : "held-out";
        InitialStates initialStates = new InitialStates(size);
        ToroidalLife life = new ToroidalLife(size);
        float[] values = new float[(int) total];
        for (int traj = 0; traj < r; traj++) {
            SplittableRandom rng = request.random().stream("life/" + split + "/initial/" + traj);
            boolean pattern = PATTERN.equals(initial) || (MIXED.equals(initial) && traj % 2 == 0);
            byte[] start;
            if (!pattern) {
                start = initialStates.soup(params.getDouble(DENSITY), rng);
            } else if (fixed) {
                start = initialStates.fixed(patterns, offsets[0], offsets[1]);
            } else {
                start = initialStates.random(patterns, RANDOM.equals(params.getString(ORIENTATION)), rng);
            }
            life.reset(start);
            life.advance(params.getInt(WARMUP));
            for (int t = 0; t < frames; t++) {
                if (t > 0) {
                    life.advance(1);
                }
                life.copyTo(values, (traj * frames + t) * cells);
            }
            LOG.debug("life {} trajectory {}: population {} after {} frames", split, traj, life.population(), frames);
        }
        long[] shape = {r, frames, 1, size, size};
        return new Trajectories(Nd4j.create(values, shape, DataType.FLOAT).castTo(request.dtype()),
                List.of("alive"), params.getInt(FRAME_SPACING), Optional.of(Boundary.PERIODIC), Optional.empty(),
                0.0, 1.0);
    }

    /**
     * Life itself, run on from any state: cells above 1/2 are alive, one native step per generation
     * and per frame (the NCA takes {@code frame_spacing} steps per generation).
     */
    @Override
    public Optional<TrueDynamics> trueDynamics(Params params, DataRequest request) {
        validate(params, !RANDOM.equals(params.getString(INITIAL)));
        return Optional.of(new LifeDynamics(params.getInt(SIZE)));
    }

    /** Cross-field checks of the pattern names and of the number and kind of offsets. */
    private static void validate(Params params, boolean usesPatterns) {
        List<String> entries = params.getStrings(PATTERNS);
        double[] raw = params.getDoubles(OFFSETS);
        boolean fixed = FIXED.equals(params.getString(PLACEMENT));
        if (!fixed && raw.length > 0) {
            throw invalidOffsets(params, "an empty array unless placement = \"fixed\"");
        }
        if (!usesPatterns) {
            return;
        }
        if (entries.isEmpty()) {
            throw params.invalid(PATTERNS, "at least one pattern when initial = \"" + params.getString(INITIAL) + "\"");
        }
        for (String entry : entries) {
            if (!PatternLibrary.isFile(entry) && !PatternLibrary.BUILT_IN.contains(entry)) {
                throw params.invalid(PATTERNS, "built-in pattern names " + PatternLibrary.BUILT_IN
                        + " or paths of RLE files ending in .rle (\"" + entry + "\" is neither)");
            }
        }
        int n = entries.size();
        if (fixed && !(raw.length == 0 && n == 1) && raw.length != 2 * n) {
            throw invalidOffsets(params, "2 whole numbers per pattern (row, column of its top-left cell): "
                    + 2 * n + " numbers for " + n + " patterns" + (n == 1 ? ", or none to centre the pattern" : ""));
        }
        for (double v : raw) {
            if (v != Math.rint(v)) {
                throw invalidOffsets(params, "whole numbers (row, column of each pattern's top-left cell)");
            }
        }
    }

    /**
     * The top-left cells {@code {rows, cols}} of the patterns for fixed placement: the validated
     * {@code offsets}, or the centring position of a single pattern given without offsets.
     */
    private static int[][] fixedOffsets(Params params, List<LifePattern> patterns, int size) {
        double[] raw = params.getDoubles(OFFSETS);
        if (raw.length == 0) {
            LifePattern only = patterns.get(0);
            return new int[][] {{(size - only.height()) / 2}, {(size - only.width()) / 2}};
        }
        int[][] offsets = new int[2][patterns.size()];
        for (int k = 0; k < raw.length; k++) {
            offsets[k % 2][k / 2] = (int) raw[k];
        }
        return offsets;
    }

    /**
     * An error about {@code offsets}, showing the array as numbers ({@link Params#invalid} would
     * print a {@code double[]} as an object reference).
     */
    private static InvalidParameterException invalidOffsets(Params params, String allowed) {
        List<Double> shown = Arrays.stream(params.getDoubles(OFFSETS)).boxed().toList();
        return new InvalidParameterException(params.source(), OFFSETS, shown, allowed);
    }
}
