package dev.nca.cli;

import dev.nca.api.NcaException;
import dev.nca.runtime.analyse.AnalysisFiles;
import dev.nca.runtime.analyse.Progress;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.OutputFolders;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options every {@code nca analyse} subcommand shares (output folder, mask seed, engine) and the
 * progress line they print on standard error.
 */
abstract class AnalyseSubcommand extends NcaSubcommand {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the results (default: <run folder>/analyse-<name>-<timestamp>/).")
    private Path out;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the update masks and every random choice (default: derived from the recipe seed).")
    private Long seed;

    @Mixin
    EngineOption engine;

    /** The output files of this analysis of {@code model}. */
    AnalysisFiles files(HostSession session, CheckpointModel model, String name) {
        return new AnalysisFiles(session.outputFolder(out, model.runDirectory(), "analyse-" + name));
    }

    /** The output files when there is no checkpoint (the folder must be given). */
    AnalysisFiles files(String name) {
        if (out == null) {
            throw new NcaException("--out is required when analysing a recipe's data (there is no run folder)");
        }
        return new AnalysisFiles(OutputFolders.given(out, "--out"));
    }

    /** The seed: {@code --seed}, else derived from the recipe's seed. */
    long seed(CheckpointModel model) {
        return seed != null ? seed : model.seed("analyse");
    }

    /** The seed when there is no checkpoint: {@code --seed}, else 1. */
    long seedOrDefault() {
        return seed != null ? seed : 1L;
    }

    /** Prints "task: done/total" on standard error about every tenth of the way. */
    Progress progress() {
        return (task, done, total) -> {
            int tenth = Math.max(1, total / 10);
            if (done == total || done % tenth == 0) {
                err().println("  " + task + ": " + done + "/" + total);
                err().flush();
            }
        };
    }

    static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new NcaException(option + " must be at least 1, got " + value);
        }
    }
}
