package dev.nca.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.nca.api.Activation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared plugins folder holding one good plugin and one jar of every kind of breakage a folder
 * can hold. All are loaded by one host: each broken jar must be exactly one problem naming its
 * plugin (or file) and reason, no stack trace may be logged above DEBUG, and the good plugin's
 * extensions must stay usable.
 */
class BrokenPluginCorpusTest {

    private static final String VERSION = "0.1.0";

    /** Expected problems: subject (plugin id or file name) to the words the reason must contain. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    @TempDir
    static Path temp;

    private static Path plugins;

    private static String activation(String pkg, String simpleName, String name) {
        return TestPlugins.activation(pkg, simpleName, name);
    }

    /** An activation {@code simpleName extendsClause} named by {@code nameExpression}, with extra {@code members}. */
    private static String activationWith(String pkg, String simpleName, String extendsClause, String nameExpression,
                                         String members) {
        return """
                package %s;

                import dev.nca.api.Activation;
                import org.nd4j.linalg.api.ndarray.INDArray;

                public class %s %s implements Activation {
                    %s
                    @Override public String name() { return %s; }
                    @Override public String description() { return "broken test activation"; }
                    @Override public void apply(INDArray a, INDArray out) { out.assign(a); }
                    @Override public void derivative(INDArray a, INDArray out) { out.assign(1.0); }
                }
                """.formatted(pkg, simpleName, extendsClause, members, nameExpression);
    }

