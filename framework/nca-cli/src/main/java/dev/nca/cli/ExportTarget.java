package dev.nca.cli;

import dev.nca.api.NcaException;
import dev.nca.support.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --out} file of an export: checked before any work, written atomically, never overwritten unasked. */
final class ExportTarget {

    private ExportTarget() {
    }

    /**
     * @throws NcaException when the name lacks {@code extension}, names a folder, or the file exists
     *                      and {@code force} is off
     */
    static void check(Path out, String extension, boolean force) {
        if (out.getFileName() == null || !out.getFileName().toString().endsWith(extension)) {
            throw new NcaException("--out " + out + ": the file name must end in " + extension);
        }
        if (Files.isDirectory(out)) {
            throw new NcaException("--out " + out + ": is a folder; give the " + extension + " file to write");
        }
        if (Files.exists(out) && !force) {
            throw new NcaException("--out " + out + ": the file exists; remove it or add --force to replace it");
        }
    }

    static void write(Path out, byte[] bytes) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.write(out, bytes);
        } catch (IOException e) {
            throw new NcaException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
