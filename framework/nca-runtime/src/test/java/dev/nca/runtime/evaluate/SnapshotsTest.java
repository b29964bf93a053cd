package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Trajectories;
import dev.nca.runtime.experiment.PictureFiles;
import dev.nca.runtime.experiment.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Training snapshots, checked with the drift model whose rollout is x(n) = x(0) + n v. */
class SnapshotsTest {

    @TempDir
    Path temp;

    private static Trajectories data(int frames) {
        INDArray f = Nd4j.rand(DataType.DOUBLE, 2, frames, 2, 4, 4);
        return new Trajectories(f, List.of("a", "b"), 2, Optional.empty(), Optional.empty(), 0, 1);
    }

    @Test
    void rollsFromTheFirstFrameWithZeroHiddenChannelsAndRecordsEveryFrameTime() {
        Trajectories data = data(3);
        int spacing = 5;
        INDArray rollout = new Snapshots(DriftModel.engine(4), data, spacing, new PictureFiles())
                .rollout(DriftModel.parameters(), 1, 3, 7L);

        assertThat(rollout.shape()).containsExactly(3, 3, 4, 4);
        for (int t = 0; t < 3; t++) {
            for (int c = 0; c < 3; c++) {
                double start = c < 2 ? data.frames().getDouble(1, 0, c, 2, 3) : 0.0;
                assertThat(rollout.getDouble(t, c, 2, 3)).as("frame %d channel %d", t, c)
                        .isCloseTo(start + t * spacing * DriftModel.V[c], within(1e-12));
            }
        }
    }

    /** A dataset of single frames has nothing to roll: the snapshot is the start state alone. */
    @Test
    void singleFrameDataGiveTheStartStateAndStillWritePictures() throws Exception {
        Trajectories data = data(1);
        Snapshots snapshots = new Snapshots(DriftModel.engine(4), data, 3, new PictureFiles());

        INDArray rollout = snapshots.rollout(DriftModel.parameters(), 0, 1, 1L);

        assertThat(rollout.shape()).containsExactly(1, 3, 4, 4);
        assertThat(rollout.getDouble(0, 1, 0, 0)).isEqualTo(data.frames().getDouble(0, 0, 1, 0, 0));
        assertThat(rollout.getDouble(0, 2, 0, 0)).isZero();
        Path png = temp.resolve("snapshot.png");
        Path gif = temp.resolve("trajectory.gif");
        snapshots.writeComparison(DriftModel.parameters(), png, 1L);
        snapshots.writeAnimation(DriftModel.parameters(), gif, 1, 1L);
        assertThat(Files.size(png)).isPositive();
        assertThat(Files.size(gif)).isPositive();
    }
}
