package dev.nca.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The nca version this command line was built as, written into {@code version.properties} by the build. */
final class FrameworkVersion {

    private static final String RESOURCE = "version.properties";

    private FrameworkVersion() {
    }

    /**
     * Reads the version from the class path.
     *
     * @return the version, e.g. {@code 0.1.0-SNAPSHOT}
     * @throws IllegalStateException when the resource is missing or was not filtered by the build
     */
    static String read() {
        Properties properties = new Properties();
        try (InputStream in = FrameworkVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("dev/nca/cli/" + RESOURCE + " is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/nca/cli/" + RESOURCE, e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.contains("${")) {
            throw new IllegalStateException("dev/nca/cli/" + RESOURCE + " holds no built version ('" + version
                    + "'); build nca-cli with Maven, which fills it in");
        }
        return version.strip();
    }
}
