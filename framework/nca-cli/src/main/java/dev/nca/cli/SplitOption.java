package dev.nca.cli;

import dev.nca.api.Split;
import picocli.CommandLine.Option;

/** {@code --from SPLIT}: which trajectories of a dataset give the initial conditions (mixin). */
final class SplitOption {

    @Option(names = "--from", paramLabel = "SPLIT", converter = SplitConverter.class,
            completionCandidates = SplitConverter.class, defaultValue = "held-out",
            description = "Initial conditions: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Split split = Split.HELD_OUT;

    /** The chosen split. */
    Split split() {
        return split;
    }

    /** Its name as the option spells it, e.g. {@code "held-out"}. */
    String name() {
        return SplitConverter.name(split);
    }
}
