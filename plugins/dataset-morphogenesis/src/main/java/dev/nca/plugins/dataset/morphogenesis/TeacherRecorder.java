package dev.nca.plugins.dataset.morphogenesis;

import dev.nca.api.NcaModel;
import dev.nca.api.RandomSource;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the teacher and copies its observable channels, clipped to [0, 1], into a frame buffer
 * laid out as {@code [R, T, C_obs, S, S]} (c-order doubles).
 */
final class TeacherRecorder {

    private final NcaModel teacher;
    private final int size;
    private final int frames;
    private final int spacing;
    private final RandomSource random;

    TeacherRecorder(NcaModel teacher, int size, int frames, int spacing, RandomSource random) {
        this.teacher = teacher;
        this.size = size;
        this.frames = frames;
        this.spacing = spacing;
        this.random = random;
    }

    /**
     * The seed: every channel zero except, in the centre cell ({@code S/2, S/2}), the alpha
     * channel (the last observable one) and all hidden channels, which are 1.
     *
     * @return {@code [count, C, S, S]} in the teacher's data type
     */
    INDArray seeds(int count) {
        int c = teacher.channels();
        double[] v = new double[count * c * size * size];
        int centre = (size / 2) * size + size / 2;
        for (int b = 0; b < count; b++) {
            for (int ch = teacher.observable() - 1; ch < c; ch++) {
                v[(b * c + ch) * size * size + centre] = 1.0;
            }
        }
        return Nd4j.create(v, new long[] {count, c, size, size});
    }

    /** Records {@code count} trajectories growing from the seed into trajectory slots {@code first..}. */
    void growth(int count, double[] out, int first) {
        if (count > 0) {
            record(seeds(count), random.stream("morphogenesis/growth/masks"), out, first);
        }
    }

    /**
     * Records {@code count} trajectories that start from the teacher grown for {@code warmup} steps
     * and then damaged, into trajectory slots {@code first..}.
     */
    void regeneration(int count, int warmup, LivingCellDamage damage, double[] out, int first) {
        if (count == 0) {
            return;
        }
        SplittableRandom masks = random.stream("morphogenesis/regeneration/masks");
        INDArray grown = teacher.run(seeds(count), warmup, masks);
        INDArray damaged = damage.apply(grown, random.stream("morphogenesis/regeneration/damage"));
        record(damaged, masks, out, first);
    }

    private void record(INDArray start, SplittableRandom masks, double[] out, int first) {
        INDArray state = start;
        for (int t = 0; t < frames; t++) {
            if (t > 0) {
                state = teacher.run(state, spacing, masks);
            }
            copyObservable(state, t, out, first);
        }
    }

    private void copyObservable(INDArray state, int t, double[] out, int first) {
        int obs = teacher.observable();
        int c = teacher.channels();
        int plane = size * size;
        double[] v = state.dup('c').data().asDouble();
        for (int b = 0; b < state.size(0); b++) {
            int dst = (((first + b) * frames) + t) * obs * plane;
            int src = b * c * plane;
            for (int i = 0; i < obs * plane; i++) {
                out[dst + i] = Math.min(1.0, Math.max(0.0, v[src + i]));
            }
        }
    }
}
