package dev.nca.support.io;

import dev.nca.api.NcaException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0) without ND4J's own
 * reader, which silently mis-reads Fortran-order files.
 *
 * <p>File layout: the magic {@code \x93NUMPY} (6 bytes); the major and minor version (2 bytes);
 * the header length HL as little-endian unsigned 16-bit (version 1.0) or 32-bit (2.0, 3.0); HL
 * bytes of header, a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and
 * ended by {@code '\n'} so that {@code 6 + 2 + (2 or 4) + HL} is a multiple of 64 (Latin-1
 * text in 1.0 and 2.0, UTF-8 in 3.0); then the elements in C (row-major) order, nothing after.
 *
 * <p>Reading: dtypes {@code <f4} and {@code <f8}, and {@code <i4}, {@code <i8}, {@code |u1},
 * {@code <u2}, {@code |b1} (booleans read as 0 and 1); only C order. The result is a c-order
 * INDArray of the stored shape (a 0-d file gives a rank-0 array), of type FLOAT for {@code <f4}
 * and DOUBLE for every other dtype unless FLOAT or DOUBLE is requested (conversion rounds to
 * nearest: {@code <f8} read as FLOAT, and {@code <i8} values beyond 2^53, lose precision). Fortran-order files,
 * big-endian or other dtypes, malformed headers, truncated data and trailing bytes are rejected
 * with an {@link NcaException} naming the file. At most {@link Integer#MAX_VALUE} - 8 elements.
 *
 * <p>Writing: FLOAT ({@code <f4}) or DOUBLE ({@code <f8}) arrays of any rank (including 0),
 * any ordering or view, written in C order with a version 1.0 header (2.0 if the header would
 * exceed 65535 bytes), exactly as {@code numpy.save} lays it out.
 */
public final class Npy {

    /** The 6-byte magic string every .npy file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final int ALIGNMENT = 64;
    private static final int CHUNK_BYTES = 1 << 16;
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /** Reads a file, keeping FLOAT for {@code <f4} and giving DOUBLE for every other dtype. */
    public static INDArray read(Path file) {
        return readFile(file, null, MAX_ELEMENTS);
    }

    /** Reads a file, converting the values to {@code dtype}, which must be FLOAT or DOUBLE. */
    public static INDArray read(Path file, DataType dtype) {
        return readFile(file, requireFloating(dtype), MAX_ELEMENTS);
    }

    /**
     * Reads a file, converting the values to {@code dtype} (FLOAT or DOUBLE), and rejects it with an
     * {@link NcaException} naming the file, before allocating anything, when it holds more than
     * {@code maxElements} elements.
     */
    public static INDArray read(Path file, DataType dtype, long maxElements) {
        return readFile(file, requireFloating(dtype), Math.min(maxElements, MAX_ELEMENTS));
    }

    /**
     * Reads one array from {@code in}, which must hold exactly one .npy file and is consumed to
     * its end (not closed).
     *
     * @param source    the name used in error messages, e.g. a file path or zip entry
     * @param dtype     FLOAT or DOUBLE, or {@code null} for the stored type (see the class doc)
     * @param knownSize the total byte count of the stream if known (truncation is then detected
     *                  before any allocation), or -1
     * @throws IOException  if reading the stream fails
     * @throws NcaException if the content is not a supported .npy file
     */
    public static INDArray read(InputStream in, String source, DataType dtype, long knownSize) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        return readStream(in, source, dtype == null ? null : requireFloating(dtype), knownSize, MAX_ELEMENTS);
    }

    /** Writes {@code array} (FLOAT or DOUBLE) to {@code file} atomically, creating parent directories. */
    public static void write(Path file, INDArray array) {
        requireWritable(array);
        try {
            AtomicFiles.write(file, out -> write(out, array));
        } catch (IOException e) {
            throw new NcaException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code array} (FLOAT or DOUBLE) as one .npy file to {@code out}, which is not closed. */
    public static void write(OutputStream out, INDArray array) throws IOException {
        requireWritable(array);
        boolean isFloat = array.dataType() == DataType.FLOAT;
        out.write(header(new NpyHeader(isFloat ? "<f4" : "<f8", false, array.shape())));
        if (array.length() == 0) {
            return;
        }
        INDArray c = array.ordering() == 'c' && !array.isView() && array.data().length() == array.length()
                ? array : array.dup('c');
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        if (isFloat) {
            float[] values = c.data().asFloat();
            for (int from = 0; from < values.length; from += CHUNK_BYTES / 4) {
                int n = Math.min(CHUNK_BYTES / 4, values.length - from);
                buf.clear();
                buf.asFloatBuffer().put(values, from, n);
                out.write(buf.array(), 0, n * 4);
            }
        } else {
            double[] values = c.data().asDouble();
            for (int from = 0; from < values.length; from += CHUNK_BYTES / 8) {
                int n = Math.min(CHUNK_BYTES / 8, values.length - from);
                buf.clear();
                buf.asDoubleBuffer().put(values, from, n);
                out.write(buf.array(), 0, n * 8);
            }
        }
    }

    /** The complete header bytes (magic to newline) for {@code h}, 64-byte aligned. */
    static byte[] header(NpyHeader h) {
        String dict = h.format();
        int major = 1;
        int prefix = MAGIC.length + 2 + 2;
        int padded = paddedLength(prefix, dict.length());
        if (padded - prefix > 0xFFFF) {
            major = 2;
            prefix = MAGIC.length + 2 + 4;
            padded = paddedLength(prefix, dict.length());
        }
        int headerLength = padded - prefix;
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        while (b.position() < padded - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    private static int paddedLength(int prefix, int dictLength) {
        int unpadded = prefix + dictLength + 1;
        return (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static INDArray readFile(Path file, DataType dtype, long maxElements) {
        try (InputStream in = Files.newInputStream(file)) {
            return readStream(in, file.toString(), dtype, Files.size(file), maxElements);
        } catch (IOException e) {
            throw new NcaException("could not read " + file + ": " + e, e);
        }
    }

    private static INDArray readStream(InputStream raw, String source, DataType requested, long knownSize,
                                       long maxElements) throws IOException {
        InputStream in = new BufferedInputStream(raw, CHUNK_BYTES);
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NcaException(source + " is not a .npy file: it does not start with the magic string"
                    + " \\x93NUMPY");
        }
        int major = in.read();
        int minor = in.read();
        if (major < 1 || major > 3 || minor != 0) {
            throw new NcaException(source + " has .npy format version " + major + "." + minor
                    + ", which is not supported; supported versions are 1.0, 2.0 and 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer lengthField = ByteBuffer.wrap(readFully(in, lengthBytes, source, "header length"))
                .order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(lengthField.getShort())
                : Integer.toUnsignedLong(lengthField.getInt());
        long prefix = MAGIC.length + 2 + lengthBytes;
        if (headerLength > Integer.MAX_VALUE - 8 || knownSize >= 0 && prefix + headerLength > knownSize) {
            throw new NcaException(source + " is truncated or corrupt: its .npy header length " + headerLength
                    + " exceeds the data available");
        }
        Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String text = new String(readFully(in, (int) headerLength, source, "header"), charset);
        NpyHeader header = NpyHeader.parse(text, source);
        NpyDtype type = dtypeOf(header.descr(), source);
        if (header.fortranOrder()) {
            throw new NcaException(source + " stores its array in Fortran (column-major) order, which is not"
                    + " supported; save it in C order, e.g. np.save(path, np.ascontiguousarray(a))");
        }
        long count = header.elementCount(source);
        if (count > maxElements) {
            throw new NcaException(source + " holds " + count + " elements; at most " + maxElements
                    + " are supported");
        }
        long dataBytes = count * type.itemSize();
        if (knownSize >= 0 && knownSize != prefix + headerLength + dataBytes) {
            throw new NcaException(source + " is " + (knownSize < prefix + headerLength + dataBytes ? "truncated"
                    : "corrupt") + ": shape " + Arrays.toString(header.shape()) + " of " + header.descr() + " needs "
                    + dataBytes + " data bytes, but " + (knownSize - prefix - headerLength) + " follow the header");
        }
        DataType target = requested != null ? requested : type == NpyDtype.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
        INDArray result = readData(in, source, type, (int) count, header.shape(), target);
        if (in.read() != -1) {
            throw new NcaException(source + " is corrupt: it has bytes after the " + count + " elements its header"
                    + " declares");
        }
        return result;
    }

    private static INDArray readData(InputStream in, String source, NpyDtype type, int count, long[] shape,
                                     DataType target) throws IOException {
        int perChunk = CHUNK_BYTES / type.itemSize();
        float[] floats = target == DataType.FLOAT ? new float[count] : null;
        double[] doubles = target == DataType.FLOAT ? null : new double[count];
        for (int from = 0; from < count; from += perChunk) {
            int n = Math.min(perChunk, count - from);
            ByteBuffer b = ByteBuffer.wrap(readFully(in, n * type.itemSize(), source, "data"))
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (type == NpyDtype.FLOAT32 && floats != null) {
                b.asFloatBuffer().get(floats, from, n);
            } else if (type == NpyDtype.FLOAT64 && doubles != null) {
                b.asDoubleBuffer().get(doubles, from, n);
            } else {
                for (int i = from; i < from + n; i++) {
                    double v = type.next(b);
                    if (floats != null) {
                        floats[i] = (float) v;
                    } else {
                        doubles[i] = v;
                    }
                }
            }
        }
        if (shape.length == 0) {
            return Nd4j.scalar(target, floats != null ? floats[0] : doubles[0]);
        }
        if (count == 0) {
            return Nd4j.create(target, shape, 'c');
        }
        return floats != null ? Nd4j.create(floats, shape, target) : Nd4j.create(doubles, shape, target);
    }

    private static byte[] readFully(InputStream in, int n, String source, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new NcaException(source + " is truncated: it ends inside the .npy " + what);
        }
        return bytes;
    }

    private static NpyDtype dtypeOf(String descr, String source) {
        return NpyDtype.forDescr(descr).orElseThrow(() -> new NcaException(source + " has "
                + (NpyDtype.isBigEndian(descr) ? "the big-endian dtype '" + descr + "', which is not supported;"
                        + " convert it with a.astype(a.dtype.newbyteorder('<')) before saving"
                        : "the dtype '" + descr + "', which is not supported")
                + "; supported dtypes are " + NpyDtype.supportedList()));
    }

    private static DataType requireFloating(DataType dtype) {
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException(".npy arrays can be read as FLOAT or DOUBLE, not " + dtype);
        }
        return dtype;
    }

    private static void requireWritable(INDArray array) {
        Objects.requireNonNull(array, "array");
        if (array.dataType() != DataType.FLOAT && array.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("only FLOAT and DOUBLE arrays can be written as .npy, got "
                    + array.dataType());
        }
    }
}
