package dev.nca.core.train;

import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with Nesterov momentum (Dozat 2016, in the simplified form without a momentum schedule),
 * applied per parameter tensor:
 * <pre>
 *   m = b1 m + (1-b1) g;      v = b2 v + (1-b2) g^2
 *   m^ = b1 m / (1 - b1^(t+1)) + (1-b1) g / (1 - b1^t);     v^ = v / (1 - b2^t)
 *   theta -= lr m^ / (sqrt(v^) + eps)
 * </pre>
 * with t the 1-based step. Optionally each tensor's gradient is first normalised to unit L2
 * norm, {@code g / (|g| + 1e-8)} (paper 1, Algorithm 2, line 20).
 */
public final class Nadam {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean normalise;
    private final NcaParameters m;
    private final NcaParameters v;
    private long step;

    public Nadam(NcaConfig config, org.nd4j.linalg.api.buffer.DataType dtype, double beta1, double beta2,
                 double epsilon, boolean normalise) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.normalise = normalise;
        this.m = NcaParameters.zeros(config, dtype);
        this.v = NcaParameters.zeros(config, dtype);
    }

    /**
     * Applies one update with step size {@code learningRate} to {@code params} from {@code grads}
     * (which may be normalised in place).
     */
    public void update(NcaParameters params, NcaParameters grads, double learningRate) {
        step++;
        double b1t = Math.pow(beta1, step);
        double b1next = Math.pow(beta1, step + 1);
        double b2t = Math.pow(beta2, step);
        for (Map.Entry<String, INDArray> e : params.tensors().entrySet()) {
            INDArray g = grads.tensors().get(e.getKey());
            if (normalise) {
                double norm = g.norm2Number().doubleValue();
                g.divi(norm + 1e-8);
            }
            INDArray mt = m.tensors().get(e.getKey());
            INDArray vt = v.tensors().get(e.getKey());
            mt.muli(beta1).addi(g.mul(1 - beta1));
            vt.muli(beta2).addi(g.mul(g).muli(1 - beta2));
            INDArray mHat = mt.mul(beta1 / (1 - b1next)).addi(g.mul((1 - beta1) / (1 - b1t)));
            INDArray denom = Transforms.sqrt(vt.div(1 - b2t), false).addi(epsilon);
            e.getValue().subi(mHat.divi(denom).muli(learningRate));
        }
    }

    /** Number of updates applied so far. */
    public long steps() {
        return step;
    }

    /** First moments (for checkpoints). */
    public NcaParameters firstMoments() {
        return m;
    }

    /** Second moments (for checkpoints). */
    public NcaParameters secondMoments() {
        return v;
    }

    /** Restores the state saved from {@link #firstMoments()}, {@link #secondMoments()} and {@link #steps()}. */
    public void restore(NcaParameters first, NcaParameters second, long steps) {
        m.assign(first);
        v.assign(second);
        step = steps;
    }
}
