package dev.nca.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import dev.nca.distribution.Launcher.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the installation built by {@code mvn package} (target/nca) and runs its {@code bin/nca},
 * as a user would.
 */
class InstallationTest {

    private static final Path DIST = Path.of(System.getProperty("nca.dist.directory"));
    private static final String VERSION = System.getProperty("nca.test.version");
    /** Every shipped plugin, sorted by id. */
    private static final List<String> PLUGINS = List.of("activations-standard", "dataset-bz", "dataset-gray-scott",
            "dataset-image-morph", "dataset-image-sequence", "dataset-life", "dataset-morphogenesis",
            "kernels-standard", "loss-euclidean", "loss-fourier", "loss-hellinger", "loss-sliced-wasserstein",
            "schedule-growing", "schedule-multi-step", "schedule-stratified", "schedule-transitions");

    @TempDir
    Path temp;

    private Result run(Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return run(120, launcher, environment, args);
    }

    private Result run(int timeoutSeconds, Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return Launcher.run(temp, timeoutSeconds, launcher, environment, args);
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void layoutHasLauncherLibrariesPluginsAndRecipes() throws IOException {
        Path launcher = DIST.resolve("bin/nca");
        assertThat(launcher).isRegularFile();
        assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(DIST.resolve("recipes")).isDirectory();

        List<String> plugins = fileNames(DIST.resolve("plugins"));
        assertThat(plugins).containsExactlyElementsOf(
                PLUGINS.stream().map(id -> "nca-plugin-" + id + "-" + VERSION + ".jar").toList());

        List<String> lib = fileNames(DIST.resolve("lib"));
        assertThat(lib).contains("nca-cli-" + VERSION + ".jar", "nca-runtime-" + VERSION + ".jar",
                "nca-api-" + VERSION + ".jar", "nca-plugin-support-" + VERSION + ".jar");
        // nca-plugin-support is a library the host provides to plugins, not a plugin
        assertThat(lib).noneMatch(name -> name.startsWith("nca-plugin-") && !name.startsWith("nca-plugin-support-"));
        assertThat(plugins).noneMatch(name -> name.startsWith("nca-plugin-support-"));
        // one ND4J backend (CPU), with native code for one platform only
        assertThat(lib).noneMatch(name -> name.startsWith("nd4j-cuda"));
        assertThat(lib.stream().filter(n -> n.matches(".*-(linux|macosx|windows|android|ios)-[a-z0-9_-]+\\.jar")))
                .containsExactly("javacpp-1.5.7-linux-x86_64.jar", "nd4j-native-1.0.0-M2.1-linux-x86_64.jar",
                        "nd4j-native-preset-1.0.0-M2.1-linux-x86_64.jar", "openblas-0.3.19-1.5.7-linux-x86_64.jar");
        assertThat(lib).noneMatch(name -> name.matches("(nd4j-.*|openblas|javacpp)-platform-.*"));
    }

    /**
     * The installation carries the Apache-2.0 LICENSE and a NOTICE naming every third-party
     * library in lib/ by its artifact id (the jar name without version and platform classifier).
     */
    @Test
    void licenceAndNoticeCoverEveryShippedLibrary() throws IOException {
        assertThat(Files.readString(DIST.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004",
                "END OF TERMS AND CONDITIONS");
        String notice = Files.readString(DIST.resolve("NOTICE"));
        assertThat(notice).contains("Apache License, Version 2.0", "emoji-datasource-google");
        List<String> unlisted = new ArrayList<>();
        for (String jar : fileNames(DIST.resolve("lib"))) {
            if (jar.startsWith("nca-")) {
                continue;
            }
            String artifact = jar.replaceFirst("-linux-x86_64\\.jar$", ".jar")
                    .replaceFirst("-[0-9][^-]*(-[^-]+)*\\.jar$", "").replaceFirst("-9999\\.0-.*$", "");
            if (!java.util.regex.Pattern.compile("(?<![A-Za-z0-9.-])" + java.util.regex.Pattern.quote(artifact)
                    + "(?![A-Za-z0-9-])").matcher(notice).find()) {
                unlisted.add(jar + " (" + artifact + ")");
            }
        }
        assertThat(unlisted).as("jars in lib/ that NOTICE does not list").isEmpty();
    }

    @Test
    void archiveHasASha256FileThatMatchesIt() throws Exception {
        Path archive = DIST.getParent().resolve("nca-" + VERSION + ".tar.gz");
        Path checksum = DIST.getParent().resolve("nca-" + VERSION + ".tar.gz.sha256");
        assertThat(archive).isRegularFile();
        String digest = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
        // the format sha256sum prints and checks with -c: hash, two spaces, file name
        assertThat(Files.readString(checksum, StandardCharsets.UTF_8).strip())
                .isEqualTo(digest + "  nca-" + VERSION + ".tar.gz");
    }

    @Test
    void onlyTheCommandLineJarConfiguresLogging() throws IOException {
        List<String> configured = new ArrayList<>();
        for (String name : fileNames(DIST.resolve("lib"))) {
            try (ZipFile jar = new ZipFile(DIST.resolve("lib").resolve(name).toFile())) {
                for (String config : List.of("logback.xml", "logback-test.xml", "logback.groovy")) {
                    if (jar.getEntry(config) != null) {
                        configured.add(name + "!" + config);
                    }
                }
            }
        }
        assertThat(configured).containsExactly("nca-cli-" + VERSION + ".jar!logback.xml");
    }

    @Test
    void pluginsJsonListsEveryShippedPluginStartedWithoutProblems() throws Exception {
        // through a symbolic link, as when bin/nca is linked into ~/bin
        Path link = Files.createSymbolicLink(temp.resolve("nca"), DIST.resolve("bin/nca").toAbsolutePath());

        Result result = run(link, Map.of(), "plugins", "--json");

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("pluginDirectories").get(0).asText())
                .isEqualTo(DIST.resolve("plugins").toRealPath().toString());
        List<String> ids = new ArrayList<>();
        for (JsonNode plugin : report.get("plugins")) {
            ids.add(plugin.get("id").asText());
            assertThat(plugin.get("state").asText()).as(plugin.get("id").asText()).isEqualTo("started");
            assertThat(plugin.get("version").asText()).isEqualTo(VERSION);
        }
        assertThat(ids).containsExactlyElementsOf(PLUGINS);
        assertThat(report.get("problems")).as(result.out()).isEmpty();
        for (JsonNode point : report.get("extensionPoints")) {
            assertThat(point.get("extensions")).as(point.get("point").asText()).isNotEmpty();
        }
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void versionLoadsTheNativeBackend() throws Exception {
        Result result = run(DIST.resolve("bin/nca"), Map.of(), "version");

        assertThat(result.status()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("nca " + VERSION);
        assertThat(lines.get(1)).startsWith("ND4J 1.0.0-M2.1, backend CpuBackend");
        // bin/nca makes native ops single-threaded when OMP_NUM_THREADS is not set (the trainer
        // parallelises over blocks itself)
        assertThat(lines.get(1)).contains("OpenMP threads 1");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void launcherRefusesJavaOlderThan17() throws Exception {
        Path fakeJavaHome = temp.resolve("old-java");
        Path java = Files.createDirectories(fakeJavaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        java.toFile().setExecutable(true);

        Result result = run(DIST.resolve("bin/nca"), Map.of("JAVA_HOME", fakeJavaHome.toString()), "plugins");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("nca: Java 17 or newer is required, but " + java
                + " is Java 11.0.2; install a newer Java or set JAVA_HOME to one\n");
    }

    /** Every shipped recipe validates against the shipped plugins ({@code nca check}, no training). */
    @Test
    void everyShippedRecipeIsValid() throws Exception {
        List<String> recipes;
        try (Stream<Path> files = Files.walk(DIST.resolve("recipes"))) {
            recipes = files.filter(f -> f.toString().endsWith(".toml")).map(Path::toString).sorted().toList();
        }
        assertThat(recipes).as("shipped recipes").hasSizeGreaterThan(15)
                .anyMatch(r -> r.endsWith("quick-life-noisy-starts.toml"))
                .anyMatch(r -> r.contains("/studies/")); // sweep files, checked point by point
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(recipes);

        Result result = run(DIST.resolve("bin/nca"), Map.of(), args.toArray(String[]::new));

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json).hasSize(recipes.size());
        json.forEach(entry -> assertThat(entry.get("valid").asBoolean()).as(entry.toString()).isTrue());
    }

    @Test
    void launcherRejectsMalformedHeapSize() throws Exception {
        Result result = run(DIST.resolve("bin/nca"), Map.of("NCA_HEAP", "lots"), "plugins");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).startsWith("nca: NCA_HEAP is 'lots'; give a whole number with a unit");
    }

    /**
     * NCA_GC_RSS reaches the trainer: a tiny threshold makes it collect garbage (logged once), a
     * malformed one stops {@code train} before any work with a message naming the variable.
     */
    @Test
    void residentMemoryThresholdReachesTheTrainer() throws Exception {
        Path recipe = tinyRecipe("gc", 3);
        Path runs = temp.resolve("gc-runs");

        Result tiny = run(300, DIST.resolve("bin/nca"), Map.of("NCA_GC_RSS", "1m"), "train", recipe.toString(),
                "--output", runs.toString());
        Result bad = run(300, DIST.resolve("bin/nca"), Map.of("NCA_GC_RSS", "plenty"), "train", recipe.toString(),
                "--output", runs.toString());

        assertThat(tiny.status()).as(tiny.err()).isZero();
        assertThat(tiny.err()).contains("resident memory above 1 MB after epoch 0: collecting garbage");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("nca.gc.rss (NCA_GC_RSS) is 'plenty'; give a whole number of bytes")
                .doesNotContain("Exception").doesNotContain("generating data");
    }

    /**
     * A short real training run through the launcher: Gray-Scott on a 16x16 lattice with every
     * trajectory re-initialised from data. The best epoch's loss must be below half the loss of the
     * do-nothing rule, and the run folder must hold everything the README promises.
     */
    @Test
    void shortGrayScottTrainingLearnsAndFillsTheRunFolder() throws Exception {
        Path recipe = temp.resolve("tiny.toml");
        Files.writeString(recipe, String.join("\n",
                "[experiment]", "name = \"tiny-gray-scott\"", "seed = 3",
                "[data]", "dataset = \"gray-scott\"",
                "[data.params]", "size = 16", "steps = 512", "save_every = 16", "trajectories = 2", "patches = 3",
                "patch_min = 2", "patch_max = 5",
                "[model]", "channels = 8", "observable = 2", "kernels = \"id-lap\"", "activation = \"relu\"",
                "[training]", "schedule = \"transitions\"", "epochs = 300", "minibatch = 32", "learning_rate = 2e-3",
                "[training.schedule_params]", "reinitialised = 2",
                "[output]", "checkpoint_every = 100", "snapshot_every = 150", "keep_last = false", ""));
        Path runs = temp.resolve("runs");

        Result result = run(600, DIST.resolve("bin/nca"), Map.of("NCA_HEAP", "2g"), "train", recipe.toString(),
                "--output", runs.toString());

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(result.out());
        double doNothing = summary.get("do_nothing_loss").asDouble();
        assertThat(doNothing).isPositive();
        assertThat(summary.get("best_loss").asDouble()).as(result.out()).isLessThan(0.5 * doNothing);
        assertThat(summary.get("final_loss").asDouble()).as(result.out()).isLessThan(doNothing);

        Path dir = Path.of(summary.get("run").asText());
        assertThat(dir.getParent()).isEqualTo(runs);
        for (String f : List.of("recipe.toml", "provenance.json", "metrics.jsonl", "loss.png", "trajectory.gif",
                "checkpoints/best.nca", "checkpoints/last.nca")) {
            assertThat(dir.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(fileNames(dir.resolve("snapshots"))).contains("epoch-000150.png", "epoch-000300.png");
        // keep_last = false keeps every periodic checkpoint besides best and last
        assertThat(fileNames(dir.resolve("checkpoints"))).containsExactly("best.nca", "epoch-000100.nca",
                "epoch-000200.nca", "epoch-000300.nca", "last.nca");
        assertThat(Files.readAllLines(dir.resolve("metrics.jsonl"))).hasSize(300);
        // validated with every checkpoint (validate_every defaults to checkpoint_every)
        assertThat(Files.readAllLines(dir.resolve("metrics.jsonl")).stream()
                .filter(l -> l.contains("\"validation_error\"")).map(l -> l.substring(0, l.indexOf(','))))
                .containsExactly("{\"epoch\":99", "{\"epoch\":199", "{\"epoch\":299");
        JsonNode provenance = new ObjectMapper().readTree(dir.resolve("provenance.json").toFile());
        assertThat(provenance.get("extensions").get("Dataset:gray-scott").asText())
                .isEqualTo("dataset-gray-scott " + VERSION);
        assertThat(result.err()).doesNotContain("Exception");
        // bin/nca gives training the Vector API module: the SIMD stencil loops run
        assertThat(result.err()).contains("stencil loops vector (");
        // "auto" is the fused engine for this float32 relu model, and provenance says so, with its
        // SIMD kernels (bin/nca adds the Vector API module)
        assertThat(provenance.get("engine").asText()).isEqualTo("fused");
        assertThat(provenance.get("engine_details").asText()).contains("kernels vector (")
                .contains("stencil loops vector (");
    }

    private static String engineDetails(String benchJson, int engine) throws IOException {
        return new ObjectMapper().readTree(benchJson).get("engines").get(engine).get("details").asText();
    }

    /** A training recipe that runs in seconds: Gray-Scott on an 8x8 lattice, {@code epochs} epochs. */
    private Path tinyRecipe(String name, int epochs) throws IOException {
        Path recipe = temp.resolve(name + ".toml");
        Files.writeString(recipe, String.join("\n",
                "[experiment]", "name = \"" + name + "\"", "seed = 3",
                "[data]", "dataset = \"gray-scott\"",
                "[data.params]", "size = 8", "steps = 64", "save_every = 16", "trajectories = 1", "patches = 1",
                "patch_min = 2", "patch_max = 3",
                "[model]", "channels = 4", "observable = 2", "kernels = \"id-lap\"", "activation = \"relu\"",
                "[training]", "schedule = \"transitions\"", "epochs = " + epochs, "minibatch = 4", ""));
        return recipe;
    }

    /**
     * {@code nca train r.toml 2> file}: standard error is a file, so the progress goes there as
     * log lines and the file holds no carriage-return bar frames.
     */
    @Test
    void progressToAFileIsLogLinesWithoutBarFrames() throws Exception {
        Path recipe = tinyRecipe("to-file", 4);
        Result result = run(300, DIST.resolve("bin/nca"), Map.of(), "train", recipe.toString(), "--output",
                temp.resolve("runs").toString());
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("\r").contains("epoch 4/4  loss ");
    }

    /**
     * On a terminal (a pseudo-terminal made by util-linux {@code script}) the bar is drawn, and
     * {@code -q} hides it.
     */
    @Test
    void progressBarOnATerminalOnlyAndHiddenByQuiet() throws Exception {
        Path script = Path.of("/usr/bin/script");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(script),
                "util-linux script(1) is not installed: the terminal case is not tested");
        Path recipe = tinyRecipe("on-terminal", 3);
        String train = DIST.resolve("bin/nca") + " train " + recipe + " --output " + temp.resolve("runs");
        Result bar = run(300, script, Map.of(), "-qec", train, "/dev/null");
        Result quiet = run(300, script, Map.of(), "-qec", train + " -q", "/dev/null");
        assertThat(bar.status()).as(bar.out()).isZero();
        assertThat(bar.out()).contains("\r[==========").contains("epoch 3/3  loss ");
        assertThat(quiet.status()).as(quiet.out()).isZero();
        assertThat(quiet.out()).doesNotContain("\r[").doesNotContain("epoch 3/3");
    }

    /** Two runs of a "sweep" through the launcher, compared by {@code nca runs}: a table and a picture. */
    @Test
    void runsComparesRunFoldersOfASweep() throws Exception {
        Path recipe = tinyRecipe("compare", 3);
        Path sweep = temp.resolve("sweep");
        Result a = run(300, DIST.resolve("bin/nca"), Map.of(), "train", recipe.toString(), "--output",
                sweep.resolve("lr-a").toString());
        Result b = run(300, DIST.resolve("bin/nca"), Map.of(), "train", recipe.toString(), "--output",
                sweep.resolve("lr-b").toString(), "--set", "training.learning_rate=1e-4");
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(b.status()).as(b.err()).isZero();

        Path picture = temp.resolve("loss.png");
        Result table = run(DIST.resolve("bin/nca"), Map.of(), "runs", sweep.toString(), "--plot", picture.toString());

        assertThat(table.status()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("lr-a/compare-").contains("gray-scott").endsWith("no");
        assertThat(lines.get(2)).startsWith("lr-b/compare-").contains("training.learning_rate=1e-4");
        assertThat(picture).isNotEmptyFile();
        for (Result r : List.of(a, b)) {
            Path log = Path.of(new ObjectMapper().readTree(r.out()).get("run").asText()).resolve("train.log");
            assertThat(Files.readString(log)).contains("generating data").contains("epoch 3/3").doesNotContain("\r");
        }
    }

    /** Help and version do not use the Vector API, so the JVM prints no incubator warning for them. */
    @Test
    void helpOfTrainPrintsNoIncubatorWarning() throws Exception {
        Result help = run(DIST.resolve("bin/nca"), Map.of(), "train", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Usage: nca train");
        assertThat(help.err()).doesNotContain("incubator");
        Result helpCommand = run(DIST.resolve("bin/nca"), Map.of(), "help", "bench");
        assertThat(helpCommand.err()).doesNotContain("incubator");
    }

    /** NCA_VECTOR=0 keeps the JVM off the incubating Vector API (and its warning line). */
    @Test
    void vectorLoopsCanBeSwitchedOff() throws Exception {
        String[] bench = {"bench", "--size", "8", "--samples", "2", "--steps", "2", "--epochs", "1", "--warmup", "0",
            "--no-peak", "--channels", "2", "--observable", "1", "--engine", "stencil-gemm,fused"};
        Result scalar = run(120, DIST.resolve("bin/nca"), Map.of("NCA_VECTOR", "0"), bench);
        assertThat(scalar.status()).as(scalar.err()).isZero();
        assertThat(engineDetails(scalar.out(), 0)).isEqualTo("stencil-gemm, stencil loops scalar");
        assertThat(engineDetails(scalar.out(), 1)).startsWith("fused, ").contains("kernels scalar, stencil loops scalar");
        assertThat(scalar.err()).doesNotContain("incubator");
        Result vector = run(120, DIST.resolve("bin/nca"), Map.of(), bench);
        assertThat(vector.status()).as(vector.err()).isZero();
        assertThat(engineDetails(vector.out(), 0)).startsWith("stencil-gemm, stencil loops vector (");
        assertThat(engineDetails(vector.out(), 1)).startsWith("fused, ").contains("kernels vector (")
                .contains("stencil loops vector (");
        Result bad = run(DIST.resolve("bin/nca"), Map.of("NCA_VECTOR", "yes"), "version");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("nca: NCA_VECTOR is 'yes'; give 1 (SIMD loops, the default) or 0 (plain Java"
                + " loops)\n");
    }

    /**
     * A plugin compiled only against the installation's nca-api (and nd4j-api, pf4j), packaged as a
     * PF4J jar and dropped into a plugins folder, is usable by name from a recipe.
     */
    @Test
    void thirdPartyPluginJarIsUsableFromARecipe() throws Exception {
        Path src = Files.createDirectories(temp.resolve("src/org/example/softsign"));
        Files.writeString(src.resolve("Softsign.java"), String.join("\n",
                "package org.example.softsign;",
                "import org.nd4j.linalg.api.ndarray.INDArray;",
                "import org.nd4j.linalg.ops.transforms.Transforms;",
                "@org.pf4j.Extension",
                "public class Softsign implements dev.nca.api.Activation {",
                "  public String name() { return \"softsign\"; }",
                "  public String description() { return \"a / (1 + |a|)\"; }",
                "  public void apply(INDArray a, INDArray out) {",
                "    out.assign(a).divi(Transforms.abs(a, true).addi(1.0));",
                "  }",
                "  public void derivative(INDArray a, INDArray out) {",
                "    out.assign(Transforms.abs(a, true).addi(1.0));",
                "    out.muli(out).rdivi(1.0);",
                "  }",
                "}", ""));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        String classpath;
        try (Stream<Path> jars = Files.list(DIST.resolve("lib"))) {
            classpath = String.join(java.io.File.pathSeparator, jars.map(Path::toString).sorted().toList());
        }
        int status = javac.run(null, null, null, "-proc:none", "-d", classes.toString(), "-classpath", classpath,
                src.resolve("Softsign.java").toString());
        assertThat(status).as("javac").isZero();
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        var attributes = manifest.getMainAttributes();
        attributes.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", "softsign-example");
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Provider", "a third party");
        try (var jar = new java.util.jar.JarOutputStream(
                Files.newOutputStream(plugins.resolve("softsign-example-1.0.0.jar")), manifest)) {
            jar.putNextEntry(new java.util.jar.JarEntry("META-INF/extensions.idx"));
            jar.write("org.example.softsign.Softsign\n".getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new java.util.jar.JarEntry("org/example/softsign/Softsign.class"));
            jar.write(Files.readAllBytes(classes.resolve("org/example/softsign/Softsign.class")));
        }
        Path recipe = temp.resolve("softsign.toml");
        Files.writeString(recipe, String.join("\n",
                "[experiment]", "name = \"softsign\"",
                "[data]", "dataset = \"gray-scott\"",
                "[data.params]", "size = 8", "steps = 64", "save_every = 8", "trajectories = 1", "patches = 1",
                "patch_min = 2", "patch_max = 3",
                "[model]", "channels = 3", "observable = 2", "kernels = \"id-lap\"", "activation = \"softsign\"",
                "[training]", "epochs = 3", "minibatch = 8", ""));

        Result result = run(300, DIST.resolve("bin/nca"), Map.of(), "--plugins", plugins.toString(), "train",
                recipe.toString(), "--output", temp.resolve("runs").toString());

        assertThat(result.status()).as(result.err()).isZero();
        Path dir = Path.of(new ObjectMapper().readTree(result.out()).get("run").asText());
        JsonNode provenance = new ObjectMapper().readTree(dir.resolve("provenance.json").toFile());
        assertThat(provenance.get("extensions").get("Activation:softsign").asText())
                .isEqualTo("softsign-example 1.0.0");
    }
}
