package dev.nca.plugins.dataset.image.morph;

import dev.nca.api.NcaException;
import dev.nca.support.image.PlanarImage;
import dev.nca.support.image.PngImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves the entries of the {@code images} parameter: a built-in name or a picture file path.
 *
 * <p>Built-in images are Noto Emoji by Google (Apache License 2.0), 64 x 64 RGBA, shipped in the
 * plugin jar under {@code dev/nca/plugins/dataset/image/morph/emoji/} with their NOTICE. Any other entry is a
 * file path: absolute, or relative to the working directory of the process (the recipe's folder
 * is not known to a dataset).
 */
final class SourceImages {

    /** Built-in names and their resource files (Unicode code points), in documentation order. */
    static final Map<String, String> BUILT_IN = builtIn();

    private static final String RESOURCE_FOLDER = "emoji/";

    private SourceImages() {
    }

    private static Map<String, String> builtIn() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("space-invader", "1f47e.png");
        m.put("microbe", "1f9a0.png");
        m.put("rooster", "1f413.png");
        m.put("lizard", "1f98e.png");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Loads one entry as premultiplied RGBA {@code [4, H, W]} (see {@link PngImages}).
     *
     * @param entry  a built-in name or a file path
     * @param source where the entry comes from, for messages, e.g. the recipe table
     * @throws NcaException when the entry is neither a built-in name nor a readable picture file
     */
    static PlanarImage load(String entry, String source) {
        String resource = BUILT_IN.get(entry);
        if (resource != null) {
            return loadResource(resource);
        }
        Path file;
        try {
            file = Path.of(entry);
        } catch (InvalidPathException e) {
            throw new NcaException(source + ": image \"" + entry + "\" is neither a built-in image "
                    + BUILT_IN.keySet() + " nor a valid file path: " + e.getMessage(), e);
        }
        Path resolved = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(resolved)) {
            throw new NcaException(source + ": image \"" + entry + "\" is neither a built-in image "
                    + BUILT_IN.keySet() + " nor an existing file (looked for " + resolved
                    + "; relative paths are resolved against the working directory)");
        }
        return PngImages.read(resolved);
    }

    private static PlanarImage loadResource(String fileName) {
        String name = RESOURCE_FOLDER + fileName;
        try (InputStream in = SourceImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in image resource " + name + " is missing from the plugin jar");
            }
            return PngImages.read(in, "built-in image " + name);
        } catch (IOException e) {
            throw new NcaException("could not close built-in image " + name + ": " + e.getMessage(), e);
        }
    }
}
