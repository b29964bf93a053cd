package dev.nca.core.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Which ND4J arrays the engines may copy straight from or into their backing buffer. */
public final class PlainArrays {

    private PlainArrays() {
    }

    /**
     * Whether {@code a} is a contiguous c-order array of {@code dtype} with {@code length} elements
     * that owns its whole buffer (no view, no offset, unit stride).
     */
    public static boolean isPlain(INDArray a, DataType dtype, long length) {
        return a.dataType() == dtype && a.ordering() == 'c' && a.length() == length && a.data().length() == length
                && a.offset() == 0 && a.elementWiseStride() == 1;
    }
}
