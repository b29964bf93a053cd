package dev.nca.plugins.dataset.image.sequence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes tiny PNG and .npy files for tests, following the formats' specifications directly. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * A version 1.0 .npy file: magic, version, little-endian uint16 header length, the header dict
     * padded with spaces and a newline to a multiple of 64 bytes, then the values little-endian as
     * float32 ({@code descr = "<f4"}) or float64 (any other descr; the bytes are written as doubles).
     */
    static Path npy(Path file, String descr, boolean fortran, long[] shape, double[] values) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            shapeText.append(shape[i]).append(shape.length == 1 || i < shape.length - 1 ? ", " : "");
        }
        shapeText.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shapeText + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        boolean f4 = "<f4".equals(descr);
        ByteBuffer b = ByteBuffer.allocate(total + values.length * (f4 ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) {
            if (f4) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        try {
            return Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
