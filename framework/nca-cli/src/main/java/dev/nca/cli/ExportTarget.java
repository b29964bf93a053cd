package dev.nca.cli;

import dev.nca.api.NcaException;
import dev.nca.support.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --out} file of an export and the {@code --force} option (mixin): the file is checked
 * before any work, written atomically and never overwritten unasked.
 */
final class ExportTarget {

    @Option(names = "--force", description = "Replace --out if it exists.")
    private boolean force;

    /**
     * @throws NcaException when the name lacks {@code extension}, names a folder, or the file exists
     *                      and {@code --force} is not given
     */
    void check(Path out, String extension) {
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
