package org.example.nca.extensions;

import dev.nca.api.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.pf4j.Extension;

/**
 * {@code softplus}: u(a) = ln(1 + e^a), a smooth relu; u'(a) = sigmoid(a) = 1 / (1 + e^-a).
 *
 * <p>Evaluated as {@code max(a, 0) + ln(1 + e^-|a|)}, which equals ln(1 + e^a) but never
 * exponentiates a positive number: the naive form overflows to infinity for a &gt; 88 in float32,
 * this one stays exact there (u(a) = a to machine precision) and is 0 (not NaN) far below zero.
 *
 * <p>Works element-wise on arrays of any shape and floating-point type (the engine passes
 * {@code [N, H]}); {@code a} is not modified, {@code out} (same shape and type, not aliasing
 * {@code a}) is overwritten. Stateless and thread-safe; {@link #apply} allocates one temporary of
 * the input's shape, {@link #derivative} none.
 */
@Extension
public class Softplus implements Activation {

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String description() {
        return "Softplus ln(1 + e^a), a smooth relu; derivative sigmoid(a).";
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        INDArray tail = Transforms.abs(a, true).negi();   // -|a| <= 0, so e^-|a| is in (0, 1]
        Transforms.exp(tail, false);
        Transforms.log1p(tail, false);                     // ln(1 + e^-|a|), accurate where e^-|a| is tiny
        Transforms.relu(out.assign(a), false).addi(tail);
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        Transforms.sigmoid(out.assign(a), false);
    }
}
