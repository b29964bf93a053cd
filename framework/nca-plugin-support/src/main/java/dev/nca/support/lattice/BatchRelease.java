package dev.nca.support.lattice;

import dev.nca.api.MiniBatch;
import dev.nca.api.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees the native memory of a mini-batch once its schedule is done with it, for the end of a
 * schedule's {@link dev.nca.api.ScheduleRun#accept}: the trainer no longer reads a mini-batch
 * after handing it back, and the final states belong to the schedule.
 *
 * <p>ND4J frees an array's native buffer only when the garbage collector collects its small Java
 * object, which happens rarely while the heap is nearly empty; a schedule that leaves its start
 * and target arrays (tens of MB per epoch) to the collector makes a run's resident size grow by
 * gigabytes. Only arrays that own their buffer are closed: views (e.g. of a schedule's store) and
 * arrays that were already closed are left alone, and an array listed twice is closed once.
 */
public final class BatchRelease {

    private BatchRelease() {
    }

    /**
     * Closes the start, the observed targets and the final states of a mini-batch. Call it last in
     * {@code accept}, after everything that is kept has been copied; the arrays must not be used
     * afterwards, so a schedule calls it only on mini-batches whose arrays it made for this batch
     * alone (not on arrays it keeps or hands out again).
     *
     * @param batch       a mini-batch this schedule planned
     * @param finalStates {@code [B, C, S, S]} the final states passed to {@code accept}, or null
     */
    public static void release(MiniBatch batch, INDArray finalStates) {
        List<INDArray> arrays = new ArrayList<>();
        arrays.add(batch.start());
        for (Target t : batch.targets()) {
            arrays.add(t.observed());
        }
        arrays.add(finalStates);
        Set<INDArray> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (INDArray a : arrays) {
            if (a != null && closed.add(a) && a.closeable()) {
                a.close();
            }
        }
    }
}
