package dev.nca.render;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file written under a temporary name in its target directory and renamed into place when
 * complete, so that readers (a browser refreshing {@code loss.png}, a crash mid-write) never see a
 * half-written file. Use: {@link #begin}, write to {@link #temp()}, then {@link #commit()};
 * {@link #close()} without a commit deletes the temporary file.
 */
final class AtomicWrite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicWrite.class);

    private final Path target;
    private final Path temp;
    private boolean done;

    private AtomicWrite(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Creates the parent directories if needed and a fresh temporary file beside {@code target}. */
    static AtomicWrite begin(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            // not Files.createTempFile: that makes the file owner-only (0600), and the rename would
            // carry those permissions to the published picture; createFile honours the umask
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temp = dir.resolve("." + abs.getFileName() + "." + suffix + ".tmp");
            try {
                Files.createFile(temp);
                return new AtomicWrite(abs, temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    Path temp() {
        return temp;
    }

    Path target() {
        return target;
    }

    /**
     * Moves the temporary file onto the target, atomically where the file system supports it,
     * otherwise with a plain replacing move.
     */
    void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.debug("Atomic rename not supported for {} ({}); replacing non-atomically", target, e.getMessage());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws IOException {
        if (!done) {
            Files.deleteIfExists(temp);
        }
    }
}
