package dev.nca.support.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyTest {

    @TempDir
    Path dir;

    @Test
    void headerOfATiny2x3Float32FileMatchesTheSpecWorkedByHand() throws IOException {
        INDArray a = Nd4j.create(new float[] {1.5f, -2f, 0f, 3.25f, 1e-3f, 7f}, new long[] {2, 3}, DataType.FLOAT);
        Path f = dir.resolve("tiny.npy");
        Npy.write(f, a);
        byte[] b = Files.readAllBytes(f);
        // dict text is 59 characters; 10 + 59 + 1 = 70 bytes, padded to 128: HEADER_LEN = 118.
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        assertThat(dict).hasSize(59);
        assertThat(b).hasSize(128 + 6 * 4);
        assertThat(Arrays.copyOfRange(b, 0, 8)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        assertThat(b[8]).isEqualTo((byte) 118);
        assertThat(b[9]).isEqualTo((byte) 0);
        assertThat(new String(b, 10, 59, StandardCharsets.US_ASCII)).isEqualTo(dict);
        for (int i = 69; i < 127; i++) {
            assertThat(b[i]).as("padding byte %d", i).isEqualTo((byte) ' ');
        }
        assertThat(b[127]).isEqualTo((byte) '\n');
        float[] expected = {1.5f, -2f, 0f, 3.25f, 1e-3f, 7f};
        for (int i = 0; i < 6; i++) {
            int bits = (b[128 + 4 * i] & 0xff) | (b[129 + 4 * i] & 0xff) << 8 | (b[130 + 4 * i] & 0xff) << 16
                    | (b[131 + 4 * i] & 0xff) << 24;
            assertThat(bits).isEqualTo(Float.floatToIntBits(expected[i]));
        }
    }

    @Test
    void headerSpellsRankOneAndRankZeroShapesLikePython() throws IOException {
        assertThat(headerText(Nd4j.create(new double[] {1, 2, 3, 4, 5}, new long[] {5}, DataType.DOUBLE)))
                .isEqualTo("{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }");
        assertThat(headerText(Nd4j.scalar(DataType.DOUBLE, 2.5)))
                .isEqualTo("{'descr': '<f8', 'fortran_order': False, 'shape': (), }");
    }

    @Test
    void aHeaderThatExactlyFillsTwoBlocksGetsNoPaddingAndALongOneSwitchesToVersion2() {
        // 16 dims, one "0" and 14 "10"s and one "100": shape text 1 + 28 + 3 + 15 * 2 = 62 characters,
        // dict 51 + 62 + 4 = 117, and 10 + 117 + 1 = 128: the '\n' is the last byte, no spaces.
        long[] shape = new long[16];
        Arrays.fill(shape, 10);
        shape[0] = 0;
        shape[15] = 100;
        byte[] exact = Npy.header(new NpyHeader("<f8", false, shape));
        assertThat(exact).hasSize(128);
        assertThat(exact[8]).isEqualTo((byte) 118);
        assertThat(exact[126]).isEqualTo((byte) '}');
        assertThat(exact[127]).isEqualTo((byte) '\n');
        // one character more (dim 1000): no room for the '\n', so a third block of 63 spaces and '\n'
        shape[15] = 1000;
        byte[] spilled = Npy.header(new NpyHeader("<f8", false, shape));
        assertThat(spilled).hasSize(192);
        assertThat(spilled[8]).isEqualTo((byte) 182);
        assertThat(spilled[127]).isEqualTo((byte) '}');
        assertThat(new String(spilled, 128, 63, StandardCharsets.US_ASCII)).isBlank().hasSize(63);
        assertThat(spilled[191]).isEqualTo((byte) '\n');

        long[] many = new long[22_000];
        Arrays.fill(many, 1);
        byte[] big = Npy.header(new NpyHeader("<f4", false, many));
        assertThat(big[6]).isEqualTo((byte) 2);
        assertThat(big.length % 64).isZero();
        long len = ByteBuffer.wrap(big, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(len).isEqualTo(big.length - 12L).isGreaterThan(0xFFFF);
        assertThat(big[big.length - 1]).isEqualTo((byte) '\n');
    }

    @Test
    void readsAHandAssembled2x3Float64File() {
        double[] values = {0.1, -2.5, 3e300, -0.0, 1.0 / 3, 42};
        Path f = handMade("a.npy", 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                le(values));
        INDArray a = Npy.read(f);
        assertThat(a.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(a.shape()).containsExactly(2, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(Double.doubleToRawLongBits(a.getDouble(i, j)))
                        .isEqualTo(Double.doubleToRawLongBits(values[3 * i + j]));
            }
        }
    }

    @Test
    void readsVersion2And3HeadersAndPython2LongSuffixes() {
        float[] values = {1, 2, 3, 4};
        Path v2 = handMade("v2.npy", 2, "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 2L)}", le(values));
        Path v3 = handMade("v3.npy", 3, "{\"shape\": (4,), \"fortran_order\": False, \"descr\": \"<f4\"}",
                le(values));
        assertThat(Npy.read(v2).getFloat(1, 0)).isEqualTo(3f);
        INDArray a3 = Npy.read(v3);
        assertThat(a3.shape()).containsExactly(4);
        assertThat(a3.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(a3.getFloat(3)).isEqualTo(4f);
    }

    @Test
    void convertsIntegerAndBooleanDtypes() {
        ByteBuffer i4 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(-7).putInt(0).putInt(1 << 30);
        INDArray a = Npy.read(handMade("i4.npy", 1, header("<i4", "(3,)"), i4.array()));
        assertThat(a.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(a.toDoubleVector()).containsExactly(-7, 0, 1 << 30);

        ByteBuffer i8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-5_000_000_000L).putLong(9);
        INDArray b = Npy.read(handMade("i8.npy", 1, header("<i8", "(2,)"), i8.array()), DataType.FLOAT);
        assertThat(b.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(b.toFloatVector()).containsExactly(-5e9f, 9f);

        byte[] u1 = {(byte) 255, 0, 17, 1};
        assertThat(Npy.read(handMade("u1.npy", 1, header("|u1", "(2, 2)"), u1)).toDoubleMatrix())
                .isEqualTo(new double[][] {{255, 0}, {17, 1}});

        ByteBuffer u2 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0xFFFF).putShort((short) 3);
        assertThat(Npy.read(handMade("u2.npy", 1, header("<u2", "(2,)"), u2.array())).toDoubleVector())
                .containsExactly(65535, 3);

        byte[] b1 = {1, 0, 0, 1};
        assertThat(Npy.read(handMade("b1.npy", 1, header("|b1", "(4,)"), b1)).toDoubleVector())
                .containsExactly(1, 0, 0, 1);
    }

    @Test
    void rejectsFortranOrderNamingTheFileAndTheFix() {
        Path f = handMade("fortran.npy", 1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
                le(new double[] {1, 4, 2, 5, 3, 6}));
        assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(NcaException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("Fortran")
                .hasMessageContaining("np.ascontiguousarray");
    }

    @Test
    void rejectsBigEndianAndUnsupportedDtypesNamingFileAndDtype() {
        Path big = handMade("big.npy", 1, header(">f4", "(1,)"), new byte[4]);
        assertThatThrownBy(() -> Npy.read(big)).isInstanceOf(NcaException.class)
                .hasMessageContaining(big.toString()).hasMessageContaining("'>f4'").hasMessageContaining("big-endian");
        Path complex = handMade("c8.npy", 1, header("<c8", "(1,)"), new byte[8]);
        assertThatThrownBy(() -> Npy.read(complex)).isInstanceOf(NcaException.class)
                .hasMessageContaining(complex.toString()).hasMessageContaining("'<c8'")
                .hasMessageContaining("<f4, <f8");
        Path structured = handMade("s.npy", 1,
                "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        assertThatThrownBy(() -> Npy.read(structured)).isInstanceOf(NcaException.class)
                .hasMessageContaining("structured");
    }

    @Test
    void anElementLimitRejectsLargerFilesNamingTheFile() {
        Path f = handMade("six.npy", 1, header("<f8", "(2, 3)"), new byte[48]);
        assertThat(Npy.read(f, DataType.DOUBLE, 6).shape()).containsExactly(2, 3);
        assertThatThrownBy(() -> Npy.read(f, DataType.DOUBLE, 5)).isInstanceOf(NcaException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("holds 6 elements; at most 5");
    }

    @Test
    void rejectsBadMagicTruncationTrailingBytesAndMalformedHeaders() throws IOException {
        Path notNpy = dir.resolve("text.npy");
        Files.writeString(notNpy, "hello, this is not numpy");
        assertThatThrownBy(() -> Npy.read(notNpy)).isInstanceOf(NcaException.class)
                .hasMessageContaining(notNpy.toString()).hasMessageContaining("magic");

        Path truncated = handMade("short.npy", 1, header("<f8", "(2, 3)"), new byte[5 * 8 + 3]);
        assertThatThrownBy(() -> Npy.read(truncated)).isInstanceOf(NcaException.class)
                .hasMessageContaining(truncated.toString()).hasMessageContaining("truncated");
        byte[] bytes = Files.readAllBytes(truncated);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), "stream.npy", null, -1))
                .isInstanceOf(NcaException.class).hasMessageContaining("stream.npy is truncated");

        Path longer = handMade("long.npy", 1, header("<f4", "(2,)"), new byte[12]);
        assertThatThrownBy(() -> Npy.read(longer)).isInstanceOf(NcaException.class).hasMessageContaining("corrupt");
        byte[] longBytes = Files.readAllBytes(longer);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(longBytes), "s", null, -1))
                .isInstanceOf(NcaException.class).hasMessageContaining("bytes after");

        Path garbled = handMade("garbled.npy", 1, "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1,)}", new byte[4]);
        assertThatThrownBy(() -> Npy.read(garbled)).isInstanceOf(NcaException.class)
                .hasMessageContaining("malformed .npy header");
        Path extraKey = handMade("extra.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}",
                new byte[4]);
        assertThatThrownBy(() -> Npy.read(extraKey)).isInstanceOf(NcaException.class)
                .hasMessageContaining("exactly the keys");
        Path version = handMade("v9.npy", 9, header("<f4", "(1,)"), new byte[4]);
        assertThatThrownBy(() -> Npy.read(version)).isInstanceOf(NcaException.class)
                .hasMessageContaining("version 9.0");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void roundTripsFloatAndDoubleOfEveryRankBitForBit(int rank) throws IOException {
        long[] shape = Arrays.copyOf(new long[] {3, 2, 4, 1, 2}, rank);
        int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        SplittableRandom random = new SplittableRandom(rank);
        double[] d = random.doubles(n, -1e3, 1e3).toArray();
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) random.nextGaussian();
        }
        INDArray doubles = Nd4j.create(d, shape, DataType.DOUBLE);
        INDArray floats = Nd4j.create(f, shape, DataType.FLOAT);

        Path pd = dir.resolve("d" + rank + ".npy");
        Npy.write(pd, doubles);
        INDArray backD = Npy.read(pd);
        assertThat(backD.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(backD.shape()).isEqualTo(shape);
        assertThat(backD.ordering()).isEqualTo('c');
        assertThat(backD.data().asDouble()).isEqualTo(d);
        // the dict is at most 51 + 13 + 4 = 68 characters for these shapes: one 128-byte header
        assertThat(Files.size(pd) - 8L * n).as("header size").isEqualTo(128);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, floats);
        INDArray backF = Npy.read(new ByteArrayInputStream(out.toByteArray()), "mem", null, out.size());
        assertThat(backF.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(backF.shape()).isEqualTo(shape);
        assertThat(backF.data().asFloat()).isEqualTo(f);
    }

    @Test
    void writesViewsAndFortranOrderArraysInCOrder() {
        INDArray a = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, DataType.DOUBLE);
        Path t = dir.resolve("t.npy");
        Npy.write(t, a.transpose());
        assertThat(Npy.read(t).toDoubleMatrix()).isEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
        Path f = dir.resolve("f.npy");
        Npy.write(f, a.dup('f'));
        assertThat(Npy.read(f).toDoubleMatrix()).isEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Path col = dir.resolve("col.npy");
        Npy.write(col, a.getColumn(1));
        assertThat(Npy.read(col).toDoubleVector()).containsExactly(2, 5);
    }

    @Test
    void roundTripsScalarsAndConvertsOnRequest() {
        Path s = dir.resolve("s.npy");
        Npy.write(s, Nd4j.scalar(DataType.FLOAT, 0.1f));
        INDArray back = Npy.read(s);
        assertThat(back.rank()).isZero();
        assertThat(back.getFloat(0)).isEqualTo(0.1f);
        INDArray widened = Npy.read(s, DataType.DOUBLE);
        assertThat(widened.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(widened.getDouble(0)).isEqualTo((double) 0.1f);
        assertThatThrownBy(() -> Npy.read(s, DataType.INT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Npy.write(s, Nd4j.zeros(DataType.INT, 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsEmptyArrays() {
        Path e = dir.resolve("empty.npy");
        Npy.write(e, Nd4j.create(DataType.DOUBLE, 0, 3));
        assertThat(headerOf(e)).contains("'shape': (0, 3)");
        INDArray back = Npy.read(e);
        assertThat(back.shape()).containsExactly(0, 3);
        assertThat(back.length()).isZero();
    }

    private static String headerOf(Path f) {
        try {
            byte[] b = Files.readAllBytes(f);
            return new String(b, 10, (b[8] & 0xff) | (b[9] & 0xff) << 8, StandardCharsets.US_ASCII);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private String headerText(INDArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        byte[] b = out.toByteArray();
        int len = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertThat((10 + len) % 64).isZero();
        return new String(b, 10, len, StandardCharsets.US_ASCII).strip();
    }

    private static String header(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    /** Assembles a .npy file byte by byte, independently of the writer under test. */
    private Path handMade(String name, int major, String dict, byte[] data) {
        byte[] text = dict.getBytes(StandardCharsets.UTF_8);
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 6 + 2 + lengthBytes + text.length + 1;
        int total = (unpadded + 63) / 64 * 64;
        ByteBuffer b = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        int headerLength = total - 6 - 2 - lengthBytes;
        if (major == 1) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(text);
        while (b.position() < total - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n').put(data);
        Path f = dir.resolve(name);
        try {
            Files.write(f, b.array());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f;
    }

    private static byte[] le(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    private static byte[] le(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }
}
