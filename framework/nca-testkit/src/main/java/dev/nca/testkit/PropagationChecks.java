package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks every schedule that stores final states and starts later samples from them
 * ({@code propagate}, with start keys {@code r T + i} and horizons of whole frames) must pass.
 */
public final class PropagationChecks {

    private PropagationChecks() {
    }

    /**
     * The store holds private copies: changing the starts a plan hands out changes no later start
     * (the accepted final states belong to the schedule, which may free them). Plans epoch 0, accepts {@link RecognisableStates} for it,
     * then checks that more than 10 starts of epoch 1 equal the stored states exactly.
     *
     * @param run a run that always starts from a stored state when there is one (propagate = 1)
     */
    public static void storeHoldsPrivateCopies(ScheduleRun run, int frameSpacing) {
        Map<Integer, double[]> expected = new HashMap<>();
        List<MiniBatch> first = run.planEpoch(0);
        List<INDArray> finals = new ArrayList<>();
        for (int n = 0; n < first.size(); n++) {
            finals.add(RecognisableStates.of(first.get(n), n, 0.25));
        }
        for (int n = 0; n < first.size(); n++) {
            MiniBatch batch = first.get(n);
            for (int b = 0; b < batch.size(); b++) {
                expected.put(batch.keys()[b] + batch.steps() / frameSpacing, NdValues.of(finals.get(n).slice(b)));
            }
            run.accept(batch, finals.get(n)); // the schedule owns (and may free) the accepted arrays
        }
        run.planEpoch(1).forEach(batch -> batch.start().muli(-3.0)); // nor are the starts handed out
        int checked = 0;
        for (MiniBatch batch : run.planEpoch(1)) {
            for (int b = 0; b < batch.size(); b++) {
                double[] stored = expected.get(batch.keys()[b]);
                if (stored != null) {
                    checked++;
                    assertThat(NdValues.of(batch.start().slice(b))).containsExactly(stored);
                }
            }
        }
        assertThat(checked).as("starts taken from the store").isGreaterThan(10);
    }

    /**
     * Mini-batches the schedule cannot have planned are rejected by {@code accept}: one whose steps
     * are not a whole number of frames, and one whose key {@code T - 2} (frame T - 2 of trajectory
     * 0) rolled 2 frames would end beyond its trajectory.
     *
     * @param frameSpacing at least 2 (so that {@code frameSpacing + 1} steps are no whole frame)
     */
    public static void foreignMiniBatchesAreRejected(ScheduleRun run, int channels, int observable, int size,
                                                     int frames, int frameSpacing) {
        INDArray states = Nd4j.zeros(DataType.DOUBLE, 2, channels, size, size);
        INDArray target = Nd4j.zeros(DataType.DOUBLE, 2, observable, size, size);
        int odd = frameSpacing + 1;
        MiniBatch oddSteps = new MiniBatch(states, odd, List.of(new Target(odd, target, 1.0)), new int[] {0, 1});
        assertThatThrownBy(() -> run.accept(oddSteps, states.dup())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(odd + " steps");
        int two = 2 * frameSpacing;
        MiniBatch beyond = new MiniBatch(states, two, List.of(new Target(two, target, 1.0)),
                new int[] {0, frames - 2});
        assertThatThrownBy(() -> run.accept(beyond, states.dup())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample key " + (frames - 2));
    }

    /**
     * A schedule's {@code propagate} parameter outside [0, 1] is rejected with a message naming
     * the key, the value and the range.
     *
     * @param start starts the schedule with the given parameters (as the schedule's own test does)
     */
    public static void propagateOutsideUnitIntervalIsRejected(
            java.util.function.Function<Map<String, Object>, ScheduleRun> start) {
        for (double bad : new double[] {-0.1, 1.5}) {
            assertThatThrownBy(() -> start.apply(Map.of("propagate", bad)))
                    .isInstanceOf(dev.nca.api.InvalidParameterException.class)
                    .hasMessageContaining("key 'propagate' has value " + bad).hasMessageContaining("in [0, 1]");
        }
    }
}
