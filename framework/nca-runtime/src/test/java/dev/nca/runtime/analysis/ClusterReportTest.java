package dev.nca.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.render.FrameRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class ClusterReportTest {

    private static final int SCALE = 3;

    @TempDir
    Path temp;

    private static CellClusterMaps fit(ClusterCount count) {
        return new CellClusters(count, new KMeans(100, 1), 2, OptionalDouble.of(0.5), 1000)
                .fit(CellClustersTest.twoGroups(), CellClustersTest.STEPS, new SplittableRandom(1));
    }

    private static FrameRenderer renderer() {
        return FrameRenderer.builder().observableChannels(2).range(0, 1).scale(SCALE).showHidden(false).build();
    }

    @Test
    void clusterMapsArePaletteColoursWithDeadCellsWhite() {
        CellClusterMaps maps = fit(ClusterCount.fixed(2));

        BufferedImage image = new ClusterPictures(maps, renderer(), SCALE).clusterMap(1, 0);

        assertThat(image.getWidth()).isEqualTo(CellClustersTest.S * SCALE);
        for (int p = 0; p < 16; p++) {
            int y = p / 4;
            int x = p % 4;
            int expected = CellClustersTest.alive(1, p) ? ClusterPalette.color(maps.label(1, 0, y, x)) : 0xFFFFFF;
            assertThat(image.getRGB(x * SCALE + 2, y * SCALE + 1) & 0xFFFFFF).as("cell %d", p).isEqualTo(expected);
        }
        assertThat(ClusterPalette.color(0)).isNotEqualTo(ClusterPalette.color(1));
    }

    @Test
    void writesPicturesAnimationAndJson() throws IOException {
        CellClusterMaps maps = fit(ClusterCount.elbow(1, 4));
        List<INDArray> states = CellClustersTest.twoGroups();

        ClusterReport.Output out = new ClusterReport(maps, renderer(), SCALE)
                .write(temp, states, Map.of("checkpoint", "best.nca"));

        BufferedImage first = ImageIO.read(out.frames().resolve("step-000000.png").toFile());
        BufferedImage last = ImageIO.read(out.frames().resolve("step-000007.png").toFile());
        assertThat(first.getWidth()).isEqualTo(last.getWidth()).isGreaterThan(2 * CellClustersTest.S * SCALE);
        assertThat(first.getHeight()).isEqualTo(last.getHeight());
        assertThat(out.frameCount()).isEqualTo(2);
        assertThat(out.animation()).isRegularFile().hasFileName("clusters.gif");
        assertThat(ImageIO.read(out.overview().toFile())).isNotNull();
        assertThat(out.elbowPlot()).hasValueSatisfying(p -> assertThat(p).isRegularFile());

        JsonNode json = new ObjectMapper().readTree(out.json().toFile());
        assertThat(json.get("checkpoint").asText()).isEqualTo("best.nca");
        assertThat(json.get("analysed_steps").toString()).isEqualTo("[0,7]");
        assertThat(json.get("k_selection").asText()).isEqualTo("elbow");
        assertThat(json.get("k_tried").toString()).isEqualTo("[1,2,3,4]");
        assertThat(json.get("inertia_per_k")).hasSize(4);
        assertThat(json.get("chosen_k").asInt()).isEqualTo(2);
        assertThat(json.get("k").asInt()).isEqualTo(2);
        assertThat(json.get("alive_channel").asInt()).isEqualTo(1);
        assertThat(json.get("alive_threshold").asDouble()).isEqualTo(0.5);
        assertThat(json.get("dead_cells").toString()).isEqualTo("[8,8]");
        assertThat(json.get("cluster_sizes").toString()).isEqualTo("[[4,4],[4,4]]");
        assertThat(json.get("centroids")).hasSize(2);
        assertThat(json.get("centroids").get(0)).hasSize(3);
        assertThat(json.get("colors").get(0).asText()).isEqualTo(String.format("#%06x", ClusterPalette.color(0)));
        assertThat(json.get("living_cells").asInt()).isEqualTo(16);
    }

    @Test
    void aFixedKWritesNoElbowPlot() {
        ClusterReport.Output out = new ClusterReport(fit(ClusterCount.fixed(2)), renderer(), SCALE)
                .write(temp, CellClustersTest.twoGroups(), Map.of());

        assertThat(out.elbowPlot()).isEmpty();
        assertThat(temp.resolve("elbow.png")).doesNotExist();
    }

    @Test
    void paletteColoursStayDistinctBeyondTheFixedOnes() {
        for (int a = 0; a < 40; a++) {
            assertThat(ClusterPalette.color(a)).as("label %d", a).isNotEqualTo(ClusterPalette.DEAD_COLOR);
            for (int b = 0; b < a; b++) {
                assertThat(ClusterPalette.color(a)).as("labels %d and %d", a, b).isNotEqualTo(ClusterPalette.color(b));
            }
        }
    }
}
