package dev.nca.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an ONNX GraphProto: nodes, float32/int64 initializers, inputs and outputs. Field
 * numbers and enum values are those of onnx.proto (GraphProto, NodeProto, AttributeProto,
 * TensorProto, ValueInfoProto, TypeProto, TensorShapeProto). Node outputs get unique names.
 */
final class OnnxGraph {

    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_INTS = 7;

    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private int counter;

    /** An attribute of a node. */
    record Attribute(ProtoMessage proto) {

        static Attribute ints(String name, long... values) {
            ProtoMessage p = new ProtoMessage().string(1, name);
            for (long v : values) {
                p.int64(8, v);
            }
            return new Attribute(p.int32(20, ATTR_INTS));
        }

        static Attribute integer(String name, long value) {
            return new Attribute(new ProtoMessage().string(1, name).int64(3, value).int32(20, ATTR_INT));
        }

        static Attribute string(String name, String value) {
            return new Attribute(new ProtoMessage().string(1, name).string(4, value).int32(20, ATTR_STRING));
        }
    }

    /**
     * Adds a node with one output and returns the output's name.
     *
     * @param op     the operator, e.g. {@code "Conv"}
     * @param inputs the input names ("" for an omitted optional input)
     */
    String node(String op, List<String> inputs, Attribute... attributes) {
        return node(op, op.toLowerCase(java.util.Locale.ROOT) + "_" + (counter++), inputs, attributes);
    }

    /** Adds a node whose one output has the given name; returns that name. */
    String node(String op, String output, List<String> inputs, Attribute... attributes) {
        ProtoMessage n = new ProtoMessage();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, output).string(4, op);
        for (Attribute a : attributes) {
            n.message(5, a.proto());
        }
        nodes.add(n);
        return output;
    }

    /** A float32 initializer of the given shape (c-order values); returns its name. */
    String floats(String name, long[] dims, float[] values) {
        ProtoMessage t = new ProtoMessage();
        for (long d : dims) {
            t.int64(1, d);
        }
        t.int32(2, FLOAT).string(8, name).rawFloats(9, values);
        initializers.add(t);
        return name;
    }

    /** A float32 scalar constant (shape []); returns its name. */
    String scalar(float value) {
        return floats("const_" + (counter++), new long[0], new float[] {value});
    }

    /** A 1-D int64 initializer; returns its name. */
    String longs(long... values) {
        String name = "ints_" + (counter++);
        ProtoMessage t = new ProtoMessage().int64(1, values.length).int32(2, INT64).string(8, name)
                .rawLongs(9, values);
        initializers.add(t);
        return name;
    }

    /**
     * Declares a float32 graph input of rank 4 with symbolic dimensions (strings) or fixed ones (Long).
     */
    void input(String name, String doc, Object... dims) {
        inputs.add(valueInfo(name, doc, dims));
    }

    void output(String name, String doc, Object... dims) {
        outputs.add(valueInfo(name, doc, dims));
    }

    private static ProtoMessage valueInfo(String name, String doc, Object... dims) {
        ProtoMessage shape = new ProtoMessage();
        for (Object d : dims) {
            ProtoMessage dim = new ProtoMessage();
            if (d instanceof Number n) {
                dim.int64(1, n.longValue());
            } else {
                dim.string(2, d.toString());
            }
            shape.message(1, dim);
        }
        ProtoMessage tensor = new ProtoMessage().int32(1, FLOAT).message(2, shape);
        ProtoMessage type = new ProtoMessage().message(1, tensor);
        return new ProtoMessage().string(1, name).message(2, type).string(3, doc);
    }

    /** The GraphProto. */
    ProtoMessage toProto(String name, String doc) {
        ProtoMessage g = new ProtoMessage();
        nodes.forEach(n -> g.message(1, n));
        g.string(2, name);
        initializers.forEach(t -> g.message(5, t));
        g.string(10, doc);
        inputs.forEach(i -> g.message(11, i));
        outputs.forEach(o -> g.message(12, o));
        return g;
    }
}
