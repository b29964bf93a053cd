package dev.nca.support.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes whole files so that a reader (or a crash) never sees a half-written file (with
 * {@link AtomicWrite}): the content goes to
 * a temporary file {@code .<name>.<random>.tmp} in the target's directory, which, once complete
 * and closed, is renamed over the target with an atomic move. Where the
 * file system cannot rename atomically the rename falls back to a plain replacing move. The
 * temporary file is deleted when writing or renaming fails. The file is not fsync'ed: after a
 * power loss the target may hold the old or the new content, but never a mix written by this
 * class.
 *
 * <p>The temporary file is created with the process's default permissions (umask), not the
 * owner-only permissions of {@link Files#createTempFile}, so the result looks like any file the
 * user writes. Missing parent directories are created.
 */
public final class AtomicFiles {

    /** Produces the content of a file; it must not close the stream. */
    @FunctionalInterface
    public interface ContentWriter {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Atomically replaces (or creates) {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /** Atomically replaces (or creates) {@code target} with {@code text} encoded as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Atomically replaces (or creates) {@code target} with what {@code writer} writes. If the
     * writer throws, the target is left untouched and the exception propagates.
     */
    public static void write(Path target, ContentWriter writer) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(writer, "writer");
        try (AtomicWrite write = AtomicWrite.begin(target)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(write.temp(),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
                writer.writeTo(out);
            }
            write.commit();
        }
    }
}
