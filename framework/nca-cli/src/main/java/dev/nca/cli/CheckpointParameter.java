package dev.nca.cli;

import dev.nca.runtime.evaluate.CheckpointModel;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The {@code CHECKPOINT} parameter of the commands that work on a trained model (mixin). */
final class CheckpointParameter {

    @Parameters(index = "0", paramLabel = "CHECKPOINT",
            description = "A checkpoint, e.g. runs/<run>/checkpoints/best.nca.")
    private Path file;

    /** The checkpoint file as the user named it. */
    Path file() {
        return file;
    }

    /** Loads the checkpoint with the session's extensions; rollouts run on the engine of {@code engine}. */
    CheckpointModel load(HostSession session, EngineOption engine) {
        return CheckpointModel.load(file, session.extensions(), session.engines(), engine.choose(session.engines()));
    }

    /**
     * Loads the checkpoint with the session's extensions and some of its recipe's {@code [data.params]}
     * changed ({@code "data.params.KEY" -> "VALUE"}); rollouts run on the engine of {@code engine}.
     */
    CheckpointModel load(HostSession session, EngineOption engine, java.util.Map<String, String> dataOverrides) {
        return CheckpointModel.load(file, session.extensions(), session.engines(), engine.choose(session.engines()),
                dataOverrides);
    }

    /** Loads the checkpoint with the session's extensions, to run on the default engine. */
    CheckpointModel load(HostSession session) {
        return CheckpointModel.load(file, session.extensions(), session.engines());
    }
}
