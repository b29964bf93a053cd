package dev.nca.runtime.experiment;

import com.google.inject.Inject;
import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Creates new, uniquely named folders {@code <parent>/<prefix>-<yyyyMMdd-HHmmss>} stamped with the
 * injected clock's local time: run folders of training runs and the output folders of
 * {@code nca simulate}, {@code evaluate}, {@code analyse} and {@code clusters}. When the name is
 * taken, {@code -1}, {@code -2}, ... are appended.
 */
public final class TimestampedFolders {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_SUFFIX = 1000;

    private final Clock clock;

    /** @param clock the time the folder names carry (in the clock's zone) */
    @Inject
    public TimestampedFolders(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a new, empty folder {@code <parent>/<prefix>-<stamp>}.
     *
     * @throws NcaException when it cannot be created
     */
    public Path create(Path parent, String prefix) {
        return create(parent, prefix, "an output folder");
    }

    /**
     * Creates a new run folder {@code <output>/<name>-<stamp>} with its {@code checkpoints/} and
     * {@code snapshots/} folders.
     *
     * @throws NcaException when it cannot be created
     */
    public RunDirectory runDirectory(Path output, String name) {
        return RunDirectory.exact(create(output, name, "the run folder"));
    }

    private Path create(Path parent, String prefix, String what) {
        String base = prefix + "-" + LocalDateTime.now(clock).format(STAMP);
        try {
            Files.createDirectories(parent);
            for (int i = 0; ; i++) {
                try {
                    return Files.createDirectory(parent.resolve(i == 0 ? base : base + "-" + i));
                } catch (FileAlreadyExistsException taken) {
                    if (i == MAX_SUFFIX) {
                        throw taken;
                    }
                }
            }
        } catch (IOException e) {
            throw new NcaException("cannot create " + what + " under " + parent + ": " + e.getMessage(), e);
        }
    }
}
