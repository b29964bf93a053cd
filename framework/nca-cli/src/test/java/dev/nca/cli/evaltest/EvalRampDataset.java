package dev.nca.cli.evaltest;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.Trajectories;
import dev.nca.api.TrueDynamics;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;

/**
 * {@code eval-ramp}: {@code y[r, t, c, i, j] = u[r, c, i, j] + t * rate}, u uniform in [0, 1) from the
 * request's stream {@code "eval-ramp/<r>"}; channels "p" and "q", periodic, frame spacing hint 2. Its
 * true dynamics (unless {@code simulable = false}) add {@code rate} per native step, one step per frame.
 * Packed into a test plugin jar by {@code EvalTestPlugin}, not registered on the class path.
 */
@Extension
public class EvalRampDataset implements Dataset {

    @Override
    public String name() {
        return "eval-ramp";
    }

    @Override
    public String description() {
        return "random fields rising linearly in time, for the command-line tests";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("size", 8L, 1, 64, "lattice side"),
                ParamSpec.integer("trajectories", 2L, 1, 16, "trajectories"),
                ParamSpec.integer("frames", 3L, 1, 1000, "frames per trajectory"),
                ParamSpec.real("rate", 0.5, -10, 10, "increase per frame"),
                ParamSpec.bool("simulable", true, "whether the dataset offers its true dynamics"));
    }

    @Override
    public Optional<TrueDynamics> trueDynamics(Params params, DataRequest request) {
        if (!params.getBoolean("simulable")) {
            return Optional.empty();
        }
        double rate = params.getDouble("rate");
        return Optional.of(new TrueDynamics() {
            @Override
            public int stepsPerFrame() {
                return 1;
            }

            @Override
            public INDArray advance(INDArray states, int steps) {
                return states.add(steps * rate);
            }
        });
    }

    @Override
    public Trajectories generate(Params params, DataRequest request) {
        int s = params.getInt("size");
        int r = params.getInt("trajectories");
        int t = request.frames().orElse(params.getInt("frames"));
        double rate = params.getDouble("rate");
        double[] values = new double[r * t * 2 * s * s];
        int plane = 2 * s * s;
        for (int traj = 0; traj < r; traj++) {
            SplittableRandom random = request.random().stream("eval-ramp/" + traj);
            for (int k = 0; k < plane; k++) {
                double u = random.nextDouble();
                for (int f = 0; f < t; f++) {
                    values[(traj * t + f) * plane + k] = u + f * rate;
                }
            }
        }
        return new Trajectories(Nd4j.create(values, new long[] {r, t, 2, s, s}, DataType.DOUBLE)
                .castTo(request.dtype()), List.of("p", "q"), 2, Optional.of(Boundary.PERIODIC), Optional.empty(),
                0.0, 1.0 + (t - 1) * Math.abs(rate));
    }
}
