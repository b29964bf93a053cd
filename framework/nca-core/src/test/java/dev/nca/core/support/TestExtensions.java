package dev.nca.core.support;

import dev.nca.api.Activation;
import dev.nca.api.Kernels;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Minimal kernels and activations for engine tests (the shipped ones live in plugins). */
public final class TestExtensions {

    private TestExtensions() {
    }

    public static final double[][] IDENTITY = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
    public static final double[][] LAPLACIAN = {{0.25, 0.5, 0.25}, {0.5, -3, 0.5}, {0.25, 0.5, 0.25}};
    public static final double[][] SOBEL_X = {{0.125, 0.25, 0.125}, {0, 0, 0}, {-0.125, -0.25, -0.125}};
    /** Deliberately asymmetric, to catch flipped-kernel mistakes in the adjoint. */
    public static final double[][] LOPSIDED = {{0.3, -0.2, 0}, {0.1, 0.5, -0.7}, {0, 0.9, 0.05}};

    public static Kernels idLap() {
        return Kernels.of(List.of("identity", "laplacian"), new double[][][] {IDENTITY, LAPLACIAN});
    }

    public static Kernels asymmetric() {
        return Kernels.of(List.of("identity", "sobel-x", "lopsided"), new double[][][] {IDENTITY, SOBEL_X, LOPSIDED});
    }

    /** Activations that also run on float arrays (as the fused engine needs). */
    private interface Both extends Activation, dev.nca.api.ArrayActivation {
    }

    public static Activation tanh() {
        return new Both() {
            @Override
            public void apply(float[] a, float[] out, int from, int to) {
                for (int i = from; i < to; i++) {
                    out[i] = (float) Math.tanh(a[i]);
                }
            }

            @Override
            public void derivative(float[] a, float[] out, int from, int to) {
                for (int i = from; i < to; i++) {
                    double t = Math.tanh(a[i]);
                    out[i] = (float) (1 - t * t);
                }
            }

            @Override
            public String name() {
                return "tanh";
            }

            @Override
            public String description() {
                return "tanh";
            }

            @Override
            public void apply(INDArray a, INDArray out) {
                out.assign(Transforms.tanh(a, true));
            }

            @Override
            public void derivative(INDArray a, INDArray out) {
                INDArray t = Transforms.tanh(a, true);
                out.assign(t.muli(t).rsubi(1.0));
            }
        };
    }

    public static Activation relu() {
        return new Both() {
            @Override
            public void apply(float[] a, float[] out, int from, int to) {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(a[i], 0f);
                }
            }

            @Override
            public void derivative(float[] a, float[] out, int from, int to) {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] > 0f ? 1f : 0f;
                }
            }

            @Override
            public String name() {
                return "relu";
            }

            @Override
            public String description() {
                return "relu";
            }

            @Override
            public void apply(INDArray a, INDArray out) {
                Nd4j.exec(new RectifiedLinear(a, out, 0.0));
            }

            @Override
            public void derivative(INDArray a, INDArray out) {
                Nd4j.exec(new Step(a, out, 0.0));
            }
        };
    }
}
