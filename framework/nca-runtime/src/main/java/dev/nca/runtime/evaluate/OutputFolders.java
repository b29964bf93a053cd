package dev.nca.runtime.evaluate;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Output folders of simulations and evaluations. */
public final class OutputFolders {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_SUFFIX = 1000;

    private OutputFolders() {
    }

    /**
     * Creates a new folder {@code <parent>/<prefix>-<yyyyMMdd-HHmmss>}, adding {@code -1}, {@code -2}, ...
     * when that name is taken.
     *
     * @return the new, empty folder
     * @throws NcaException when it cannot be created
     */
    public static Path timestamped(Path parent, String prefix) {
        String base = prefix + "-" + LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(parent);
            for (int i = 0; i <= MAX_SUFFIX; i++) {
                Path candidate = parent.resolve(i == 0 ? base : base + "-" + i);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException taken) {
                    if (i == MAX_SUFFIX) {
                        throw taken;
                    }
                }
            }
            throw new IllegalStateException("unreachable");
        } catch (IOException e) {
            throw new NcaException("cannot create an output folder under " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder the user named, created if missing (existing files in it may be replaced).
     *
     * @param option the command-line option that named it, for messages, e.g. {@code "--out"}
     * @throws NcaException when the path is a file or the folder cannot be created
     */
    public static Path given(Path folder, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new NcaException(option + " " + folder + ": is a file; give a folder for the results");
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new NcaException(option + " " + folder + ": cannot create the folder: " + e.getMessage(), e);
        }
    }
}
