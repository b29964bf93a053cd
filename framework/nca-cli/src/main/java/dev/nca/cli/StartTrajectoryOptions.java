package dev.nca.cli;

import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.runtime.evaluate.CheckpointModel;
import java.util.OptionalInt;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --from} and {@code --trajectory} options of the commands that roll a checkpoint from
 * the first frame of one trajectory of its dataset ({@code simulate}, {@code clusters}).
 */
final class StartTrajectoryOptions {

    @Mixin
    private SplitOption split = new SplitOption();

    @Option(names = "--trajectory", paramLabel = "R", defaultValue = "0",
            description = "Start from frame 0 of this trajectory of the split (default: ${DEFAULT-VALUE}).")
    private int trajectory;

    /** The chosen trajectory index R. */
    int trajectory() {
        return trajectory;
    }

    /** The chosen split. */
    Split split() {
        return split.split();
    }

    /** The chosen split's name as the options spell it, e.g. {@code "held-out"}. */
    String splitName() {
        return split.name();
    }

    /**
     * Generates the chosen split of the checkpoint's dataset (its own number of frames) and checks
     * that it has the chosen trajectory.
     *
     * @throws NcaException naming the option, the split and the valid range if it has not
     */
    Trajectories generate(CheckpointModel model) {
        Trajectories data = model.generate(split.split(), OptionalInt.empty());
        if (trajectory < 0 || trajectory >= data.trajectories()) {
            throw new NcaException("--trajectory " + trajectory + " is out of range: the "
                    + splitName() + " split of dataset \"" + model.plan().dataset().entry().name()
                    + "\" has " + data.trajectories() + " trajectories, numbered 0 to " + (data.trajectories() - 1));
        }
        return data;
    }
}
