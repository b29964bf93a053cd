package dev.nca.plugins.dataset.gray.scott;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.Trajectories;
import dev.nca.api.TrueDynamics;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

/**
 * {@code gray-scott}: trajectories of the Gray-Scott reaction-diffusion model as in paper 1,
 * section 3.1 (explicit Euler, periodic lattice, nine-point Laplacian; see {@link GrayScottSolver}).
 *
 * <p>Each of the R trajectories starts from A = 1, B = 0 with {@code patches} random square seeds
 * (A = 0.5, B = 0.25; see {@link PatchSeeds}) and records a frame every {@code save_every} PDE steps:
 * T = steps / save_every + 1 frames (frame 0 is the initial condition), or {@code request.frames()}
 * frames when given. Trajectory r draws its seeds from the request's stream
 * {@code "gray-scott/initial/<r>"}, so adding trajectories does not change the others. Optional
 * post-processing in this order: {@code scale = "minmax"} maps each channel onto [0, 1] using its
 * minimum and maximum over the whole dataset; {@code noise = xi > 0} replaces each value y by
 * {@code (1 - xi) y + xi U(min y, max y)} (paper 1, section 3.1.2), drawn from the stream
 * {@code "gray-scott/noise"}.
 *
 * <p>Output: {@code [R, T, 2, S, S]} in the requested data type, channels {@code ["A", "B"]},
 * frame spacing {@code save_every}, periodic boundary, value range [0, 1]. The simulation runs in
 * double precision.
 *
 * <p>Offers {@link #trueDynamics}: the same solver run on from any state, in the frames' scaling.
 */
@Extension
public class GrayScottDataset implements Dataset {

    static final String SIZE = "size";
    static final String STEPS = "steps";
    static final String SAVE_EVERY = "save_every";
    static final String DT = "dt";
    static final String DIFFUSION_A = "diffusion_a";
    static final String DIFFUSION_B = "diffusion_b";
    static final String FEED = "feed";
    static final String KILL = "kill";
    static final String TRAJECTORIES = "trajectories";
    static final String PATCHES = "patches";
    static final String PATCH_MIN = "patch_min";
    static final String PATCH_MAX = "patch_max";
    static final String SCALE = "scale";
    static final String NOISE = "noise";

    /** Explicit Euler with this Laplacian is stable for diffusion * dt up to 1/2. */
    static final double MAX_DIFFUSION_DT = 0.5;
    private static final long MAX_VALUES = 250_000_000L;

    @Override
    public String name() {
        return "gray-scott";
    }