    @BeforeAll
    static void buildCorpus() throws IOException {
        plugins = Files.createDirectory(temp.resolve("plugins"));
        new PluginJarBuilder("good", "1.0.0")
                .extension("org.example.good.Cube", activation("org.example.good", "Cube", "cube"))
                .build(plugins);

        // a class compiled for a newer Java: class-file major version above this JVM's
        int newerMajor = Runtime.version().feature() + 44 + 1;
        new PluginJarBuilder("newer-java", "1.0.0")
                .extension("org.example.newer.Swish", activation("org.example.newer", "Swish", "swish"))
                .patchClass("org.example.newer.Swish", bytes -> {
                    byte[] patched = bytes.clone();
                    patched[6] = (byte) (newerMajor >> 8);
                    patched[7] = (byte) newerMajor;
                    return patched;
                })
                .build(plugins);
        EXPECTED.put("newer-java", List.of("org.example.newer.Swish", "compiled for a newer Java"));

        // the extension index names a class the jar does not hold
        new PluginJarBuilder("ghost-class", "1.0.0")
                .extension("org.example.ghost.Real", activation("org.example.ghost", "Real", "real"))
                .indexOnly("org.example.ghost.Missing")
                .build(plugins);
        EXPECTED.put("ghost-class", List.of("lists org.example.ghost.Missing, which is not in the plugin",
                "ghost-class-1.0.0.jar"));

        // a class the extension needs (its superclass, as from a library not bundled) is missing
        new PluginJarBuilder("missing-dependency", "1.0.0")
                .source("org.example.lib.Base", "package org.example.lib; public abstract class Base {}")
                .extension("org.example.dep.Gelu", activationWith("org.example.dep", "Gelu",
                        "extends org.example.lib.Base", "\"gelu2\"", ""))
                .omitClass("org.example.lib.Base")
                .build(plugins);
        EXPECTED.put("missing-dependency", List.of("org.example.dep.Gelu", "needs the class org.example.lib.Base"));

        // a static initialiser that throws
        new PluginJarBuilder("static-init", "1.0.0")
                .extension("org.example.init.Boom", activationWith("org.example.init", "Boom", "", "\"boom\"",
                        "static { if (true) throw new IllegalStateException(\"no licence file\"); }"))
                .build(plugins);
        EXPECTED.put("static-init", List.of("org.example.init.Boom", "ExceptionInInitializerError",
                "no licence file"));

        // a constructor that throws
        new PluginJarBuilder("throwing-constructor", "1.0.0")
                .extension("org.example.ctor.Boom", activationWith("org.example.ctor", "Boom", "", "\"ctor\"",
                        "public Boom() { throw new IllegalArgumentException(\"bad config\"); }"))
                .build(plugins);
        EXPECTED.put("throwing-constructor", List.of("org.example.ctor.Boom", "IllegalArgumentException: bad config"));

        // name() throws
        new PluginJarBuilder("throwing-name", "1.0.0")
                .extension("org.example.named.Boom", activationWith("org.example.named", "Boom", "",
                        "String.valueOf((Object) null).substring(99)", ""))
                .build(plugins);
        EXPECTED.put("throwing-name", List.of("org.example.named.Boom", "cannot be created or named: StringIndexOutOfBoundsException"));

        // an invalid extension name
        new PluginJarBuilder("invalid-name", "1.0.0")
                .extension("org.example.invalid.Big", activation("org.example.invalid", "Big", "Big Relu"))
                .build(plugins);
        EXPECTED.put("invalid-name", List.of("invalid name \"Big Relu\""));

        // binary incompatible classes: an interface the extension implements became a class
        new PluginJarBuilder("linkage", "1.0.0")
                .source("org.example.link.Marker", "package org.example.link; public interface Marker {}")
                .extension("org.example.link.Softsign", activationWith("org.example.link", "Softsign", "",
                        "\"softsign2\"", "").replace("implements Activation", "implements Activation, Marker"))
                .replaceClass("org.example.link.Marker", "package org.example.link; public class Marker {}")
                .build(plugins);
        EXPECTED.put("linkage", List.of("org.example.link.Softsign", "IncompatibleClassChangeError"));

        // a Plugin-Class compiled for a newer Java
        new PluginJarBuilder("newer-plugin-class", "1.0.0")
                .source("org.example.pc.Lifecycle", "package org.example.pc; public class Lifecycle extends"
                        + " org.pf4j.Plugin {}")
                .extension("org.example.pc.Elu", activation("org.example.pc", "Elu", "elu"))
                .pluginClass("org.example.pc.Lifecycle")
                .patchClass("org.example.pc.Lifecycle", bytes -> {
                    byte[] patched = bytes.clone();
                    patched[7] = (byte) newerMajor;
                    patched[6] = (byte) (newerMajor >> 8);
                    return patched;
                })
                .build(plugins);
        EXPECTED.put("newer-plugin-class", List.of("failed to start", "org.example.pc.Lifecycle"));

        // needs a newer nca
        new PluginJarBuilder("future", "1.0.0")
                .extension("org.example.future.Swish", activation("org.example.future", "Swish", "swish3"))
                .requires(">=9.0.0")
                .build(plugins);
        EXPECTED.put("future", List.of("requires nca >=9.0.0"));

        // depends on a plugin that is not installed
        new PluginJarBuilder("orphan", "1.0.0")
                .extension("org.example.orphan.Elu", activation("org.example.orphan", "Elu", "elu4"))
                .dependencies("absent@>=1.0.0")
                .build(plugins);
        EXPECTED.put("orphan", List.of("depends on absent"));

        // a second jar with the id of the good plugin
        Path copyDir = Files.createDirectory(temp.resolve("copy"));
        Path duplicate = new PluginJarBuilder("good", "2.0.0")
                .extension("org.example.good2.Cube", activation("org.example.good2", "Cube", "cube5"))
                .build(copyDir);
        Files.move(duplicate, plugins.resolve("zz-good-copy.jar"));
        EXPECTED.put("zz-good-copy.jar", List.of("plugin id good is already taken by", "good-1.0.0.jar"));

        // corrupt, empty and descriptor-less files
        Files.writeString(plugins.resolve("corrupt.jar"), "PK this is not a zip file");
        EXPECTED.put("corrupt.jar", List.of("cannot be read"));
        Files.createFile(plugins.resolve("empty.jar"));
        EXPECTED.put("empty.jar", List.of("cannot be read"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plugins.resolve("no-id.jar")),
                manifest)) {
            out.flush();
        }
        EXPECTED.put("no-id.jar", List.of("cannot be loaded"));
    }

    @Test
    void everyBrokenJarIsOneProblemAndTheGoodPluginWorks() {
        try (LogCapture log = new LogCapture(PluginHost.class); LogCapture pf4j = new LogCapture("org.pf4j");
             PluginHost host = PluginHost.start(new PluginHostConfig(List.of(plugins), VERSION))) {
            Extensions ext = host.extensions();
            assertThat(ext.activations().lookup("cube", "test")).isInstanceOf(Activation.class);
            assertThat(ext.activations().entry("cube", "test").pluginVersion()).isEqualTo("1.0.0");
            // the good extensions of partly broken plugins stay usable too
            assertThat(ext.activations().names()).contains("cube", "real");
            List<PluginProblem> problems = ext.problems();
            for (Map.Entry<String, List<String>> expected : EXPECTED.entrySet()) {
                List<PluginProblem> matching = problems.stream()
                        .filter(p -> p.subject().equals(expected.getKey())
                                || p.subject().endsWith("/" + expected.getKey()))
                        .toList();
                assertThat(matching).as("problems of %s in %s", expected.getKey(), problems).singleElement()
                        .satisfies(p -> assertThat(p.reason()).contains(expected.getValue()));
            }
            assertThat(problems).hasSize(EXPECTED.size());
            assertThat(problems).allSatisfy(p -> assertThat(p.toString()).doesNotContain("\n"));
            List<ILoggingEvent> errors = log.events(Level.ERROR);
            assertThat(errors).hasSize(EXPECTED.size())
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
            assertThat(log.events(Level.WARN)).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
            assertThat(pf4j.events(Level.ERROR)).isEmpty();
            assertThat(pf4j.events(Level.WARN)).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        }
    }
}
