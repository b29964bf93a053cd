package dev.nca.support.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written under a temporary name in its target directory and renamed into place when
 * complete, so that readers (a browser refreshing {@code loss.png}, a crash mid-write) never see a
 * half-written file. Use: {@link #begin}, write to {@link #temp()}, then {@link #commit()};
 * {@link #close()} without a commit deletes the temporary file. For content written in one go,
 * {@link AtomicFiles} wraps this; use this class directly for a file written over time (e.g. a GIF
 * frame after frame).
 *
 * <p>The temporary file is {@code .<name>.<random>.tmp} beside the target, created with the
 * process's default permissions (umask), not the owner-only ones of {@link Files#createTempFile}.
 * Where the file system cannot rename atomically, {@link #commit} falls back to a plain replacing
 * move. Not thread-safe.
 */
public final class AtomicWrite implements AutoCloseable {

    private static final int MAX_NAME_ATTEMPTS = 100;

    private final Path target;
    private final Path temp;
    private boolean done;

    private AtomicWrite(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Creates the parent directories if needed and a fresh temporary file beside {@code target}. */
    public static AtomicWrite begin(Path target) throws IOException {
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
                if (attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The temporary file to write the content to. */
    public Path temp() {
        return temp;
    }

    /** The absolute target path. */
    public Path target() {
        return target;
    }

    /**
     * Moves the temporary file onto the target, atomically where the file system supports it,
     * otherwise with a plain replacing move.
     */
    public void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
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
