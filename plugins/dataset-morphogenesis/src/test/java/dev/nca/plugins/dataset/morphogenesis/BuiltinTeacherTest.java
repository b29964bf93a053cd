package dev.nca.plugins.dataset.morphogenesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.Activation;
import dev.nca.api.DataRequest;
import dev.nca.api.NcaException;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.core.models.CheckpointModels;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The shipped lizard teacher grows from the seed, persists, and regrows after damage. */
class BuiltinTeacherTest {

    private static final double ALIVE = 0.1;

    private static final Activation RELU = new Activation() {
        @Override
        public String name() {
            return "relu";
        }

        @Override
        public String description() {
            return "max(a, 0)";
        }

        @Override
        public void apply(INDArray a, INDArray out) {
            out.assign(Transforms.relu(a, true));
        }

        @Override
        public void derivative(INDArray a, INDArray out) {
            out.assign(a.gt(0.0).castTo(a.dataType()));
        }
    };

    private static Trajectories generate() {
        MorphogenesisDataset dataset = new MorphogenesisDataset();
        Params p = Params.validate(dataset.parameters(), Map.of("growth_trajectories", 1L,
                "regeneration_trajectories", 2L), "test");
        CheckpointModels models = new CheckpointModels((name, where) -> {
            if (!"relu".equals(name)) {
                throw new NcaException("unexpected activation " + name + " (" + where + ")");
            }
            return RELU;
        }, new dev.nca.core.engine.StencilGemmEngineFactory());
        return dataset.generate(p, new DataRequest(Split.TRAIN, new RandomSource(8), DataType.FLOAT,
                OptionalInt.empty(), models));
    }

    private static int living(Trajectories t, int r, int frame) {
        INDArray alpha = t.frames().get(NDArrayIndex.point(r), NDArrayIndex.point(frame), NDArrayIndex.point(3));
        return alpha.gt(ALIVE).castTo(DataType.INT32).sumNumber().intValue();
    }

    private static double meanChange(Trajectories t, int r, int a, int b) {
        return Transforms.abs(t.frame(r, a).sub(t.frame(r, b))).meanNumber().doubleValue();
    }

    @Test
    void growsFromTheSeedAndPersists() {
        Trajectories t = generate();
        int last = t.length() - 1;
        assertThat(living(t, 0, 0)).isEqualTo(1);
        // the 28 x 28 lizard covers roughly 250-400 cells of the 36 x 36 lattice
        assertThat(living(t, 0, last)).isBetween(150, 700);
        assertThat(living(t, 0, 4)).isGreaterThan(50);
        // stable phase: the pattern barely changes between the last frames
        assertThat(meanChange(t, 0, last - 1, last)).isLessThan(0.02);
    }

    @Test
    void regrowsWhatTheDamageRemoved() {
        Trajectories t = generate();
        int last = t.length() - 1;
        for (int r = 1; r <= 2; r++) {
            int damaged = living(t, r, 0);
            int healed = living(t, r, last);
            assertThat(healed).as("living cells of regeneration trajectory %d: %d after damage", r, damaged)
                    .isGreaterThan(damaged);
            // it returns to about the size of the undamaged pattern
            assertThat((double) healed).isCloseTo(living(t, 0, last), org.assertj.core.data.Percentage.withPercentage(25));
        }
    }
}
