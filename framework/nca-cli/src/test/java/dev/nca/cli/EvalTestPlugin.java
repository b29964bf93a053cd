package dev.nca.cli;

import dev.nca.cli.evaltest.EvalFirstTransition;
import dev.nca.cli.evaltest.EvalIdentityKernels;
import dev.nca.cli.evaltest.EvalLinearActivation;
import dev.nca.cli.evaltest.EvalRampDataset;
import dev.nca.cli.evaltest.EvalSquaredLoss;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.api.Boundary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The test plugin of the simulate / evaluate / data export tests: the compiled classes of
 * {@code dev.nca.cli.evaltest} packed into a PF4J plugin jar (they are deliberately not in the class-path
 * extension index, so other command tests do not see them), plus checkpoints of models for its recipe.
 */
final class EvalTestPlugin {

    /** A recipe using every extension of the plugin: S = 8, R = 2, T = 3, 3 channels (2 observable). */
    static final String RECIPE = """
            [experiment]
            name = "eval-cli"
            seed = 3
            [data]
            dataset = "eval-ramp"
            [data.params]
            rate = 0.5
            [model]
            channels = 3
            observable = 2
            hidden = 4
            kernels = "eval-identity"
            activation = "eval-linear"
            [training]
            schedule = "eval-first-transition"
            frame_spacing = 2
            epochs = 1
            loss = "eval-squared"
            """;

    private static final List<Class<?>> EXTENSIONS = List.of(EvalRampDataset.class, EvalLinearActivation.class,
            EvalIdentityKernels.class, EvalSquaredLoss.class, EvalFirstTransition.class);

    private EvalTestPlugin() {
    }

    /** Writes {@code eval-test-1.0.0.jar} into {@code directory}. */
    static Path build(Path directory) throws IOException, URISyntaxException {
        Path classes = Path.of(EvalRampDataset.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = classes.resolve(EvalRampDataset.class.getPackageName().replace('.', '/'));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "eval-test");
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Provider", "nca tests");
        Path jar = directory.resolve("eval-test-1.0.0.jar");
        List<Path> files;
        try (Stream<Path> list = Files.list(pkg)) {
            files = list.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path f : files) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            StringBuilder index = new StringBuilder();
            EXTENSIONS.forEach(c -> index.append(c.getName()).append('\n'));
            out.write(index.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** The model structure {@link #RECIPE} describes. */
    static NcaConfig config() {
        return new NcaConfig(3, 2, 4, false, new EvalIdentityKernels().kernels(null), new EvalLinearActivation(),
                Boundary.PERIODIC, 1.0, MaskMode.CELL);
    }

    /**
     * Writes a float32 checkpoint of a "drift" model: W1 = W2 = 0 and bias {@code v}, so every step adds
     * {@code v} to the state.
     */
    static Path writeDriftCheckpoint(Path file, double[] v) {
        return writeDriftCheckpoint(file, RECIPE, v);
    }

    /** The drift model with the given recipe (e.g. {@link #RECIPE} with other dataset parameters). */
    static Path writeDriftCheckpoint(Path file, String recipe, double[] v) {
        NcaConfig config = config();
        NcaParameters params = NcaParameters.zeros(config, DataType.FLOAT);
        for (int c = 0; c < v.length; c++) {
            params.v().putScalar(c, 0, v[c]);
        }
        CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(config), params, null, 0, 1.0, 1.0, recipe, null));
        return file;
    }
}
