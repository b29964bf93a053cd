package dev.nca.export;

import dev.nca.api.Boundary;
import dev.nca.core.model.FloatMatrices;
import dev.nca.core.model.MaskMode;
import java.util.List;

/**
 * One NCA step of an {@link ExportableModel} as an ONNX model (IR version 8, default opset 17).
 *
 * <p>Graph inputs: {@code state} {@code [B, C, S, S]} float32, and {@code update_mask}
 * ({@code [B, 1, S, S]} for per-cell masks, {@code [B, C, S, S]} per element, or anything that
 * broadcasts). The mask is either a required input, or optional: then it is also an initializer
 * of shape [1, 1, 1, 1] holding 1 (every cell updated) that runtimes which override initializers
 * (onnxruntime for Python) let a caller feed, and others (onnxruntime for Java) do not. Output: {@code next_state} {@code [B, C, S, S]}.
 * The graph: the boundary as Pad (zero: constant; reflect: reflect) or, for the periodic
 * boundary, as Slice + Concat (opset 17 has no wrap mode); perception as a depthwise 3x3 Conv
 * with group = C whose output channel c*K+k is kernel k of channel c; the MLP as two 1x1 Convs
 * (biases b2 and v); the activation from elementary operators (gelu in the engine's tanh form);
 * {@code state + update_mask * f}; for growing models the alive mask (MaxPool 3x3 of the alive
 * channel, Greater than the threshold) of the state before and after, multiplied in.
 */
public final class OnnxExport {

    static final int OPSET = 17;
    static final long IR_VERSION = 8;

    private final ExportableModel model;
    private final boolean maskRequired;
    private final OnnxGraph g = new OnnxGraph();

    private OnnxExport(ExportableModel model, boolean maskRequired) {
        this.model = model;
        this.maskRequired = maskRequired;
    }

    /**
     * The serialised ModelProto of one step of {@code model}.
     *
     * @param maskRequired    whether {@code update_mask} is a required input (else optional, default 1)
     * @param producerVersion recorded as the model's producer_version
     */
    public static byte[] toBytes(ExportableModel model, boolean maskRequired, String producerVersion) {
        return new OnnxExport(model, maskRequired).build().toModel(producerVersion);
    }

    private OnnxExport build() {
        int c = model.channels();
        int k = model.kernelCount();
        int h = model.hidden();
        g.input("state", "NCA states [B, C, S, S], observable channels first", "batch", (long) c, "height", "width");
        g.input("update_mask", "1 where a cell (or element) is updated, 0 where not"
                        + (maskRequired ? "" : "; default 1 everywhere"),
                "mask_batch", "mask_channels", "mask_height", "mask_width");
        if (!maskRequired) {
            g.floats("update_mask", new long[] {1, 1, 1, 1}, new float[] {1f});
        }

        String padded = pad("state");
        String perceptionWeights = g.floats("perception_kernels", new long[] {(long) c * k, 1, 3, 3}, depthwise());
        String z = g.node("Conv", List.of(padded, perceptionWeights), OnnxGraph.Attribute.integer("group", c),
                OnnxGraph.Attribute.ints("kernel_shape", 3, 3));
        String w2 = g.floats("w2", new long[] {h, (long) c * k, 1, 1}, FloatMatrices.transpose(model.w2(), c * k, h));
        List<String> hiddenInputs = model.b2() == null ? List.of(z, w2)
                : List.of(z, w2, g.floats("b2", new long[] {h}, model.b2()));
        String a = g.node("Conv", hiddenInputs, OnnxGraph.Attribute.ints("kernel_shape", 1, 1));
        String u = activation(a);
        String w1 = g.floats("w1", new long[] {c, h, 1, 1}, FloatMatrices.transpose(model.w1(), h, c));
        String f = g.node("Conv", List.of(u, w1, g.floats("v", new long[] {c}, model.v())),
                OnnxGraph.Attribute.ints("kernel_shape", 1, 1));
        String masked = g.node("Mul", List.of(f, "update_mask"));
        String next = g.node("Add", List.of("state", masked));
        if (model.aliveMasked()) {
            String life = g.node("Mul", List.of(alive("state"), alive(next)));
            next = g.node("Mul", List.of(next, life));
        }
        String result = g.node("Identity", "next_state", List.of(next));
        g.output(result, "the states one NCA step later, [B, C, S, S]", "batch", (long) c, "height", "width");
        return this;
    }

