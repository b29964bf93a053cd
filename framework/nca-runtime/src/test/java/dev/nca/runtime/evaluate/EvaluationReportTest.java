package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.Trajectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class EvaluationReportTest {

    @TempDir
    Path temp;

    @Test
    void defaultStepsAreEvenlySpacedAndEndAtTheLastFrame() {
        long[] horizon = LongStream.rangeClosed(0, 64).map(i -> 32 * i).toArray();

        assertThat(EvaluationReport.defaultSteps(horizon, 4)).containsExactly(512, 1024, 1536, 2048);
        assertThat(EvaluationReport.defaultSteps(new long[] {0, 2, 4}, 4)).containsExactly(2, 4);
        assertThat(EvaluationReport.defaultSteps(new long[] {0}, 4)).containsExactly(0);
    }

    private static Evaluation evaluation() {
        // two trajectories, three frame times; the rollout diverged at the last one for trajectory 1
        return new Evaluation(new long[] {0, 8, 16},
                new double[][] {{0, 0}, {1, 3}, {2, Double.NaN}},
                new double[][] {{4, 2}, {4, 2}, {4, 0}},
                Nd4j.rand(DataType.FLOAT, 3, 1, 4, 4));
    }

    private static Trajectories truth() {
        return new Trajectories(Nd4j.rand(DataType.FLOAT, 2, 3, 1, 4, 4), List.of("u"), 8, Optional.empty(),
                Optional.empty(), 0, 1);
    }

    @Test
    void summaryReportsMeansAndChosenStepsWithNullForNonFinite() throws IOException {
        EvaluationReport report = new EvaluationReport(evaluation(), truth(), new long[] {8, 16});

        JsonNode json = new ObjectMapper().readTree(EvaluationReport.toJson(report.summary()));

        assertThat(json.get("trajectories").asInt()).isEqualTo(2);
        assertThat(json.get("steps").toString()).isEqualTo("[0,8,16]");
        assertThat(json.get("error").get(1).asDouble()).isEqualTo(2.0);
        assertThat(json.get("error").get(2).isNull()).isTrue();
        // relative error at step 8: (1/4 + 3/2) / 2; at step 16 only trajectory 0 has a non-zero frame
        assertThat(json.get("relative_error").get(1).asDouble()).isEqualTo(0.875);
        assertThat(json.get("relative_error").get(2).asDouble()).isEqualTo(0.5);
        assertThat(json.get("at").get(0).get("step").asLong()).isEqualTo(8);
        assertThat(json.get("at").get(0).get("relative_error").asDouble()).isEqualTo(0.875);
        assertThat(json.get("at").get(1).get("error").isNull()).isTrue();
    }

    @Test
    void phaseLabelsAndThresholdsAreSummarised() throws IOException {
        // trajectory 0: growing, growing, stable; trajectory 1: regenerating, stable, stable
        Evaluation e = new Evaluation(new long[] {0, 8, 16},
                new double[][] {{1, 2}, {3, 4}, {5, 6}},
                new double[][] {{2, 2}, {2, 2}, {2, 0}},
                Nd4j.rand(DataType.FLOAT, 3, 1, 4, 4),
                new double[][] {{0.0, 0.5}, {0.25, 0.5}, {0.75, 1.0}});
        Trajectories labelled = new Trajectories(Nd4j.rand(DataType.FLOAT, 2, 3, 1, 4, 4), List.of("u"), 8,
                Optional.empty(), Optional.of(new dev.nca.api.PhaseLabels(List.of("growing", "stable", "regenerating"),
                new int[][] {{0, 0, 1}, {2, 1, 1}})), 0, 1);

        JsonNode json = new ObjectMapper().readTree(EvaluationReport.toJson(
                new EvaluationReport(e, labelled, new long[] {16}).summary()));

        assertThat(json.get("wrong_fraction").toString()).isEqualTo("[0.25,0.375,0.875]");
        assertThat(json.get("at").get(0).get("wrong_fraction").asDouble()).isEqualTo(0.875);
        JsonNode phases = json.get("phases");
        assertThat(phases.get("growing").get("frames").asInt()).isEqualTo(2);
        assertThat(phases.get("growing").get("mean_error").asDouble()).isEqualTo(2.0);   // (1 + 3) / 2
        assertThat(phases.get("growing").get("end_error").asDouble()).isEqualTo(3.0);
        assertThat(phases.get("growing").get("end_relative_error").asDouble()).isEqualTo(1.5);
        // stable: (0,16)=5, (1,8)=4, (1,16)=6; ends: trajectory 0 at 16 (5), trajectory 1 at 16 (6)
        assertThat(phases.get("stable").get("mean_error").asDouble()).isEqualTo(5.0);
        assertThat(phases.get("stable").get("end_error").asDouble()).isEqualTo(5.5);
        // relative error leaves out the zero data frame (1, 16): (5/2 + 4/2) / 2
        assertThat(phases.get("stable").get("mean_relative_error").asDouble()).isEqualTo(2.25);
        assertThat(phases.get("stable").get("end_wrong_fraction").asDouble()).isEqualTo(0.875);
        assertThat(phases.get("regenerating").get("end_error").asDouble()).isEqualTo(2.0);
        assertThat(phases.get("regenerating").get("mean_wrong_fraction").asDouble()).isEqualTo(0.5);
    }

    @Test
    void writesJsonComparisonAndPlots() throws IOException {
        EvaluationReport report = new EvaluationReport(evaluation(), truth(), new long[] {0, 16});

        EvaluationReport.Output files = report.write(temp.resolve("eval"), Map.of("checkpoint", "x.nca"));

        JsonNode json = new ObjectMapper().readTree(files.json().toFile());
        assertThat(json.get("checkpoint").asText()).isEqualTo("x.nca");
        assertThat(json.get("per_trajectory_error").get(1).toString()).isEqualTo("[0.0,3.0,null]");
        assertThat(json.get("per_trajectory_relative_error").get(0).toString()).isEqualTo("[0.0,0.25,0.5]");
        for (Path png : List.of(files.comparison(), files.errorPlot(), files.relativeErrorPlot())) {
            assertThat(Files.isRegularFile(png)).isTrue();
            assertThat(ImageIO.read(png.toFile())).isNotNull();
        }
    }

    @Test
    void rejectsStepsThatAreNotFrameTimes() {
        assertThatThrownBy(() -> new EvaluationReport(evaluation(), truth(), new long[] {4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 4");
    }
}
