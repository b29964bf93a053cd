package dev.nca.support.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The element types {@link Npy} reads, keyed by their NumPy {@code descr} string. Multi-byte
 * types must be little-endian ({@code <}); one-byte types may carry any byte-order character.
 */
enum NpyDtype {
    FLOAT32("<f4", 4),
    FLOAT64("<f8", 8),
    INT32("<i4", 4),
    INT64("<i8", 8),
    UINT8("|u1", 1),
    UINT16("<u2", 2),
    BOOL("|b1", 1);

    private final String descr;
    private final int itemSize;

    NpyDtype(String descr, int itemSize) {
        this.descr = descr;
        this.itemSize = itemSize;
    }

    /** The canonical descr, e.g. {@code <f4}. */
    String descr() {
        return descr;
    }

    /** Bytes per element. */
    int itemSize() {
        return itemSize;
    }

    /** The type a descr names, if supported. */
    static Optional<NpyDtype> forDescr(String descr) {
        if (descr.length() != 3) {
            return Optional.empty();
        }
        String kindAndSize = descr.substring(1);
        char order = descr.charAt(0);
        for (NpyDtype t : values()) {
            if (t.descr.substring(1).equals(kindAndSize)) {
                boolean orderOk = t.itemSize == 1 ? "|<>=".indexOf(order) >= 0 : order == '<';
                return orderOk ? Optional.of(t) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether the descr is a big-endian multi-byte type (for a more helpful error). */
    static boolean isBigEndian(String descr) {
        return descr.length() >= 3 && descr.charAt(0) == '>' && !descr.endsWith("1");
    }

    /** The supported descrs, for error messages. */
    static String supportedList() {
        return Arrays.stream(values()).map(NpyDtype::descr).collect(Collectors.joining(", "));
    }

    /** Reads the next element of a little-endian buffer as a double. */
    double next(ByteBuffer b) {
        return switch (this) {
            case FLOAT32 -> b.getFloat();
            case FLOAT64 -> b.getDouble();
            case INT32 -> b.getInt();
            case INT64 -> b.getLong();
            case UINT8 -> Byte.toUnsignedInt(b.get());
            case UINT16 -> Short.toUnsignedInt(b.getShort());
            case BOOL -> b.get() != 0 ? 1 : 0;
        };
    }
}
