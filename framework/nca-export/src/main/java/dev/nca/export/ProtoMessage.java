package dev.nca.export;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One protocol-buffers message being written field by field in the wire format (protobuf-java's
 * {@link CodedOutputStream} does the encoding). Nested messages are written as length-delimited
 * fields holding their finished bytes. Used for the few ONNX messages an export needs, with field
 * numbers from onnx.proto; not thread-safe.
 */
final class ProtoMessage {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    ProtoMessage string(int field, String value) {
        return io(() -> out.writeString(field, value));
    }

    ProtoMessage int64(int field, long value) {
        return io(() -> out.writeInt64(field, value));
    }

    ProtoMessage int32(int field, int value) {
        return io(() -> out.writeInt32(field, value));
    }

    ProtoMessage float32(int field, float value) {
        return io(() -> out.writeFloat(field, value));
    }

    ProtoMessage message(int field, ProtoMessage value) {
        byte[] nested = value.toByteArray();
        return io(() -> out.writeByteArray(field, nested));
    }

    /** Float32 values as one little-endian bytes field (e.g. TensorProto.raw_data). */
    ProtoMessage rawFloats(int field, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        byte[] raw = buffer.array();
        return io(() -> out.writeByteArray(field, raw));
    }

    /** Int64 values as one little-endian bytes field. */
    ProtoMessage rawLongs(int field, long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        byte[] raw = buffer.array();
        return io(() -> out.writeByteArray(field, raw));
    }

    byte[] toByteArray() {
        io(out::flush);
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private ProtoMessage io(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            // writes go to memory: an IOException here is a bug, not bad input
            throw new UncheckedIOException("protobuf encoding into memory failed", e);
        }
        return this;
    }
}
