package dev.nca.plugins.imagesequence;

import dev.nca.api.NcaException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A floating-point array read from a NumPy {@code .npy} file, as doubles in C (row-major) order.
 *
 * <p>Supported: format versions 1.0, 2.0 and 3.0; dtypes little-endian float32 ({@code '<f4'}) and
 * float64 ({@code '<f8'}); C order. Layout: magic {@code \x93NUMPY}, major and minor version
 * bytes, header length (little-endian uint16 in 1.0, uint32 in 2.0 and 3.0), a Python dict literal
 * with keys {@code descr}, {@code fortran_order} and {@code shape}, then the elements. Everything
 * else (Fortran order, other dtypes, big-endian data, malformed headers, truncated or over-long
 * files) is rejected with an {@link NcaException} naming the file.
 *
 * @param shape  the stored shape
 * @param values the elements in C order (length = product of the shape)
 */
record NpyFloatArray(long[] shape, double[] values) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** The shape as NumPy prints it, e.g. {@code (2, 3)} or {@code (5,)}. */
    String shapeText() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /**
     * Reads a whole file.
     *
     * @param maxElements the largest element count accepted (checked before anything is allocated)
     * @throws NcaException naming the file when it cannot be read, is not a supported .npy file or
     *                      holds more than {@code maxElements} elements
     */
    static NpyFloatArray read(Path file, long maxElements) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new BufferedInputStream(raw, 1 << 16)) {
            return read(in, file, Files.size(file), Math.min(maxElements, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new NcaException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static NpyFloatArray read(InputStream in, Path file, long fileSize, long maxElements)
            throws IOException {
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            throw new NcaException(file + " is not a .npy file: it does not start with \\x93NUMPY");
        }
        int major = in.read();
        int minor = in.read();
        if (major < 1 || major > 3 || minor != 0) {
            throw new NcaException(file + " has .npy format version " + major + "." + minor
                    + "; supported are 1.0, 2.0 and 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer length = ByteBuffer.wrap(readFully(in, lengthBytes, file, "header length"))
                .order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(length.getShort()) : Integer.toUnsignedLong(length.getInt());
        long prefix = MAGIC.length + 2L + lengthBytes;
        if (prefix + headerLength > fileSize) {
            throw new NcaException(file + " is truncated or corrupt: its header length " + headerLength
                    + " runs past the end of the file");
        }
        String header = new String(readFully(in, (int) headerLength, file, "header"),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, header, file, "descr");
        boolean fortran = "True".equals(field(FORTRAN, header, file, "fortran_order"));
        long[] shape = parseShape(field(SHAPE, header, file, "shape"), file);
        int itemSize = switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw new NcaException(file + " has dtype '" + descr + "'; supported are float32 ('<f4') and"
                    + " float64 ('<f8'), little-endian; convert it with a.astype(np.float32) before np.save");
        };
        if (fortran) {
            throw new NcaException(file + " stores its array in Fortran (column-major) order, which is not supported;"
                    + " save it in C order: np.save(path, np.ascontiguousarray(a))");
        }
        long count = 1;
        for (long d : shape) {
            count = d == 0 || count <= maxElements / d ? count * d : maxElements + 1;
        }
        if (count > maxElements) {
            throw new NcaException(file + " holds more than " + maxElements + " elements (shape "
                    + Arrays.toString(shape) + "), which is more than is supported");
        }
        long expected = prefix + headerLength + count * itemSize;
        if (fileSize != expected) {
            throw new NcaException(file + " is " + (fileSize < expected ? "truncated" : "corrupt") + ": shape "
                    + Arrays.toString(shape) + " of " + descr + " needs " + (count * itemSize) + " data bytes, but "
                    + (fileSize - prefix - headerLength) + " follow the header");
        }
        double[] values = new double[(int) count];
        int perChunk = (1 << 16) / itemSize;
        for (int from = 0; from < values.length; from += perChunk) {
            int n = Math.min(perChunk, values.length - from);
            ByteBuffer b = ByteBuffer.wrap(readFully(in, n * itemSize, file, "data")).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = from; i < from + n; i++) {
                values[i] = itemSize == 4 ? b.getFloat() : b.getDouble();
            }
        }
        return new NpyFloatArray(shape, values);
    }

    private static String field(Pattern p, String header, Path file, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new NcaException(file + " has a malformed .npy header (no '" + key + "' entry): " + header.strip());
        }
        return m.group(1);
    }

    private static long[] parseShape(String text, Path file) {
        String body = text.strip();
        if (body.isEmpty()) {
            return new long[0];
        }
        String[] parts = body.split(",", -1);
        int n = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        long[] shape = new long[n];
        for (int i = 0; i < n; i++) {
            try {
                shape[i] = Long.parseLong(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new NcaException(file + " has a malformed .npy shape (" + text + ")", e);
            }
            if (shape[i] < 0) {
                throw new NcaException(file + " has a negative dimension in its .npy shape (" + text + ")");
            }
        }
        return shape;
    }

    private static byte[] readFully(InputStream in, int n, Path file, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new NcaException(file + " is truncated: it ends inside the .npy " + what);
        }
        return bytes;
    }
}