    @Override
    public String description() {
        return "Gray-Scott reaction-diffusion trajectories from random square seeds (explicit Euler, periodic).";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer(SIZE, 64L, 3, 1024, "lattice side S"),
                ParamSpec.integer(STEPS, 1024L, 1, 10_000_000, "total PDE steps N (a multiple of save_every)"),
                ParamSpec.integer(SAVE_EVERY, 32L, 1, 10_000_000, "PDE steps between recorded frames"),
                ParamSpec.real(DT, 1.0, 1e-6, 10.0, "Euler time step"),
                ParamSpec.real(DIFFUSION_A, 0.1, 0.0, 10.0, "diffusion constant D_A of A"),
                ParamSpec.real(DIFFUSION_B, 0.05, 0.0, 10.0, "diffusion constant D_B of B"),
                ParamSpec.real(FEED, 0.0623, 0.0, 1.0, "feed rate (alpha in paper 1)"),
                ParamSpec.real(KILL, 0.06268, 0.0, 1.0, "kill rate (gamma in paper 1)"),
                ParamSpec.integer(TRAJECTORIES, 2L, 1, 10_000, "number of trajectories R"),
                ParamSpec.integer(PATCHES, 6L, 0, 10_000, "random square seed patches per initial condition"),
                ParamSpec.integer(PATCH_MIN, 4L, 1, 1024, "smallest patch side"),
                ParamSpec.integer(PATCH_MAX, 12L, 1, 1024, "largest patch side"),
                ParamSpec.text(SCALE, "none", List.of("none", "minmax"),
                        "\"minmax\": map each channel onto [0, 1] by its dataset-wide min and max"),
                ParamSpec.real(NOISE, 0.0, 0.0, 1.0,
                        "measurement noise xi: y -> (1 - xi) y + xi U(min y, max y)"));
    }

    @Override
    public Trajectories generate(Params params, DataRequest request) {
        int size = params.getInt(SIZE);
        int saveEvery = params.getInt(SAVE_EVERY);
        int frames = frames(params, request);
        int r = params.getInt(TRAJECTORIES);
        double[] values = simulate(params, request, frames);
        ChannelTransforms transforms = new ChannelTransforms(values, 2, size * size);
        if (minMaxScaled(params)) {
            transforms.minMaxScale();
        }
        double noise = params.getDouble(NOISE);
        if (noise > 0) {
            transforms.addMeasurementNoise(noise, request.random().stream("gray-scott/noise"));
        }
        long[] shape = {r, frames, 2, size, size};
        return new Trajectories(Nd4j.create(values, shape, DataType.DOUBLE).castTo(request.dtype()),
                List.of("A", "B"), saveEvery, Optional.of(Boundary.PERIODIC), Optional.empty(), 0.0, 1.0);
    }

    /**
     * The Gray-Scott equations with this dataset's constants, {@code save_every} Euler steps per
     * frame. With {@code scale = "minmax"} a state is mapped back to concentrations with the minimum
     * and maximum of each channel over the frames {@code generate(params, request)} returns (found by
     * running the same simulation), stepped, and scaled again with the same constants. Measurement
     * {@code noise} is not part of the dynamics.
     */
    @Override
    public Optional<TrueDynamics> trueDynamics(Params params, DataRequest request) {
        int size = params.getInt(SIZE);
        ChannelTransforms.MinMax[] scaling = null;
        if (minMaxScaled(params)) {
            ChannelTransforms raw = new ChannelTransforms(simulate(params, request, frames(params, request)), 2,
                    size * size);
            scaling = new ChannelTransforms.MinMax[] {raw.minMax(0), raw.minMax(1)};
        } else {
            validate(params, size, params.getInt(SAVE_EVERY));
        }
        return Optional.of(new GrayScottDynamics(size, rates(params), params.getInt(SAVE_EVERY), scaling));
    }

    private static boolean minMaxScaled(Params params) {
        return "minmax".equals(params.getString(SCALE));
    }

    private static GrayScottSolver.Rates rates(Params params) {
        return new GrayScottSolver.Rates(params.getDouble(DT), params.getDouble(DIFFUSION_A),
                params.getDouble(DIFFUSION_B), params.getDouble(FEED), params.getDouble(KILL));
    }

    /** T: the request's frame count, else steps / save_every + 1. */
    private static int frames(Params params, DataRequest request) {
        int frames = request.frames().orElse(params.getInt(STEPS) / params.getInt(SAVE_EVERY) + 1);
        if (frames < 1) {
            throw new NcaException("dataset 'gray-scott' was asked for " + frames + " frames; at least 1 is needed");
        }
        return frames;
    }

    /** The unscaled concentrations {@code [R, T, 2, S, S]} row-major, after validating the parameters. */
    private static double[] simulate(Params params, DataRequest request, int frames) {
        int size = params.getInt(SIZE);
        int saveEvery = params.getInt(SAVE_EVERY);
        validate(params, size, saveEvery);
        int r = params.getInt(TRAJECTORIES);
        int cells = size * size;
        long total = (long) r * frames * 2 * cells;
        if (total > MAX_VALUES) {
            throw new NcaException("dataset 'gray-scott' (" + params.source() + "): " + r + " trajectories x "
                    + frames + " frames x 2 x " + size + "^2 = " + total + " values is more than " + MAX_VALUES
                    + "; reduce trajectories, size or steps / save_every");
        }
        double[] values = new double[(int) total];
        GrayScottSolver solver = new GrayScottSolver(size, rates(params));
        double[] a0 = new double[cells];
        double[] b0 = new double[cells];
        for (int traj = 0; traj < r; traj++) {
            PatchSeeds.fill(a0, b0, size, params.getInt(PATCHES), params.getInt(PATCH_MIN), params.getInt(PATCH_MAX),
                    request.random().stream("gray-scott/initial/" + traj));
            solver.reset(a0, b0);
            for (int t = 0; t < frames; t++) {
                if (t > 0) {
                    solver.advance(saveEvery);
                }
                solver.copyTo(values, (traj * frames + t) * 2 * cells);
            }
        }
        return values;
    }

    private static void validate(Params params, int size, int saveEvery) {
        int steps = params.getInt(STEPS);
        if (steps % saveEvery != 0) {
            throw params.invalid(STEPS, "a multiple of save_every (" + saveEvery + ")");
        }
        if (params.getInt(PATCH_MIN) > params.getInt(PATCH_MAX)) {
            throw params.invalid(PATCH_MIN, "at most patch_max (" + params.getInt(PATCH_MAX) + ")");
        }
        if (params.getInt(PATCH_MAX) > size) {
            throw params.invalid(PATCH_MAX, "at most size (" + size + ")");
        }
        double dt = params.getDouble(DT);
        for (String key : List.of(DIFFUSION_A, DIFFUSION_B)) {
            if (params.getDouble(key) * dt > MAX_DIFFUSION_DT) {
                throw params.invalid(key, "at most " + MAX_DIFFUSION_DT / dt + " with dt = " + dt
                        + " (explicit Euler with the nine-point Laplacian is unstable for " + key + " * dt > "
                        + MAX_DIFFUSION_DT + ")");
            }
        }
    }
}
