package dev.nca.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trainable tensors of an NCA, all c-order, of one data type:
 * <ul>
 *   <li>{@code w2} {@code [C*K, H]}: perception feature {@code c*K+k} to hidden unit h</li>
 *   <li>{@code b2} {@code [H, 1]}: hidden bias (present only when the config has one)</li>
 *   <li>{@code w1} {@code [H, C]}: hidden unit to channel increment</li>
 *   <li>{@code v} {@code [C, 1]}: output bias</li>
 * </ul>
 * The same class holds gradients and optimiser moments (same shapes).
 */
public final class NcaParameters {

    public static final String W2 = "w2";
    public static final String B2 = "b2";
    public static final String W1 = "w1";
    public static final String V = "v";

    private final Map<String, INDArray> tensors;

    private NcaParameters(Map<String, INDArray> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * Paper initialisation: W1 and v zero (the first rule does nothing), W2 Glorot-uniform
     * scaled by {@code initScale}, b2 zero.
     */
    public static NcaParameters initialise(NcaConfig config, DataType dtype, SplittableRandom random, double initScale) {
        NcaParameters p = zeros(config, dtype);
        int fanIn = config.perceptionSize();
        int fanOut = config.hidden();
        double limit = initScale * Math.sqrt(6.0 / (fanIn + fanOut));
        double[] w = new double[fanIn * fanOut];
        for (int i = 0; i < w.length; i++) {
            w[i] = (2 * random.nextDouble() - 1) * limit;
        }
        p.w2().assign(Nd4j.create(w, new long[] {fanIn, fanOut}, DataType.DOUBLE).castTo(dtype));
        return p;
    }

    /** All-zero tensors of the config's shapes (for gradients and optimiser state). */
    public static NcaParameters zeros(NcaConfig config, DataType dtype) {
        Map<String, INDArray> t = new LinkedHashMap<>();
        t.put(W2, Nd4j.zeros(dtype, config.perceptionSize(), config.hidden()));
        if (config.hiddenBias()) {
            t.put(B2, Nd4j.zeros(dtype, config.hidden(), 1));
        }
        t.put(W1, Nd4j.zeros(dtype, config.hidden(), config.channels()));
        t.put(V, Nd4j.zeros(dtype, config.channels(), 1));
        return new NcaParameters(t);
    }

    /** Wraps existing tensors (e.g. read from a checkpoint); shapes are checked against the config. */
    public static NcaParameters of(NcaConfig config, Map<String, INDArray> given) {
        NcaParameters expected = zeros(config, given.get(W2) == null ? DataType.FLOAT : given.get(W2).dataType());
        Map<String, INDArray> t = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : expected.tensors.entrySet()) {
            INDArray g = given.get(e.getKey());
            if (g == null || !java.util.Arrays.equals(g.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' must have shape "
                        + java.util.Arrays.toString(e.getValue().shape()) + ", got "
                        + (g == null ? "nothing" : java.util.Arrays.toString(g.shape())));
            }
            t.put(e.getKey(), g.dup('c'));
        }
        return new NcaParameters(t);
    }

    public INDArray w2() {
        return tensors.get(W2);
    }

    /** The hidden bias, or {@code null} without one. */
    public INDArray b2() {
        return tensors.get(B2);
    }

    public INDArray w1() {
        return tensors.get(W1);
    }

    public INDArray v() {
        return tensors.get(V);
    }

    /** Named tensors in a fixed order (w2, [b2], w1, v). */
    public Map<String, INDArray> tensors() {
        return tensors;
    }

    /** The tensors in the fixed order. */
    public List<INDArray> list() {
        return new ArrayList<>(tensors.values());
    }

    /** Sets every tensor to zero. */
    public void clear() {
        tensors.values().forEach(a -> a.assign(0));
    }

    /** A deep copy. */
    public NcaParameters copy() {
        Map<String, INDArray> t = new LinkedHashMap<>();
        tensors.forEach((k, v) -> t.put(k, v.dup('c')));
        return new NcaParameters(t);
    }

    /** A deep copy in another data type. */
    public NcaParameters castTo(DataType dtype) {
        Map<String, INDArray> t = new LinkedHashMap<>();
        tensors.forEach((k, v) -> t.put(k, v.castTo(dtype).dup('c')));
        return new NcaParameters(t);
    }

    /** Copies values from {@code other} (same shapes) into these tensors. */
    public void assign(NcaParameters other) {
        tensors.forEach((k, v) -> v.assign(other.tensors.get(k)));
    }

    /** The data type of the tensors. */
    public DataType dataType() {
        return w2().dataType();
    }

    /** Whether every value is finite. */
    public boolean allFinite() {
        for (INDArray a : tensors.values()) {
            if (a.isInfinite().any() || a.isNaN().any()) {
                return false;
            }
        }
        return true;
    }
}
