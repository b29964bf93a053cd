package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.core.engine.NcaEngine;
import dev.nca.api.NcaException;
import dev.nca.api.Trajectories;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.SimulationWriter;
import dev.nca.runtime.evaluate.Simulator;
import dev.nca.runtime.evaluate.StartStates;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nca simulate CHECKPOINT --steps N}: rolls a trained NCA forward from a data frame and writes
 * pictures of every recorded state, a strip and an animated GIF; prints a JSON summary.
 */
@Command(name = "simulate",
        header = "Roll a trained NCA forward: PNG frames, a strip and an animation",
        description = {"Roll a trained NCA forward from the first frame of a trajectory of"
        + " its dataset and write a PNG of every recorded state (observable channels, then hidden channels"
        + " three at a time as RGB), a strip of up to 8 of them and an animated GIF with a step counter."})
final class SimulateCommand extends NcaSubcommand {

    @Mixin
    private EngineOption engine = new EngineOption();

    private static final Logger LOG = LoggerFactory.getLogger(SimulateCommand.class);

    @Mixin
    private CheckpointParameter checkpoint;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "NCA steps to run (>= 1).")
    private int steps;

    @Mixin
    private StartTrajectoryOptions from;

    @Option(names = "--seed-cell",
            description = "Start from one living cell in the lattice centre instead of a data frame (growing NCA):"
                    + " the last observable channel (alpha) and every hidden channel 1, all else 0.")
    private boolean seedCell;

    @Option(names = "--every", paramLabel = "K",
            description = "Record every K steps (default: the recipe's frame spacing); the last step is always"
                    + " recorded.")
    private Integer every;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the pictures (default: <run folder>/simulate-<timestamp>/).")
    private Path out;

    @Option(names = "--npy", paramLabel = "FILE",
            description = "Also write the recorded states, all channels, as one float array [T, C, S, S] to FILE"
                    + " (.npy, in the recorded order) and the recorded steps as [T] to FILE with '.steps.npy' in"
                    + " place of '.npy'.")
    private Path npy;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the random update masks (default: derived from the recipe seed).")
    private Long seed;

    @Override
    protected int run() throws Exception {
        if (steps < 1) {
            throw new NcaException("--steps must be at least 1, got " + steps);
        }
        if (every != null && every < 1) {
            throw new NcaException("--every must be at least 1, got " + every);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session, engine);
            Trajectories data = from.generate(model);
            int k = every != null ? every : model.frameSpacing(data);
            long maskSeed = seed != null ? seed : model.seed("simulate");
            Path folder = session.outputFolder(out, model.runDirectory(), "simulate");
            int[] recorded = Simulator.recordedSteps(steps, k);
            LOG.info("simulating {} steps from frame 0 of {} trajectory {}, recording {} states into {}", steps,
                    from.splitName(), from.trajectory(), recorded.length, folder);
            INDArray start = seedCell
                    ? StartStates.seedCell(model.config().channels(), model.config().observable(), data.size(),
                            model.dataType())
                    : StartStates.one(data, from.trajectory(), 0, model.config().channels(), model.dataType());
            SimulationWriter.Output files;
            try (SimulationWriter writer = new SimulationWriter(folder, data, recorded);
                 NcaEngine engine = model.engine(data.size())) {
                RolloutArrays arrays = npy == null ? null : new RolloutArrays(recorded.length);
                new Simulator(engine, model.parameters()).run(start, steps, k, maskSeed, (step, state) -> {
                    writer.accept(step, state);
                    if (arrays != null) {
                        arrays.accept(step, state);
                    }
                });
                files = writer.finish();
                if (arrays != null) {
                    json.put("npy", arrays.write(npy).toString());
                    json.put("npy_steps", RolloutArrays.stepsFile(npy).toString());
                }
            }
            json.put("checkpoint", checkpoint.file().toString());
            json.put("from", seedCell ? "seed-cell" : from.splitName());
            json.put("trajectory", from.trajectory());
            json.put("steps", steps);
            json.put("every", k);
            json.put("seed", maskSeed);
            json.put("recorded_steps", recorded);
            json.put("out", folder.toString());
            json.put("frames", files.frames().toString());
            json.put("frame_count", files.frameCount());
            json.put("strip", files.strip().toString());
            json.put("animation", files.animation().toString());
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }
}
