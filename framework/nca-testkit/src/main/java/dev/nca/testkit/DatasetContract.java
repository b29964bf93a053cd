package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.NcaModels;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.api.TrueDynamics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Contract for {@link Dataset} extensions. Extend it, implement {@link #dataset()} and
 * {@link #validParams()} with parameters that make a small, fast dataset (a few frames on a
 * lattice of about 8-16 cells).
 *
 * <p>Checks: frames are {@code [R, T, C_obs, S, S]} of the requested data type, finite, with one
 * channel name per channel; metadata is consistent; the same seed gives the same frames; a
 * {@link Split#HELD_OUT} request (with its own random source, as the host makes it) gives frames
 * different from {@link Split#TRAIN}; a {@code frames} override sets T; leaving out any required
 * parameter is rejected by {@link Params#validate} with an {@link InvalidParameterException}
 * naming the key; when the dataset offers {@link Dataset#trueDynamics}, running it from frame k for
 * one frame interval ({@link TrueDynamics#stepsPerFrame()} native steps) gives frame k + 1 of every
 * trajectory, in float64 to 1e-9 and in the input's data type, and a wrongly shaped state is rejected.
 */
public abstract class DatasetContract extends NamedExtensionContract<Dataset> {

    /** The dataset under test. */
    protected abstract Dataset dataset();

    @Override
    protected final Dataset extension() {
        return dataset();
    }

    /** Parameters for a small, fast dataset; must include every required key. */
    @Override
    protected abstract Map<String, Object> validParams();

    /**
     * The model service handed to the dataset. Datasets that run a trained NCA (e.g. a teacher
     * checkpoint) override this, e.g. with {@code new dev.nca.core.models.CheckpointModels(...)}.
     */
    protected NcaModels models() {
        return NcaModels.unavailable();
    }

    /** Generates with the contract's parameters. */
    protected final Trajectories generate(Split split, long seed, DataType dtype, OptionalInt frames) {
        RandomSource random = new RandomSource(seed).child(split == Split.TRAIN ? "dataset" : "dataset-held-out");
        return dataset().generate(params(), new DataRequest(split, random, dtype, frames, models()));
    }

    @Test
    public void framesAreRankFiveAndConsistentWithMetadata() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Trajectories t = generate(Split.TRAIN, 3, dtype, OptionalInt.empty());
            INDArray f = t.frames();
            assertThat(f.rank()).isEqualTo(5);
            assertThat(f.dataType()).as("frames data type").isEqualTo(dtype);
            assertThat(t.trajectories()).isPositive();
            assertThat(t.length()).isPositive();
            assertThat(t.channels()).isPositive();
            assertThat(t.channelNames()).hasSize(t.channels()).doesNotHaveDuplicates();
            assertThat(t.size()).isEqualTo((int) f.size(4));
            assertThat(t.frameSpacing()).isPositive();
            assertThat(t.valueMin()).isLessThanOrEqualTo(t.valueMax());
            for (double v : NdValues.of(f)) {
                if (!Double.isFinite(v)) {
                    throw new AssertionError("frames contain a non-finite value " + v);
                }
            }
        }
    }

    @Test
    public void sameSeedGivesSameFrames() {
        Trajectories a = generate(Split.TRAIN, 5, DataType.DOUBLE, OptionalInt.empty());
        Trajectories b = generate(Split.TRAIN, 5, DataType.DOUBLE, OptionalInt.empty());
        assertThat(NdValues.of(b.frames())).as("frames for the same seed").containsExactly(NdValues.of(a.frames()));
        assertThat(b.channelNames()).isEqualTo(a.channelNames());
        assertThat(b.frameSpacing()).isEqualTo(a.frameSpacing());
    }

    @Test
    public void heldOutDiffersFromTrain() {
        Trajectories train = generate(Split.TRAIN, 5, DataType.DOUBLE, OptionalInt.empty());
        Trajectories heldOut = generate(Split.HELD_OUT, 5, DataType.DOUBLE, OptionalInt.empty());
        assertThat(heldOut.channels()).isEqualTo(train.channels());
        assertThat(heldOut.size()).isEqualTo(train.size());
        assertThat(NdValues.of(heldOut.frames())).as("held-out frames equal training frames")
                .isNotEqualTo(NdValues.of(train.frames()));
    }

    @Test
    public void framesOverrideIsRespected() {
        for (int frames : new int[] {2, 3}) {
            Trajectories t = generate(Split.TRAIN, 5, DataType.FLOAT, OptionalInt.of(frames));
            assertThat(t.length()).as("T with frames override %d", frames).isEqualTo(frames);
        }
    }

    @Test
    public void missingRequiredParametersAreRejected() {
        for (ParamSpec spec : dataset().parameters()) {
            if (!spec.required()) {
                continue;
            }
            Map<String, Object> raw = new LinkedHashMap<>(validParams());
            raw.remove(spec.name());
            assertThatThrownBy(() -> Params.validate(dataset().parameters(), raw, "test"))
                    .as("validation without required key '%s'", spec.name())
                    .isInstanceOf(InvalidParameterException.class)
                    .satisfies(e -> assertThat(((InvalidParameterException) e).key()).isEqualTo(spec.name()));
        }
    }

    @Test
    public void trueDynamicsRunFromAFrameToTheNextFrame() {
        for (Split split : Split.values()) {
            RandomSource random = new RandomSource(7).child(split == Split.TRAIN ? "dataset" : "dataset-held-out");
            DataRequest request = new DataRequest(split, random, DataType.DOUBLE, OptionalInt.empty(), models());
            Optional<TrueDynamics> offered = dataset().trueDynamics(params(), request);
            if (offered.isEmpty()) {
                return;
            }
            TrueDynamics truth = offered.get();
            assertThat(truth.stepsPerFrame()).isPositive();
            Trajectories t = dataset().generate(params(), request);
            assertThat(t.length()).as("frames to compare the true dynamics with").isGreaterThan(1);
            // every frame but the last of every trajectory as one batch [R (T - 1), C, S, S]
            INDArray earlier = t.frames().get(NDArrayIndex.all(), NDArrayIndex.interval(0, t.length() - 1))
                    .dup('c').reshape(-1, t.channels(), t.size(), t.size());
            INDArray later = t.frames().get(NDArrayIndex.all(), NDArrayIndex.interval(1, t.length()))
                    .dup('c').reshape(-1, t.channels(), t.size(), t.size());
            INDArray advanced = truth.advance(earlier, truth.stepsPerFrame());
            assertThat(advanced.shape()).containsExactly(earlier.shape());
            assertThat(advanced.dataType()).isEqualTo(DataType.DOUBLE);
            double[] expected = NdValues.of(later);
            double[] actual = NdValues.of(advanced);
            for (int k = 0; k < expected.length; k++) {
                if (Math.abs(actual[k] - expected[k]) > 1e-9) {
                    throw new AssertionError(split + ": value " + k + " after one frame interval is " + actual[k]
                            + ", the next frame has " + expected[k]);
                }
            }
            assertThat(NdValues.of(earlier)).as("the input is not modified")
                    .containsExactly(NdValues.of(t.frames().get(NDArrayIndex.all(),
                            NDArrayIndex.interval(0, t.length() - 1)).dup('c')));
            assertThat(NdValues.of(truth.advance(earlier, 0))).as("zero steps").containsExactly(NdValues.of(earlier));
            INDArray single = truth.advance(earlier.castTo(DataType.FLOAT), truth.stepsPerFrame());
            assertThat(single.dataType()).isEqualTo(DataType.FLOAT);
            assertThatThrownBy(() -> truth.advance(earlier.reshape(-1, t.channels(), t.size() * t.size()), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[B, " + t.channels());
        }
    }
}
