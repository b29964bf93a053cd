package dev.nca.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.distribution.Launcher.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared plugins folder with a jar compiled for a newer Java and a jar whose extension index
 * names a class it lacks, used through the installation's launcher: every command still works,
 * each bad jar is one problem line, and no stack trace reaches the console unless {@code -v}.
 * (The full corpus of broken jars is tested in nca-runtime's BrokenPluginCorpusTest.)
 */
class BrokenPluginInstallationTest {

    private static final Path DIST = Path.of(System.getProperty("nca.dist.directory"));
    private static final Path NCA = DIST.resolve("bin/nca");

    @TempDir
    Path temp;

    private Path plugins;

    @BeforeEach
    void buildBrokenPlugins() throws IOException {
        Path src = Files.createDirectories(temp.resolve("src/org/example/broken"));
        Files.writeString(src.resolve("Softsign.java"), String.join("\n",
                "package org.example.broken;",
                "import org.nd4j.linalg.api.ndarray.INDArray;",
                "public class Softsign implements dev.nca.api.Activation {",
                "  public String name() { return \"softsign\"; }",
                "  public String description() { return \"a / (1 + |a|)\"; }",
                "  public void apply(INDArray a, INDArray out) { out.assign(a); }",
                "  public void derivative(INDArray a, INDArray out) { out.assign(1.0); }",
                "}", ""));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        String classpath;
        try (Stream<Path> jars = Files.list(DIST.resolve("lib"))) {
            classpath = String.join(java.io.File.pathSeparator, jars.map(Path::toString).sorted().toList());
        }
        int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none",
                "--release", "17", "-d", classes.toString(), "-classpath", classpath,
                src.resolve("Softsign.java").toString());
        assertThat(status).as("javac").isZero();
        byte[] compiled = Files.readAllBytes(classes.resolve("org/example/broken/Softsign.class"));
        byte[] newer = compiled.clone();
        int major = Runtime.version().feature() + 44 + 1;
        newer[6] = (byte) (major >> 8);
        newer[7] = (byte) major;

        plugins = Files.createDirectories(temp.resolve("plugins"));
        jar("newer-java", Map.of("org/example/broken/Softsign.class", newer), "org.example.broken.Softsign");
        jar("ghost-class", Map.of(), "org.example.broken.Missing");
    }

    private void jar(String id, Map<String, byte[]> entries, String indexed) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", id);
        attributes.putValue("Plugin-Version", "1.0.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve(id + "-1.0.0.jar")),
                manifest)) {
            jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jar.write((indexed + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
            }
        }
    }

    private Result nca(String... args) throws Exception {
        return Launcher.run(temp, 120, NCA, Map.of("NCA_PLUGINS", plugins.toString()), args);
    }

    @Test
    void pluginsListsEachBrokenJarAsOneProblemWithoutStackTraces() throws Exception {
        Result result = nca("plugins");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("Problems (2)")
                .containsPattern("\\n  ghost-class: its META-INF/extensions.idx \\(ghost-class-1.0.0.jar\\) lists"
                        + " org.example.broken.Missing, which is not in the plugin[^\\n]*\\n")
                .containsPattern("\\n  newer-java: its extension org.example.broken.Softsign was compiled for a newer"
                        + " Java[^\\n]*\\n")
                // the shipped plugins are untouched
                .contains("gray-scott", "relu");
        assertNoStackTrace(result.err());
        assertThat(result.err().lines().filter(l -> l.contains(" ERROR "))).hasSize(2);
    }

    @Test
    void checkOfAShippedRecipeStillPasses() throws Exception {
        Result result = nca("check", DIST.resolve("recipes/quickstart-gray-scott.toml").toString());

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertNoStackTrace(result.err());
    }

    @Test
    void verboseShowsTheCauses() throws Exception {
        Result result = nca("-v", "plugins");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).contains("java.lang.UnsupportedClassVersionError", "java.lang.ClassNotFoundException",
                "\tat ");
    }

    private static void assertNoStackTrace(String err) {
        assertThat(err).doesNotContain("\tat ", "Exception:", "Caused by", "internal error");
    }
}