    private byte[] toModel(String producerVersion) {
        ProtoMessage graph = g.toProto("nca_step", "one step of a neural cellular automaton exported by nca"
                + " (update mask mode: " + (model.maskMode() == MaskMode.CELL ? "per cell" : "per element")
                + ", trained update probability q = " + model.updateProbability() + ")");
        ProtoMessage opset = new ProtoMessage().string(1, "").int64(2, OPSET);
        return new ProtoMessage().int64(1, IR_VERSION).string(2, "nca").string(3, producerVersion)
                .message(7, graph).message(8, opset).toByteArray();
    }

    /** Pads one cell on each side of the two lattice axes according to the boundary. */
    private String pad(String x) {
        Boundary b = model.boundary();
        if (b == Boundary.PERIODIC) {
            String rows = wrap(x, 2);
            return wrap(rows, 3);
        }
        String pads = g.longs(0, 0, 1, 1, 0, 0, 1, 1);
        return g.node("Pad", List.of(x, pads),
                OnnxGraph.Attribute.string("mode", b == Boundary.ZERO ? "constant" : "reflect"));
    }

    /** Concat(last slice, x, first slice) along {@code axis}: periodic padding by one cell. */
    private String wrap(String x, long axis) {
        String last = g.node("Slice", List.of(x, g.longs(-1), g.longs(Long.MAX_VALUE), g.longs(axis)));
        String first = g.node("Slice", List.of(x, g.longs(0), g.longs(1), g.longs(axis)));
        return g.node("Concat", List.of(last, x, first), OnnxGraph.Attribute.integer("axis", axis));
    }

    /** 1 where the alive channel's 3x3 neighbourhood maximum exceeds the threshold, else 0: [B, 1, S, S]. */
    private String alive(String x) {
        int ch = model.aliveChannel();
        String plane = g.node("Slice", List.of(x, g.longs(ch), g.longs(ch + 1L), g.longs(1)));
        String max;
        if (model.boundary() == Boundary.PERIODIC) {
            max = g.node("MaxPool", List.of(wrap(wrap(plane, 2), 3)), OnnxGraph.Attribute.ints("kernel_shape", 3, 3));
        } else {
            // MaxPool's padding never wins the maximum: cells beyond the edge are ignored, as in the engine
            max = g.node("MaxPool", List.of(plane), OnnxGraph.Attribute.ints("kernel_shape", 3, 3),
                    OnnxGraph.Attribute.ints("pads", 1, 1, 1, 1));
        }
        String above = g.node("Greater", List.of(max, g.scalar((float) model.aliveThreshold())));
        return g.node("Cast", List.of(above), OnnxGraph.Attribute.integer("to", 1));
    }

    private String activation(String a) {
        return switch (model.activation()) {
            case "relu" -> g.node("Relu", List.of(a));
            case "linear" -> g.node("Identity", List.of(a));
            case "tanh" -> g.node("Tanh", List.of(a));
            case "silu" -> g.node("Mul", List.of(a, g.node("Sigmoid", List.of(a))));
            case "gelu" -> gelu(a);
            default -> throw new IllegalStateException("unchecked activation " + model.activation());
        };
    }

    /** a/2 (1 + tanh(sqrt(2/pi) (a + 0.044715 a^3))), in the order activations-standard computes it. */
    private String gelu(String a) {
        String sq = g.node("Mul", List.of(a, a));
        String inner = g.node("Add", List.of(g.node("Mul", List.of(sq, g.scalar(0.044715f))), g.scalar(1f)));
        String arg = g.node("Mul", List.of(g.node("Mul", List.of(inner, a)),
                g.scalar((float) Math.sqrt(2.0 / Math.PI))));
        String t = g.node("Add", List.of(g.node("Tanh", List.of(arg)), g.scalar(1f)));
        return g.node("Mul", List.of(g.node("Mul", List.of(t, a)), g.scalar(0.5f)));
    }

    /** Depthwise Conv weights [C*K, 1, 3, 3]: output channel c*K+k holds kernel k. */
    private float[] depthwise() {
        int c = model.channels();
        int k = model.kernelCount();
        float[] w = new float[c * k * 9];
        for (int ch = 0; ch < c; ch++) {
            for (int kk = 0; kk < k; kk++) {
                for (int i = 0; i < 9; i++) {
                    w[(ch * k + kk) * 9 + i] = (float) model.kernels()[kk][i / 3][i % 3];
                }
            }
        }
        return w;
    }
}
