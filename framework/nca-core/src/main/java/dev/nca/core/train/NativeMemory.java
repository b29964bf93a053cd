package dev.nca.core.train;

import java.util.Collection;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees the native (off-heap) buffers of arrays their creator no longer needs.
 *
 * <p>ND4J frees a buffer only when the garbage collector collects its small Java object, which
 * it rarely does while the heap is nearly empty, so a training loop that leaves its per-block
 * arrays to the collector grows its resident size by gigabytes. The owner of a temporary closes it
 * instead; views and arrays that cannot be closed (e.g. attached to a workspace) are skipped.
 */
final class NativeMemory {

    private NativeMemory() {
    }

    /** Closes each array that is closeable; the caller must not use them afterwards. */
    static void free(Collection<INDArray> arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }
}
