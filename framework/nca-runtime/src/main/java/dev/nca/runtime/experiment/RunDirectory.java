package dev.nca.runtime.experiment;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder one training run writes: {@code <output>/<name>-<yyyyMMdd-HHmmss>/} holding
 * {@code recipe.toml} (as resolved), {@code provenance.json}, {@code metrics.jsonl},
 * {@code checkpoints/best.nca} and {@code checkpoints/last.nca}, {@code loss.png},
 * {@code snapshots/epoch-NNNNNN.png} and {@code trajectory.gif}. New run folders come from
 * {@link TimestampedFolders#runDirectory}.
 */
public record RunDirectory(Path root) {

    /**
     * Uses {@code root} itself as the run folder (no timestamp), creating it and its
     * {@code checkpoints/} and {@code snapshots/} folders when missing; for callers that name the
     * folder themselves, such as the points of a sweep. Files already there are overwritten by the
     * run, so the caller must hand over a folder without earlier results.
     */
    public static RunDirectory exact(Path root) {
        try {
            Files.createDirectories(root.resolve("checkpoints"));
            Files.createDirectories(root.resolve("snapshots"));
            return new RunDirectory(root);
        } catch (IOException e) {
            throw new NcaException("cannot create the run folder " + root + ": " + e.getMessage(), e);
        }
    }

    public Path recipe() {
        return root.resolve("recipe.toml");
    }

    public Path provenance() {
        return root.resolve("provenance.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path bestCheckpoint() {
        return root.resolve("checkpoints").resolve("best.nca");
    }

    public Path lastCheckpoint() {
        return root.resolve("checkpoints").resolve("last.nca");
    }

    /** A numbered checkpoint, kept besides best and last when {@code [output] keep_last = false}. */
    public Path checkpoint(long epoch) {
        return root.resolve("checkpoints").resolve(String.format("epoch-%06d.nca", epoch));
    }

    public Path lossPlot() {
        return root.resolve("loss.png");
    }

    public Path snapshot(long epoch) {
        return root.resolve("snapshots").resolve(String.format("epoch-%06d.png", epoch));
    }

    public Path animation() {
        return root.resolve("trajectory.gif");
    }
}
