package dev.nca.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.api.NcaModel;
import dev.nca.core.engine.StencilGemmEngine;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointModelsTest {

    @TempDir
    Path dir;

    private final CheckpointModels models = new CheckpointModels((name, where) -> {
        Activation tanh = TestExtensions.tanh();
        if (!name.equals(tanh.name())) {
            throw new NcaException("no activation '" + name + "' (" + where + ")");
        }
        return tanh;
    }, new StencilGemmEngineFactory());

    private static NcaConfig config() {
        return new NcaConfig(4, 2, 6, true, TestExtensions.asymmetric(), TestExtensions.tanh(), Boundary.ZERO, 0.5,
                MaskMode.CELL, new AliveRule(1, 0.05));
    }

    private Path checkpoint(NcaParameters params) {
        Path file = dir.resolve("teacher.nca");
        CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(config()), params, null, 3, 0.5, 0.5, null,
                Checkpoint.metadataOf(java.util.Map.of())));
        return file;
    }

    private static NcaParameters parameters() {
        NcaParameters p = NcaParameters.initialise(config(), DataType.DOUBLE, new SplittableRandom(5), 1.0);
        SplittableRandom r = new SplittableRandom(6);
        p.tensors().values().forEach(t -> {
            for (int i = 0; i < t.length(); i++) {
                t.putScalar(i, 0.4 * (2 * r.nextDouble() - 1));
            }
        });
        return p;
    }

    @Test
    void runsLikeTheEngineFromAFileAndFromAStream() throws Exception {
        NcaParameters params = parameters();
        Path file = checkpoint(params);
        INDArray start = Nd4j.rand(DataType.DOUBLE, 2, 4, 6, 6);
        INDArray before = start.dup();
        INDArray expected = new StencilGemmEngine(config(), 6, DataType.DOUBLE)
                .rollout(params, start, 7, new int[0], new SplittableRandom(11), false).finalState();

        NcaModel fromFile = models.load(file);
        assertThat(fromFile.channels()).isEqualTo(4);
        assertThat(fromFile.observable()).isEqualTo(2);
        assertThat(fromFile.boundary()).isEqualTo(Boundary.ZERO);
        assertThat(fromFile.run(start, 7, new SplittableRandom(11))).isEqualTo(expected);
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(models.load(in, "teacher resource").run(start, 7, new SplittableRandom(11))).isEqualTo(expected);
        }
        assertThat(start).isEqualTo(before);
        assertThat(fromFile.run(start, 0, new SplittableRandom(1))).isEqualTo(start);
    }

    @Test
    void badBytesAndUnknownActivationsAreNamed() {
        InputStream junk = new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> models.load(junk, "lizard-teacher.nca"))
                .isInstanceOf(NcaException.class).hasMessageContaining("lizard-teacher.nca");
        CheckpointModels noActivations = new CheckpointModels((name, where) -> {
            throw new NcaException("no activation '" + name + "' (" + where + ")");
        }, new StencilGemmEngineFactory());
        Path file = checkpoint(parameters());
        assertThatThrownBy(() -> noActivations.load(file)).isInstanceOf(NcaException.class)
                .hasMessageContaining("tanh").hasMessageContaining(file.toString());
    }
}
