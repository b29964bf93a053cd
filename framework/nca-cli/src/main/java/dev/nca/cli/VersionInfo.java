package dev.nca.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.IVersionProvider;

/**
 * The lines of {@code nca version} and {@code nca --version}: framework version, ND4J backend,
 * Java and operating system. Loads the ND4J backend (a second or two).
 */
final class VersionInfo implements IVersionProvider {

    private static final Logger LOG = LoggerFactory.getLogger(VersionInfo.class);
    private static final String ND4J_POM_PROPERTIES = "META-INF/maven/org.nd4j/nd4j-api/pom.properties";

    @Override
    public String[] getVersion() {
        return lines(FrameworkVersion.read()).toArray(String[]::new);
    }

    /**
     * The version report. A backend that cannot be loaded is reported on its line, not thrown:
     * this is the command people run to find out what is wrong with their installation.
     */
    static List<String> lines(String frameworkVersion) {
        List<String> lines = new ArrayList<>();
        lines.add("nca " + frameworkVersion);
        lines.add(backendLine());
        lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        lines.add("OS " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " processors");
        return lines;
    }

    private static String backendLine() {
        StringBuilder line = new StringBuilder("ND4J ");
        try {
            line.append(nd4jVersion()).append(", backend ").append(Nd4j.getBackend().getClass().getSimpleName());
            Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
            append(line, environment, "blas.vendor", "BLAS ");
            append(line, environment, "cores", "cores ");
            append(line, environment, "omp.threads", "OpenMP threads ");
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("The ND4J backend failed to load", e);
            return "ND4J backend: not available (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); run with -v for details";
        }
        return line.toString();
    }

    /** The nd4j-api version from the pom.properties Maven puts in the jar (its manifest has none). */
    private static String nd4jVersion() {
        Properties pom = new Properties();
        try (InputStream in = Nd4j.class.getClassLoader().getResourceAsStream(ND4J_POM_PROPERTIES)) {
            if (in == null) {
                return "(version unknown)";
            }
            pom.load(in);
        } catch (IOException e) {
            LOG.debug("Cannot read {}", ND4J_POM_PROPERTIES, e);
            return "(version unknown: " + e.getMessage() + ")";
        }
        return pom.getProperty("version", "(version unknown)");
    }

    private static void append(StringBuilder line, Properties environment, String key, String label) {
        Object value = environment.get(key);
        if (value != null) {
            line.append(", ").append(label).append(value);
        }
    }
}
