package dev.nca.plugins.dataset.morphogenesis;

import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.models.CheckpointModels;
import dev.nca.testkit.EngineGradientCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A teacher whose update is only its bias v (W1 = 0), with alive masking on alpha (channel 3,
 * threshold 0.1), every cell updated each step, zero boundary: living cells add v each step, so
 * the living region grows by one cell every time alpha at its edge passes 0.1. Simple enough to
 * simulate independently ({@link #simulate}).
 */
final class BiasTeacher {

    static final int CHANNELS = 6;
    static final double[] BIAS = {0.01, 0.02, 0.03, 0.05, -0.01, 0.0};

    private BiasTeacher() {
    }

    /** Writes the teacher checkpoint to a temporary file (deleted on exit). */
    static Path write() {
        NcaConfig config = new NcaConfig(CHANNELS, 4, 8, false, EngineGradientCheck.referenceKernels(),
                EngineGradientCheck.tanh(), Boundary.ZERO, 1.0, MaskMode.CELL, new AliveRule(3, 0.1));
        NcaParameters p = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(1), 1.0);
        for (int c = 0; c < CHANNELS; c++) {
            p.v().putScalar(c, 0, BIAS[c]);
        }
        try {
            Path dir = Files.createTempDirectory("bias-teacher");
            Path file = dir.resolve("bias-teacher.nca");
            CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(config), p, null, 0, 0, 0, null,
                    Checkpoint.metadataOf(Map.of())));
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host's model service with the reference tanh activation. */
    static CheckpointModels models() {
        return new CheckpointModels((name, where) -> {
            if (!"tanh".equals(name)) {
                throw new NcaException("unknown activation " + name + " (" + where + ")");
            }
            return EngineGradientCheck.tanh();
        }, new dev.nca.core.engine.StencilGemmEngineFactory());
    }

    /** Independent simulation: {@code x[c][i][j]} advanced {@code steps} steps in place. */
    static void simulate(double[][][] x, int steps) {
        int s = x[0].length;
        for (int t = 0; t < steps; t++) {
            boolean[][] before = alive(x[3]);
            for (int c = 0; c < CHANNELS; c++) {
                for (int i = 0; i < s; i++) {
                    for (int j = 0; j < s; j++) {
                        x[c][i][j] += BIAS[c];
                    }
                }
            }
            boolean[][] after = alive(x[3]);
            for (int c = 0; c < CHANNELS; c++) {
                for (int i = 0; i < s; i++) {
                    for (int j = 0; j < s; j++) {
                        if (!(before[i][j] && after[i][j])) {
                            x[c][i][j] = 0;
                        }
                    }
                }
            }
        }
    }

    private static boolean[][] alive(double[][] alpha) {
        int s = alpha.length;
        boolean[][] out = new boolean[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                for (int di = -1; di <= 1; di++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        int r = i + di;
                        int c = j + dj;
                        if (r >= 0 && r < s && c >= 0 && c < s && alpha[r][c] > 0.1) {
                            out[i][j] = true;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The seed: alpha and hidden channels 1 at the centre cell. */
    static double[][][] seed(int size) {
        double[][][] x = new double[CHANNELS][size][size];
        for (int c = 3; c < CHANNELS; c++) {
            x[c][size / 2][size / 2] = 1.0;
        }
        return x;
    }
}
