package dev.nca.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.nca.api.Activation;
import dev.nca.api.Kernels;
import dev.nca.api.NcaException;
import dev.nca.api.Params;
import dev.nca.support.frames.TimeWeighting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {

    private static final String VERSION = "0.1.0";

    @TempDir
    Path temp;

    private Path plugins;

    @BeforeEach
    void createPluginsDir() throws IOException {
        plugins = Files.createDirectory(temp.resolve("plugins"));
    }

    private PluginHost start() {
        return PluginHost.start(new PluginHostConfig(List.of(plugins), VERSION));
    }

    private Path alpha() throws IOException {
        return new PluginJarBuilder("alpha", "1.2.0")
                .extension("org.example.alpha.Cube", TestPlugins.activation("org.example.alpha", "Cube", "cube"))
                .extension("org.example.alpha.Square", TestPlugins.activation("org.example.alpha", "Square", "square"))
                .build(plugins);
    }

    @Test
    void findsPluginActivationByNameWithItsOrigin() throws IOException {
        alpha();
        try (PluginHost host = start()) {
            Extensions ext = host.extensions();
            ExtensionEntry<Activation> cube = ext.activations().entry("cube", "test");
            assertThat(cube.pluginId()).isEqualTo("alpha");
            assertThat(cube.pluginVersion()).isEqualTo("1.2.0");
            assertThat(cube.extension().getClass().getName()).isEqualTo("org.example.alpha.Cube");
            assertThat(cube.description()).isEqualTo("test activation cube from org.example.alpha");
            // loaded by the plugin's class loader, not the test's
            assertThat(cube.extension().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            assertThat(ext.activations().names()).containsExactly("cube", "square");
            assertThat(ext.plugins()).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo("alpha");
                assertThat(p.version()).isEqualTo("1.2.0");
                assertThat(p.provider()).isEqualTo("nca tests");
                assertThat(p.state()).isEqualTo("started");
            });
            assertThat(ext.problems()).isEmpty();
        }
    }

    @Test
    void registersClasspathExtensionsAsBuiltIn() {
        try (PluginHost host = start()) {
            ExtensionEntry<dev.nca.api.KernelSet> entry = host.extensions().kernelSets().entry("test-id-lap", "test");
            assertThat(entry.pluginId()).isEqualTo(ExtensionEntry.BUILT_IN);
            assertThat(entry.pluginVersion()).isEqualTo(VERSION);
            assertThat(entry.builtIn()).isTrue();
            Kernels k = entry.extension().kernels(Params.validate(entry.parameters(), java.util.Map.of("scale", 2.0), "t"));
            assertThat(k.stencils()[1][1][1]).isEqualTo(-6.0); // -12 * 2 / 4
        }
    }

    @Test
    void unknownNameListsAvailableNamesAndSuggests() throws IOException {
        alpha();
        try (PluginHost host = start()) {
            assertThatThrownBy(() -> host.extensions().activations().lookup("cubee", "recipe.toml [model] activation"))
                    .isInstanceOf(NcaException.class)
                    .hasMessage("recipe.toml [model] activation: no activation named \"cubee\" (did you mean \"cube\"?);"
                            + " available: cube, square");
        }
    }

    @Test
    void duplicateNameIsAnErrorNamingBothPluginsAndOtherNamesStillWork() throws IOException {
        alpha();
        new PluginJarBuilder("beta", "2.0.0")
                .extension("org.example.beta.Cube", TestPlugins.activation("org.example.beta", "Cube", "cube"))
                .build(plugins);
        try (LogCapture log = new LogCapture(PluginHost.class); PluginHost host = start()) {
            Extensions ext = host.extensions();
            assertThat(log.messages(Level.ERROR)).singleElement().asString()
                    .contains("\"cube\"", "alpha 1.2.0", "beta 2.0.0");
            assertThat(ext.problems()).singleElement().satisfies(p -> assertThat(p.subject()).isEqualTo("alpha, beta"));
            assertThatThrownBy(() -> ext.activations().lookup("cube", "r.toml [model] activation"))
                    .isInstanceOf(NcaException.class)
                    .hasMessageStartingWith("r.toml [model] activation: the activation name \"cube\" is claimed by")
                    .hasMessageContaining("plugin alpha 1.2.0 (org.example.alpha.Cube)")
                    .hasMessageContaining("plugin beta 2.0.0 (org.example.beta.Cube)");
            assertThat(ext.activations().lookup("square", "r.toml").getClass().getName())
                    .isEqualTo("org.example.alpha.Square");
            assertThat(ext.activations().conflictingNames()).containsExactly("cube");
        }
    }

    @Test
    void pluginWhoseStartThrowsIsAProblemAndOthersWork() throws IOException {
        alpha();
        new PluginJarBuilder("gamma", "1.0.0")
                .source("org.example.gamma.GammaPlugin",
                        TestPlugins.throwingPlugin("org.example.gamma", "GammaPlugin", "start", "no licence key"))
                .extension("org.example.gamma.Tanh", TestPlugins.activation("org.example.gamma", "Tanh", "tanh"))
                .pluginClass("org.example.gamma.GammaPlugin")
                .build(plugins);
        try (LogCapture log = new LogCapture(PluginHost.class); PluginHost host = start()) {
            Extensions ext = host.extensions();
            assertThat(ext.problems()).containsExactly(new PluginProblem("gamma", "failed to start: no licence key"));
            assertThat(ext.activations().names()).containsExactly("cube", "square");
            assertThat(ext.plugins()).extracting(PluginInfo::id, PluginInfo::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", "started"),
                            org.assertj.core.groups.Tuple.tuple("gamma", "failed"));
            List<ILoggingEvent> errors = log.events(Level.ERROR);
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("Plugin gamma: failed to start: no licence key");
                assertThat(e.getThrowableProxy()).isNull();
            });
        }
    }

    @Test
    void missingPluginClassIsAProblemNamingTheClass() throws IOException {
        alpha();
        new PluginJarBuilder("delta", "1.0.0")
                .extension("org.example.delta.Tanh", TestPlugins.activation("org.example.delta", "Tanh", "tanh"))
                .pluginClass("org.example.delta.NoSuchPlugin")
                .build(plugins);
        try (PluginHost host = start()) {
            Extensions ext = host.extensions();
            assertThat(ext.problems()).singleElement().satisfies(p -> {
                assertThat(p.subject()).isEqualTo("delta");
                assertThat(p.reason()).startsWith("failed to start: its Plugin-Class org.example.delta.NoSuchPlugin"
                        + " is not in the plugin (check the Plugin-Class manifest attribute)");
            });
            assertThat(ext.activations().names()).containsExactly("cube", "square");
        }
    }

    @Test
    void jarBundlingNd4jIsRejectedBeforeLoading() throws IOException {
        alpha();
        Path bad = new PluginJarBuilder("fat", "1.0.0")
                .extension("org.example.fat.Gelu", TestPlugins.activation("org.example.fat", "Gelu", "gelu"))
                .entry("org/nd4j/linalg/factory/Nd4j.class", new byte[] {(byte) 0xCA, (byte) 0xFE})
                .build(plugins);
        try (PluginHost host = start()) {
            Extensions ext = host.extensions();
            assertThat(ext.problems()).singleElement().satisfies(p -> {
                assertThat(p.subject()).isEqualTo(bad.toString());
                assertThat(p.reason()).contains("rejected before loading", "org.nd4j.**", "provided");
            });
            assertThat(ext.plugins()).extracting(PluginInfo::id).containsExactly("alpha");
            assertThat(ext.activations().names()).containsExactly("cube", "square");
        }
    }

    @Test
    void jarBundlingTheApiIsRejected() throws IOException {
        new PluginJarBuilder("fat-api", "1.0.0")
                .entry("dev/nca/api/Dataset.class", new byte[] {1, 2, 3})
                .entry("org/pf4j/Plugin.class", new byte[] {1, 2, 3})
                .build(plugins);
        try (PluginHost host = start()) {
            assertThat(host.extensions().problems()).singleElement().extracting(PluginProblem::reason).asString()
                    .contains("dev.nca.api.**", "org.pf4j.**", "<scope>provided</scope>");
            assertThat(host.extensions().plugins()).isEmpty();
        }
    }

    @Test
    void jarBundlingPluginSupportIsRejected() throws IOException {
        new PluginJarBuilder("fat-support", "1.0.0")
                .entry("dev/nca/support/frames/FrameRows.class", new byte[] {1, 2, 3})
                .build(plugins);
        try (PluginHost host = start()) {
            assertThat(host.extensions().problems()).singleElement().extracting(PluginProblem::reason).asString()
                    .contains("dev.nca.support.**", "nca-plugin-support", "<scope>provided</scope>");
            assertThat(host.extensions().plugins()).isEmpty();
        }
    }

    @Test
    void pluginSeesPluginSupportFromTheHost() throws Exception {
        new PluginJarBuilder("helped", "1.0.0")
                .extension("org.example.helped.Helped", TestPlugins.activationUsingSupport("org.example.helped", "Helped",
                        "helped"))
                .build(plugins);
        try (PluginHost host = start()) {
            assertThat(host.extensions().problems()).isEmpty();
            Activation helped = host.extensions().activations().lookup("helped", "test");
            INDArray out = Nd4j.zeros(DataType.DOUBLE, 3);
            helped.apply(Nd4j.createFromArray(1.0, -2.0, 0.5), out);
            assertThat(out.toDoubleVector()).containsExactly(1.0, -2.0, 0.5);
            // the plugin's class loader resolves dev.nca.support from the host, not from a copy
            Class<?> seen = (Class<?>) helped.getClass().getMethod("supportClass").invoke(null);
            assertThat(seen).isSameAs(TimeWeighting.class);
            assertThat(helped.getClass().getClassLoader()).isNotSameAs(TimeWeighting.class.getClassLoader());
        }
    }

    @Test
    void pluginWithoutExtensionsIsAWarningNamingTheLikelyCause() throws IOException {
        alpha();
        new PluginJarBuilder("hollow", "0.3.0")
                .source("org.example.hollow.Relu", TestPlugins.activation("org.example.hollow", "Relu", "relu"))
                .withoutIndex()
                .build(plugins);
        try (LogCapture log = new LogCapture(PluginHost.class); PluginHost host = start()) {
            assertThat(host.extensions().problems()).isEmpty();
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .startsWith("Plugin hollow (")
                    .contains("contributes no extensions", "extensions.idx", "annotation processor");
            assertThat(host.extensions().activations().names()).containsExactly("cube", "square");
        }
    }

    @Test
    void corruptJarIsAProblemAndTheHostKeepsGoing() throws IOException {
        alpha();
        Path corrupt = plugins.resolve("corrupt-1.0.jar");
        Files.write(corrupt, "this is not a zip file".getBytes(StandardCharsets.UTF_8));
        try (PluginHost host = start()) {
            assertThat(host.extensions().problems()).singleElement().satisfies(p -> {
                assertThat(p.subject()).isEqualTo(corrupt.toString());
                assertThat(p.reason()).startsWith("cannot be read as a plugin jar or directory");
            });
            assertThat(host.extensions().activations().names()).containsExactly("cube", "square");
        }
    }

    @Test
    void buildFoldersBesideAPluginJarAreNotMistakenForPlugins() throws IOException {
        alpha();
        Files.createDirectories(plugins.resolve("classes/META-INF")).resolve("extensions.idx").toFile().createNewFile();
        Files.createDirectories(plugins.resolve("surefire-reports"));
        try (PluginHost host = start()) {
            assertThat(host.extensions().problems()).isEmpty();
            assertThat(host.extensions().activations().names()).containsExactly("cube", "square");
        }
    }

    @Test
    void invalidExtensionNameIsAProblemNamingThePlugin() throws IOException {
        new PluginJarBuilder("shouty", "1.0.0")
                .extension("org.example.shouty.Big", TestPlugins.activation("org.example.shouty", "Big", "Big_Relu"))
                .build(plugins);
        try (PluginHost host = start()) {
            assertThat(host.extensions().problems()).singleElement().satisfies(p -> {
                assertThat(p.subject()).isEqualTo("shouty");
                assertThat(p.reason()).contains("\"Big_Relu\"", "org.example.shouty.Big", ExtensionRegistry.NAME_PATTERN);
            });
            assertThat(host.extensions().activations().names()).isEmpty();
        }
    }

    @Test
    void pluginRequiringANewerFrameworkIsDisabledWithAReason() throws IOException {
        new PluginJarBuilder("future", "1.0.0")
                .extension("org.example.future.Swish", TestPlugins.activation("org.example.future", "Swish", "swish"))
                .requires(">=9.0.0")
                .build(plugins);
        try (PluginHost host = start()) {
            assertThat(host.extensions().problems()).singleElement().isEqualTo(new PluginProblem("future",
                    "disabled: it requires nca >=9.0.0 but this is nca " + VERSION));
            assertThat(host.extensions().activations().names()).isEmpty();
        }
    }

    @Test
    void pluginWithAMissingDependencyIsAProblemAndOthersWork() throws IOException {
        alpha();
        new PluginJarBuilder("orphan", "1.0.0")
                .extension("org.example.orphan.Elu", TestPlugins.activation("org.example.orphan", "Elu", "elu"))
                .dependencies("missing-parent@>=1.0.0")
                .build(plugins);
        new PluginJarBuilder("child", "1.0.0")
                .extension("org.example.child.Selu", TestPlugins.activation("org.example.child", "Selu", "selu"))
                .dependencies("alpha")
                .build(plugins);
        try (PluginHost host = start()) {
            assertThat(host.extensions().problems()).singleElement().satisfies(p -> {
                assertThat(p.subject()).isEqualTo("orphan");
                assertThat(p.reason()).isEqualTo("not loaded: it depends on missing-parent, which is not installed");
            });
            assertThat(host.extensions().activations().names()).containsExactly("cube", "selu", "square");
        }
    }

    @Test
    void severalRootsAreSearchedAndMissingRootsAreSkipped() throws IOException {
        alpha();
        Path more = Files.createDirectory(temp.resolve("more"));
        new PluginJarBuilder("beta", "2.0.0")
                .extension("org.example.beta.Tanh", TestPlugins.activation("org.example.beta", "Tanh", "tanh"))
                .build(more);
        Path missing = temp.resolve("missing");
        try (LogCapture log = new LogCapture(PluginHost.class);
             PluginHost host = PluginHost.start(new PluginHostConfig(List.of(plugins, more, missing), VERSION))) {
            assertThat(host.extensions().activations().names()).containsExactly("cube", "square", "tanh");
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains(missing.toString());
        }
    }

    @Test
    void closeAfterLoadIsCleanAndIdempotent() throws IOException {
        alpha();
        new PluginJarBuilder("epsilon", "1.0.0")
                .source("org.example.epsilon.EpsilonPlugin",
                        TestPlugins.throwingPlugin("org.example.epsilon", "EpsilonPlugin", "stop", "stop failed"))
                .extension("org.example.epsilon.Gelu", TestPlugins.activation("org.example.epsilon", "Gelu", "gelu"))
                .pluginClass("org.example.epsilon.EpsilonPlugin")
                .build(plugins);
        PluginHost host = start();
        assertThat(host.extensions().plugins()).extracting(PluginInfo::state).containsOnly("started");
        try (LogCapture log = new LogCapture(PluginHost.class)) {
            assertThatCode(host::close).doesNotThrowAnyException();
            assertThatCode(host::close).doesNotThrowAnyException();
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .isEqualTo("Plugin epsilon failed to stop: stop failed");
        }
    }

    @Test
    void hostWithoutRootsHasOnlyBuiltIns() {
        try (PluginHost host = PluginHost.start(PluginHostConfig.classpathOnly(VERSION))) {
            assertThat(host.extensions().plugins()).isEmpty();
            assertThat(host.extensions().kernelSets().names()).containsExactly("test-id-lap");
            assertThat(host.extensions().activations().names()).isEmpty();
        }
    }
}
