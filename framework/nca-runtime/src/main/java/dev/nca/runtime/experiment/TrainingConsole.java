package dev.nca.runtime.experiment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a training run talks to whoever watches it: a progress bar redrawn on standard error, or
 * plain log lines (the only choice when standard error is a file or pipe, so that logs never hold
 * carriage-return bar frames), and a notice when the run folder exists (e.g. to start writing the
 * run's {@code train.log} there).
 *
 * @param progressBar  draw a bar on standard error (only when it is a terminal and not {@code -q})
 * @param onRunFolder  called once with the new run folder (its recipe.toml and provenance.json
 *                     written), before the first epoch, on the training thread
 */
public record TrainingConsole(boolean progressBar, Consumer<Path> onRunFolder) {

    public TrainingConsole {
        Objects.requireNonNull(onRunFolder, "onRunFolder");
    }

    /** Log lines only, nobody told of the run folder: for runs inside other programs and tests. */
    public static TrainingConsole logLines() {
        return new TrainingConsole(false, dir -> { });
    }
}
