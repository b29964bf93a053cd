package dev.nca.plugins.dataset.life;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Resolves the entries of the {@code patterns} parameter: a built-in name (an RLE file shipped in
 * this plugin's resources under {@code dev/nca/plugins/dataset/life/patterns/<name>.rle}) or the
 * path of an RLE file (any entry ending in {@code .rle}, relative to the working directory).
 */
final class PatternLibrary {

    /** Names of the shipped patterns, each written for this project from its cell layout. */
    static final List<String> BUILT_IN = List.of("block", "blinker", "toad", "beacon", "glider", "lwss",
            "pulsar", "r-pentomino", "gosper-glider-gun");

    private PatternLibrary() {
    }

    /** Whether an entry names a file rather than a built-in pattern. */
    static boolean isFile(String entry) {
        return entry.toLowerCase(Locale.ROOT).endsWith(".rle");
    }

    /**
     * Loads one entry.
     *
     * @throws NcaException for an unknown name, an unreadable file or malformed RLE, naming the entry
     */
    static LifePattern load(String entry) {
        if (isFile(entry)) {
            return loadFile(Path.of(entry));
        }
        if (!BUILT_IN.contains(entry)) {
            throw new NcaException("unknown Life pattern \"" + entry + "\": use one of the built-in patterns "
                    + BUILT_IN + " or the path of an RLE file ending in .rle");
        }
        return builtIn(entry);
    }

    /** A shipped pattern by name. */
    static LifePattern builtIn(String name) {
        String resource = "patterns/" + name + ".rle";
        try (InputStream in = PatternLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in pattern resource " + resource
                        + " is missing from the plugin");
            }
            return RleReader.parse("built-in RLE pattern '" + name + "' (" + resource + ")",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)).named(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in pattern resource " + resource, e);
        }
    }

    private static LifePattern loadFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NcaException("RLE pattern file " + file + " does not exist (relative paths are resolved"
                    + " against the working directory " + Path.of("").toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new NcaException("cannot read RLE pattern file " + file + ": " + e.getMessage(), e);
        }
        return RleReader.parse("RLE pattern file " + file, text).named(file.toString());
    }
}
