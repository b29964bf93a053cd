package dev.nca.runtime.evaluate;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output folders the user names for simulations, evaluations and analyses; new timestamped ones
 * come from {@link dev.nca.runtime.experiment.TimestampedFolders}.
 */
public final class OutputFolders {

    private OutputFolders() {
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
