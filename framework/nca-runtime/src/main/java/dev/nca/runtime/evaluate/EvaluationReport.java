package dev.nca.runtime.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nca.api.NcaException;
import dev.nca.api.Trajectories;
import dev.nca.support.io.AtomicFiles;
import dev.nca.render.FrameRenderer;
import dev.nca.render.Images;
import dev.nca.render.LossPlot;
import dev.nca.render.Montage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The results of an {@link Evaluation} as JSON and pictures, with the values at chosen frame times.
 *
 * <p>JSON fields (numbers that are NaN or infinite, e.g. after a diverging rollout, are {@code null}):
 * {@code trajectories} (R), {@code steps} ([T] NCA steps), {@code error} and {@code relative_error}
 * ([T] means over trajectories, see {@link Evaluation}), {@code at} (one object per chosen step with
 * {@code step}, {@code error}, {@code relative_error}); the details add {@code per_trajectory_error} and
 * {@code per_trajectory_relative_error} ([R][T], relative null where the data frame is zero).
 */
public final class EvaluationReport {

    /** The file names {@link #write} uses. */
    public static final String JSON_FILE = "evaluation.json";
    public static final String COMPARISON_FILE = "comparison.png";
    public static final String ERROR_PLOT_FILE = "error.png";
    public static final String RELATIVE_ERROR_PLOT_FILE = "relative-error.png";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The files {@link #write} produced.
     *
     * @param json              {@value #JSON_FILE}: context, summary and per-trajectory errors
     * @param comparison        NCA row over truth row (trajectory 0) at the chosen steps
     * @param errorPlot         mean Euclidean error against step (from the first frame time after 0)
     * @param relativeErrorPlot mean relative error against step (likewise)
     */
    public record Output(Path json, Path comparison, Path errorPlot, Path relativeErrorPlot) {
    }

    private final Evaluation evaluation;
    private final Trajectories truth;
    private final long[] at;

    /**
     * @param evaluation the measured errors
     * @param truth      the data the evaluation used, {@code [R, T, C_obs, S, S]}
     * @param at         the steps to report and picture; each must be a frame time of the evaluation
     * @throws IllegalArgumentException when a step in {@code at} is not a frame time
     */
    public EvaluationReport(Evaluation evaluation, Trajectories truth, long[] at) {
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.truth = Objects.requireNonNull(truth, "truth");
        this.at = at.clone();
        for (long step : at) {
            if (evaluation.indexOf(step) < 0) {
                throw new IllegalArgumentException("step " + step + " is not a frame time of the evaluation");
            }
        }
    }

    /**
     * Default steps to report: {@code count} frame times evenly spaced after step 0, the last included
     * (fewer when there are fewer frame times).
     *
     * @param frameSteps the frame times, {@code 0, t, ..., (T-1) t}
     */
    public static long[] defaultSteps(long[] frameSteps, int count) {
        int last = frameSteps.length - 1;
        if (last == 0) {
            return new long[] {frameSteps[0]};
        }
        int n = Math.min(count, last);
        long[] out = new long[n];
        for (int i = 1; i <= n; i++) {
            out[i - 1] = frameSteps[(int) Math.round(i * last / (double) n)];
        }
        return out;
    }

    /** The summary: trajectories, steps, mean errors and the values at the chosen steps. */
    public Map<String, Object> summary() {
        double[] error = evaluation.meanError();
        double[] relative = evaluation.meanRelativeError();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trajectories", evaluation.trajectories());
        out.put("steps", evaluation.steps());
        out.put("error", numbers(error));
        out.put("relative_error", numbers(relative));
        double[] wrong = evaluation.meanWrong();
        if (wrong != null) {
            out.put("wrong_fraction", numbers(wrong));
        }
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (long step : at) {
            int i = evaluation.indexOf(step);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", step);
            entry.put("error", number(error[i]));
            entry.put("relative_error", number(relative[i]));
            if (wrong != null) {
                entry.put("wrong_fraction", number(wrong[i]));
            }
            chosen.add(entry);
        }
        out.put("at", chosen);
        truth.phases().ifPresent(labels -> out.put("phases", PhaseSummary.of(evaluation, labels)));
        return out;
    }

    /**
     * Writes {@value #JSON_FILE} (the {@code context} entries, then the summary and per-trajectory errors),
     * the comparison picture and the two error plots into {@code folder}.
     *
     * @param folder  the output folder (created if missing)
     * @param context entries to put first in the JSON, e.g. the checkpoint and dataset
     * @return the files written
     * @throws NcaException when a file cannot be written
     */
    public Output write(Path folder, Map<String, Object> context) {
        Map<String, Object> json = new LinkedHashMap<>(context);
        json.putAll(summary());
        double[][] error = evaluation.error();
        double[][] norm = evaluation.truthNorm();
        List<List<Double>> perError = new ArrayList<>();
        List<List<Double>> perRelative = new ArrayList<>();
        for (int r = 0; r < evaluation.trajectories(); r++) {
            List<Double> e = new ArrayList<>();
            List<Double> rel = new ArrayList<>();
            for (int i = 0; i < evaluation.frames(); i++) {
                e.add(number(error[i][r]));
                rel.add(norm[i][r] > 0 ? number(error[i][r] / norm[i][r]) : null);
            }
            perError.add(e);
            perRelative.add(rel);
        }
        json.put("per_trajectory_error", perError);
        json.put("per_trajectory_relative_error", perRelative);
        Output files = new Output(folder.resolve(JSON_FILE), folder.resolve(COMPARISON_FILE),
                folder.resolve(ERROR_PLOT_FILE), folder.resolve(RELATIVE_ERROR_PLOT_FILE));
        writeText(files.json(), toJson(json));
        Images.writePng(comparison(), files.comparison());
        Images.writePng(plot("mean Euclidean error ||x - y||", "error", evaluation.meanError()), files.errorPlot());
        Images.writePng(plot("mean relative error ||x - y|| / ||y||", "relative error",
                evaluation.meanRelativeError()), files.relativeErrorPlot());
        return files;
    }

    /** NCA row over truth row for trajectory 0 at the chosen steps. */
    private BufferedImage comparison() {
        FrameRenderer renderer = Renderers.forData(truth, false);
        List<BufferedImage> model = new ArrayList<>();
        List<BufferedImage> data = new ArrayList<>();
        for (long step : at) {
            int i = evaluation.indexOf(step);
            model.add(renderer.render(evaluation.prediction().get(NDArrayIndex.point(i)).dup('c')));
            data.add(renderer.render(truth.frame(0, i).dup('c')));
        }
        return Montage.comparison(model, data, Montage.stepLabels(at));
    }

    /**
     * A plot of {@code values} against step. Step 0 is left out when there are later frame times: its
     * error is zero by construction and would keep the y axis from being logarithmic.
     */
    private BufferedImage plot(String title, String yLabel, double[] values) {
        int from = values.length > 1 ? 1 : 0;
        double[] x = Arrays.stream(evaluation.steps()).skip(from).asDoubleStream().toArray();
        double[] y = Arrays.copyOfRange(values, from, values.length);
        return LossPlot.builder().title(title).xLabel("NCA step").yLabel(yLabel).series(yLabel, x, y).build()
                .render();
    }

    /** Pretty-printed JSON of a map of JSON-like values. */
    public static String toJson(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evaluation results cannot be written as JSON", e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text + "\n");
        } catch (IOException e) {
            throw new NcaException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<Double> numbers(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(number(v));
        }
        return out;
    }
}
