package dev.nca.export;

import dev.nca.api.NcaModel;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.models.CheckpointModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trained growing NCA shipped with dataset-morphogenesis (36 x 36, C = 12 with RGBA first, relu,
 * zero boundary, q = 0.5, alive threshold 0.1 on alpha): as trained, and as a q = 1 copy for the
 * engine side of deterministic comparisons.
 */
record LizardTeacher(ExportableModel export, NcaModel deterministicEngine, int size) {

    static final String RESOURCE = "/dev/nca/plugins/dataset/morphogenesis/lizard-teacher.nca";

    static LizardTeacher load(Path dir) throws IOException {
        Path file = dir.resolve("lizard-teacher.nca");
        try (InputStream in = LizardTeacher.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the test class path");
            }
            Files.copy(in, file);
        }
        Checkpoint checkpoint = CheckpointIO.read(file);
        ModelSpec s = checkpoint.spec();
        NcaConfig config = s.toConfig(TestNca.activation(s.activation()));
        ExportableModel export = ExportableModel.of(config, checkpoint.toParameters(config));
        ModelSpec always = new ModelSpec(s.channels(), s.observable(), s.hidden(), s.hiddenBias(), s.kernels(),
                s.activation(), s.boundary(), 1.0, s.maskMode(), s.alive());
        Path q1 = dir.resolve("lizard-teacher-q1.nca");
        CheckpointIO.write(q1, new Checkpoint(always, checkpoint.parameters(), null, checkpoint.epoch(),
                checkpoint.loss(), checkpoint.bestLoss(), null, null));
        NcaModel engine = new CheckpointModels((name, where) -> TestNca.activation(name),
                new StencilGemmEngineFactory()).load(q1);
        return new LizardTeacher(export, engine, 36);
    }

    /** The seed cell: alpha and hidden channels 1 in the centre (S/2, S/2), all else 0; [C*S*S]. */
    float[] seedCell() {
        int c = export.channels();
        int n = size * size;
        float[] s = new float[c * n];
        for (int ch = export.observable() - 1; ch < c; ch++) {
            s[ch * n + (size / 2) * size + size / 2] = 1f;
        }
        return s;
    }
}
