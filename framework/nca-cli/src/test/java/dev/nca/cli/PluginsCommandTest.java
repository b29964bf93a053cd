package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** A plugin jar with a PF4J manifest and, optionally, one (empty) entry under {@code extra}. */
    private static Path pluginJar(Path dir, String id, String version, String provider, String extra)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Provider", provider);
        Path jar = dir.resolve(id + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (extra != null) {
                out.putNextEntry(new JarEntry(extra));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static JsonNode point(JsonNode report, String name) {
        for (JsonNode point : report.get("extensionPoints")) {
            if (point.get("point").asText().equals(name)) {
                return point;
            }
        }
        throw new AssertionError("no extension point " + name + " in " + report);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    @Test
    void listsClassPathExtensionAsBuiltIn() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "plugins");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Plugin directories: none (class-path extensions only)")
                .contains("Plugins (0): none")
                .contains("KernelSet (1)")
                .contains("Dataset (0): none")
                .containsPattern("\\n  test-cross +\\(built-in\\) \\S+ +identity and a weighted cross stencil")
                .contains("Problems (0): none")
                .doesNotContain("PARAMETER");
    }

    @Test
    void paramsOptionListsEachParameter() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "plugins", "--params");

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .containsPattern("PARAMETER +TYPE +DEFAULT +ALLOWED +DESCRIPTION")
                .containsPattern("weight +real +0\\.5 +a number in \\[0, 1\\] +weight of the neighbours")
                .containsPattern("shape +text +\"cross\" +one of \\[cross, plus\\] +which neighbours")
                .containsPattern("copies +integer +\\(required\\) +an integer in \\[1, 4\\] +how many times");
    }

    @Test
    void jsonDescribesExtensionsAndParameters() throws IOException {
        CliRun run = CliRun.run(CliEnvironment.empty(), "plugins", "--json");

        assertThat(run.status()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("framework").asText()).isEqualTo(System.getProperty("nca.test.version"));
        assertThat(report.get("plugins")).isEmpty();
        assertThat(report.get("problems")).isEmpty();
        assertThat(texts(report.get("extensionPoints"), "point"))
                .containsExactly("Dataset", "KernelSet", "Activation", "LossFunction", "TrainingSchedule");
        JsonNode kernels = point(report, "KernelSet").get("extensions");
        assertThat(kernels).hasSize(1);
        JsonNode cross = kernels.get(0);
        assertThat(cross.get("name").asText()).isEqualTo("test-cross");
        assertThat(cross.get("plugin").asText()).isEqualTo("(built-in)");
        JsonNode parameters = cross.get("parameters");
        assertThat(texts(parameters, "name")).containsExactly("weight", "shape", "copies");
        assertThat(parameters.get(0).get("default").asDouble()).isEqualTo(0.5);
        assertThat(parameters.get(0).get("type").asText()).isEqualTo("real");
        assertThat(parameters.get(1).get("default").asText()).isEqualTo("cross");
        assertThat(parameters.get(2).get("required").asBoolean()).isTrue();
        assertThat(parameters.get(2).get("default").isNull()).isTrue();
    }

    @Test
    void listsPluginsFromDirectoryAndRejectedOnesLast() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        pluginJar(plugins, "demo-plugin", "1.2.3", "Test Lab", null);
        pluginJar(plugins, "bundles-nd4j", "0.0.1", "Careless Lab", "org/nd4j/linalg/Sneaky.class");

        CliRun run = CliRun.run(CliEnvironment.empty(), "plugins", "--plugins", plugins.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("Plugin directories: " + plugins.toAbsolutePath())
                .containsPattern("ID +VERSION +PROVIDER +STATE")
                .containsPattern("demo-plugin +1\\.2\\.3 +Test Lab +started")
                .containsPattern("Problems \\(1\\)\\n  \\S*bundles-nd4j\\.jar: rejected before loading: it bundles"
                        + " classes of org\\.nd4j\\.\\*\\*");
        assertThat(run.out().indexOf("Problems (1)")).isGreaterThan(run.out().indexOf("TrainingSchedule"));
    }

    @Test
    void jsonReportsPluginStateAndProblemReason() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        pluginJar(plugins, "demo-plugin", "1.2.3", "Test Lab", null);
        pluginJar(plugins, "bundles-api", "0.0.1", "Careless Lab", "dev/nca/api/Dataset.class");

        CliRun run = CliRun.run(CliEnvironment.empty(), "--plugins", plugins.toString(), "plugins", "--json");

        assertThat(run.status()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("plugins")).hasSize(1);
        JsonNode demo = report.get("plugins").get(0);
        assertThat(demo.get("id").asText()).isEqualTo("demo-plugin");
        assertThat(demo.get("version").asText()).isEqualTo("1.2.3");
        assertThat(demo.get("provider").asText()).isEqualTo("Test Lab");
        assertThat(demo.get("state").asText()).isEqualTo("started");
        assertThat(report.get("problems")).hasSize(1);
        assertThat(report.get("problems").get(0).get("subject").asText()).endsWith("bundles-api.jar");
        assertThat(report.get("problems").get(0).get("reason").asText()).contains("dev.nca.api.**");
    }

    @Test
    void pluginDirectoriesComeFromOptionsBothSidesThenEnvironmentThenHome() throws IOException {
        Path a = Files.createDirectory(temp.resolve("a"));
        Path b = Files.createDirectory(temp.resolve("b"));
        Path c = Files.createDirectory(temp.resolve("c"));
        Path d = Files.createDirectory(temp.resolve("d"));
        Path home = Files.createDirectory(temp.resolve("home"));
        Files.createDirectory(home.resolve("plugins"));
        String variable = c + File.pathSeparator + File.pathSeparator + d + File.pathSeparator;
        CliEnvironment environment = new CliEnvironment(Map.of("NCA_PLUGINS", variable), Optional.of(home));

        CliRun run = CliRun.run(environment, "--plugins", a.toString(), "plugins", "--json", "--plugins", b.toString());

        assertThat(run.status()).isZero();
        JsonNode directories = JSON.readTree(run.out()).get("pluginDirectories");
        List<String> listed = new ArrayList<>();
        directories.forEach(n -> listed.add(n.asText()));
        assertThat(listed).containsExactly(a.toString(), b.toString(), c.toString(), d.toString(),
                home.resolve("plugins").toString());
    }

    @Test
    void missingPluginDirectoryIsAUserError() {
        Path missing = temp.resolve("no-such-dir");

        CliRun run = CliRun.run(CliEnvironment.empty(), "plugins", "--plugins", missing.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("nca: --plugins " + missing + ": no such directory" + System.lineSeparator());
    }

    @Test
    void relativeMissingDirectoryIsShownAbsoluteToo() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "--plugins", "no-such-relative-dir", "plugins");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("nca: --plugins no-such-relative-dir: no such directory ("
                + Path.of("").toAbsolutePath().resolve("no-such-relative-dir") + ")" + System.lineSeparator());
    }

    @Test
    void pluginJarGivenAsDirectoryIsExplained() throws IOException {
        Path jar = pluginJar(temp, "demo-plugin", "1.2.3", "Test Lab", null);

        CliRun run = CliRun.run(CliEnvironment.empty(), "plugins", "--plugins", jar.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("nca: --plugins " + jar + ": not a directory; give the directory that"
                + " holds plugin jars");
    }

    @Test
    void missingDirectoryInEnvironmentNamesTheVariable() {
        Path missing = temp.resolve("gone");
        CliEnvironment environment = new CliEnvironment(Map.of("NCA_PLUGINS", missing.toString()), Optional.empty());

        CliRun run = CliRun.run(environment, "plugins");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("nca: NCA_PLUGINS entry '" + missing + "': no such directory");
    }
}
