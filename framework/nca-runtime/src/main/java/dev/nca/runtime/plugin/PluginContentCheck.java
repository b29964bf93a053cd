package dev.nca.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks inside a plugin jar (or plugin directory, including the jars in it) before PF4J loads it,
 * and rejects plugins that bundle classes the host already provides: ND4J, PF4J, the nca API or
 * nca-plugin-support (package {@code dev.nca.support}). Such a plugin would either fail with loader-constraint errors or see its extensions silently
 * skipped, because its copy of {@code dev.nca.api.Dataset} is not the host's.
 */
final class PluginContentCheck {

    /** Package paths (in jar-entry form) that a plugin must not contain. */
    static final List<String> FORBIDDEN = List.of("org/nd4j/", "org/pf4j/", "dev/nca/api/", "dev/nca/support/");

    private PluginContentCheck() {
    }

    /**
     * Checks one plugin path.
     *
     * @param plugin a plugin jar or directory
     * @return the reason to reject it, or empty when it is acceptable
     * @throws IOException when the jar cannot be read as a zip file (e.g. it is corrupt)
     */
    static Optional<String> check(Path plugin) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        if (Files.isDirectory(plugin)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(plugin)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                String relative = plugin.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(".jar")) {
                    scanJar(file, found);
                } else {
                    forbiddenPackage(relative.startsWith("classes/") ? relative.substring(8) : relative)
                            .ifPresent(found::add);
                }
            }
        } else {
            scanJar(plugin, found);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> packages = new ArrayList<>();
        for (String prefix : found) {
            packages.add(prefix.replace('/', '.') + "**");
        }
        return Optional.of("it bundles classes of " + String.join(", ", packages)
                + ", which the host provides; declare the nca-api, nca-plugin-support, nd4j-api and pf4j dependencies with"
                + " <scope>provided</scope> in the plugin's pom and rebuild it");
    }

    /**
     * Whether the plugin has its own {@code META-INF/extensions.idx} (written by PF4J's annotation
     * processor), at the jar root or under {@code classes/} of a plugin directory.
     */
    static boolean hasExtensionIndex(Path plugin) {
        String index = "META-INF/extensions.idx";
        if (Files.isDirectory(plugin)) {
            return Files.isRegularFile(plugin.resolve(index)) || Files.isRegularFile(plugin.resolve("classes").resolve(index));
        }
        try (ZipFile zip = new ZipFile(plugin.toFile())) {
            return zip.getEntry(index) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void scanJar(Path jar, TreeSet<String> found) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                forbiddenPackage(entries.nextElement().getName()).ifPresent(found::add);
            }
        }
    }

    private static Optional<String> forbiddenPackage(String entryName) {
        if (!entryName.endsWith(".class")) {
            return Optional.empty();
        }
        return FORBIDDEN.stream().filter(entryName::startsWith).findFirst();
    }
}
