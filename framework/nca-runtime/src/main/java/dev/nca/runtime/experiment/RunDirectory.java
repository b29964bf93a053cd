package dev.nca.runtime.experiment;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder one training run writes: {@code <output>/<name>-<yyyyMMdd-HHmmss>/} holding
 * {@code recipe.toml} (as resolved), {@code provenance.json}, {@code metrics.jsonl},
 * {@code checkpoints/best.nca} and {@code checkpoints/last.nca}, {@code loss.png},
 * {@code snapshots/epoch-NNNNNN.png} and {@code trajectory.gif}.
 */
public record RunDirectory(Path root) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Creates a new, unique run folder under {@code output}. */
    public static RunDirectory create(Path output, String name) {
        String base = name + "-" + LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(output);
            for (int i = 0; ; i++) {
                Path candidate = output.resolve(i == 0 ? base : base + "-" + i);
                try {
                    Files.createDirectory(candidate);
                    Files.createDirectories(candidate.resolve("checkpoints"));
                    Files.createDirectories(candidate.resolve("snapshots"));
                    return new RunDirectory(candidate);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (i > 1000) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new NcaException("cannot create the run folder under " + output + ": " + e.getMessage(), e);
        }
    }

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
