package dev.nca.support.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleState;
import dev.nca.api.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The store against rows worked out by hand: R = 2 trajectories of T = 5 frames, rows r T + i. */
class StoredStatesTest {

    private static final int T = 5;

    /** [B, C = 2, S = 2, S] with sample b filled with the value fill[b]. */
    private static INDArray states(double... fill) {
        INDArray a = Nd4j.create(DataType.DOUBLE, fill.length, 2, 2, 2);
        for (int b = 0; b < fill.length; b++) {
            a.slice(b).assign(fill[b]);
        }
        return a;
    }

    @Test
    void finalStatesAreStoredForTheFrameTheHorizonEndedOn() {
        StoredStates store = new StoredStates(2, T, DataType.FLOAT);
        // start rows (0, 1) and (1, 0), rolled 2 frames: end on rows 3 and 7
        store.store(new int[] {1, 5}, 2, states(7, 9));
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.has(3)).isTrue();
        assertThat(store.has(7)).isTrue();
        assertThat(store.has(1)).isFalse();
        INDArray target = Nd4j.create(DataType.DOUBLE, 2, 2, 2);
        store.copyInto(7, target);
        assertThat(target.ravel().toDoubleVector()).containsOnly(9.0);
    }

    @Test
    void storedStatesAreCopiesInTheStoresDataType() {
        StoredStates store = new StoredStates(1, T, DataType.FLOAT);
        INDArray finals = states(0.1);
        store.store(new int[] {0}, 1, finals);
        finals.assign(5);
        INDArray target = Nd4j.create(DataType.DOUBLE, 2, 2, 2);
        store.copyInto(1, target);
        assertThat(target.ravel().toDoubleVector()).containsOnly((double) 0.1f);
        target.assign(3);
        INDArray again = Nd4j.create(DataType.DOUBLE, 2, 2, 2);
        store.copyInto(1, again);
        assertThat(again.ravel().toDoubleVector()).containsOnly((double) 0.1f);
    }

    @Test
    void aNewerStateReplacesTheOlderOneAndTheLastFrameIsNeverStored() {
        StoredStates store = new StoredStates(1, T, DataType.DOUBLE);
        store.store(new int[] {1}, 1, states(1));
        store.store(new int[] {0}, 2, states(2));
        assertThat(store.size()).isEqualTo(1);
        INDArray target = Nd4j.create(DataType.DOUBLE, 2, 2, 2);
        store.copyInto(2, target);
        assertThat(target.ravel().toDoubleVector()).containsOnly(2.0);
        store.store(new int[] {2}, 2, states(3)); // ends on frame 4 = T - 1
        assertThat(store.has(4)).isFalse();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void keysThatAreNoPlannedStartsAreRejected() {
        StoredStates store = new StoredStates(2, T, DataType.DOUBLE);
        assertThatThrownBy(() -> store.store(new int[] {3}, 2, states(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample key 3");
        assertThatThrownBy(() -> store.store(new int[] {10}, 1, states(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.store(new int[] {0}, 0, states(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.copyInto(0, Nd4j.create(DataType.DOUBLE, 2, 2, 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("frame row 0");
    }

    @Test
    void storeFinalRecoversTheHorizonFromTheSteps() {
        StoredStates store = new StoredStates(2, T, DataType.DOUBLE);
        INDArray start = states(0, 0);
        List<Target> targets = List.of(new Target(6, Nd4j.create(DataType.DOUBLE, 2, 1, 2, 2), 1.0));
        // 6 steps of 3 steps per frame: 2 frames from rows 0 and 6 to rows 2 and 8
        store.storeFinal(new MiniBatch(start, 6, targets, new int[] {0, 6}), 3, states(4, 5));
        assertThat(store.has(2)).isTrue();
        assertThat(store.has(8)).isTrue();
        assertThatThrownBy(() -> store.storeFinal(new MiniBatch(start, 6, targets, new int[] {0, 6}), 4, states(4, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a whole number of frames");
    }

    @Test
    void savedStoreRestoresIntoAFreshOneRowForRow() {
        StoredStates store = new StoredStates(2, T, DataType.DOUBLE);
        store.store(new int[] {5, 0}, 2, states(4, 6)); // rows 7 and 2
        ScheduleState saved = store.save(ScheduleState.builder(), "s_").build();
        assertThat(saved.ints("s_rows")).containsExactly(2, 7);
        assertThat(saved.array("s_states").shape()).containsExactly(2, 2, 2, 2);
        store.store(new int[] {0}, 2, states(99)); // the saved state is a snapshot

        StoredStates fresh = new StoredStates(2, T, DataType.DOUBLE);
        fresh.restore(saved, "s_", 2, 2);
        assertThat(fresh.size()).isEqualTo(2);
        INDArray target = Nd4j.create(DataType.DOUBLE, 2, 2, 2);
        fresh.copyInto(2, target);
        assertThat(target.ravel().toDoubleVector()).containsOnly(6.0);
        fresh.copyInto(7, target);
        assertThat(target.ravel().toDoubleVector()).containsOnly(4.0);
        assertThat(fresh.has(1)).isFalse();
    }

    @Test
    void anEmptyStoreSavesNoArrayAndRestoresEmpty() {
        ScheduleState saved = new StoredStates(2, T, DataType.DOUBLE).save(ScheduleState.builder(), "").build();
        assertThat(saved.arrayNames()).isEmpty();
        StoredStates fresh = new StoredStates(2, T, DataType.DOUBLE);
        fresh.store(new int[] {0}, 1, states(1));
        fresh.restore(saved, "", 2, 2);
        assertThat(fresh.size()).isZero();
    }

    @Test
    void statesThatDoNotFitAreRejectedAndLeaveTheStoreUnchanged() {
        StoredStates store = new StoredStates(2, T, DataType.DOUBLE);
        store.store(new int[] {0}, 1, states(3));
        ScheduleState lastFrame = ScheduleState.builder().ints("rows", 4).array("states", states(1)).build();
        assertThatThrownBy(() -> store.restore(lastFrame, "", 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 4");
        ScheduleState decreasing = ScheduleState.builder().ints("rows", 2, 1).array("states", states(1, 2)).build();
        assertThatThrownBy(() -> store.restore(decreasing, "", 2, 2)).isInstanceOf(IllegalArgumentException.class);
        ScheduleState wrongShape = ScheduleState.builder().ints("rows", 1).array("states", states(1)).build();
        assertThatThrownBy(() -> store.restore(wrongShape, "", 3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape [1, 2, 2, 2]");
        ScheduleState wrongType = ScheduleState.builder().ints("rows", 1)
                .array("states", states(1).castTo(DataType.FLOAT)).build();
        assertThatThrownBy(() -> store.restore(wrongType, "", 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FLOAT");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.has(1)).isTrue();
    }
}
