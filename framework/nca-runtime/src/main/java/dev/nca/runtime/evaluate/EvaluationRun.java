package dev.nca.runtime.evaluate;

import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of a trained model as {@code nca evaluate} does it: checks the horizon and the
 * reported steps against the model's frame spacing, generates the ground truth, rolls the NCA
 * along it ({@link Evaluator}) and writes {@link EvaluationReport}'s files into a folder. Shared by
 * {@code nca evaluate} and the points of a sweep.
 *
 * @param steps     horizon in NCA steps, >= 1, a multiple of the frame spacing
 * @param at        steps to report, each a frame time in {@code [0, steps]}; empty for
 *                  {@code defaultCount} evenly spaced steps, the last included
 * @param threshold when present, also the fraction of observable values on the other side of it
 * @param split     which trajectories to compare with
 */
public record EvaluationRun(int steps, long[] at, OptionalDouble threshold, Split split) {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationRun.class);
    /** Reported steps when none are asked for. */
    public static final int DEFAULT_REPORTED_STEPS = 4;

    public EvaluationRun {
        at = at.clone();
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(split, "split");
    }

    /** How a split is written on the command line, in sweep files and in JSON output. */
    public static String splitName(Split split) {
        return split == Split.TRAIN ? "train" : "held-out";
    }

    /**
     * Evaluates and writes the report.
     *
     * @param model      the loaded checkpoint
     * @param checkpoint its file, as named to the user
     * @param folder     where the report goes, asked for once the horizon and the reported steps
     *                   are checked and the rollouts done (it creates the folder, e.g. a new
     *                   timestamped {@code evaluation-*} folder in the model's run folder)
     * @return the JSON summary {@code nca evaluate} prints: context, errors, reported steps, file names
     * @throws NcaException when the horizon or a reported step is not a frame time
     */
    public Map<String, Object> run(CheckpointModel model, Path checkpoint, Supplier<Path> folder) {
        if (steps < 1) {
            throw new NcaException("--steps must be at least 1, got " + steps);
        }
        int spacing = model.frameSpacing();
        if (steps % spacing != 0) {
            throw new NcaException("--steps " + steps + " is not a multiple of the frame spacing " + spacing
                    + " of " + checkpoint + "; use e.g. --steps " + Math.max(spacing, steps / spacing * spacing));
        }
        for (long step : at) {
            if (step < 0 || step > steps || step % spacing != 0) {
                throw new NcaException("--at " + step + " is not a frame time: use multiples of the frame spacing "
                        + spacing + " from 0 to --steps " + steps);
            }
        }
        int frames = steps / spacing + 1;
        String splitName = splitName(split);
        LOG.info("generating {} {} frames per trajectory with dataset \"{}\"", frames, splitName,
                model.plan().dataset().entry().name());
        Trajectories truth = model.generate(split, OptionalInt.of(frames));
        LOG.info("rolling the NCA {} steps on {} {} trajectories", steps, truth.trajectories(), splitName);
        Evaluation evaluation;
        try (NcaEngine engine = model.engine(truth.size())) {
            evaluation = new Evaluator(engine, model.parameters()).evaluate(truth, spacing, model.seed("evaluate"),
                    threshold);
        }
        long[] chosen = at.length == 0 ? EvaluationReport.defaultSteps(evaluation.steps(), DEFAULT_REPORTED_STEPS)
                : at.clone();
        EvaluationReport report = new EvaluationReport(evaluation, truth, chosen);
        Path out = folder.get();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("checkpoint", checkpoint.toString());
        context.put("dataset", model.plan().dataset().entry().name());
        context.put("split", splitName);
        context.put("frame_spacing", spacing);
        context.put("horizon", steps);
        threshold.ifPresent(theta -> context.put("threshold", theta));
        EvaluationReport.Output files = report.write(out, context);
        Map<String, Object> json = new LinkedHashMap<>(context);
        json.putAll(report.summary());
        json.put("out", out.toString());
        json.put("evaluation", files.json().toString());
        json.put("comparison", files.comparison().toString());
        json.put("error_plot", files.errorPlot().toString());
        json.put("relative_error_plot", files.relativeErrorPlot().toString());
        LOG.info("results in {}", out);
        return json;
    }
}
