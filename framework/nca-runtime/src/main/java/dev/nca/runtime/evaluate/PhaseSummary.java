package dev.nca.runtime.evaluate;

import dev.nca.api.PhaseLabels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors grouped by the data's phase labels (e.g. growing / stable / regenerating in morphogenesis
 * data). For each phase: the mean error and relative error over every (frame, trajectory) labelled
 * with it, and the mean over trajectories of the error at the last frame of that phase: "after
 * growth", "after regeneration", and for the stable phase of a full trajectory "after persistence".
 */
final class PhaseSummary {

    private PhaseSummary() {
    }

    /**
     * @param evaluation errors {@code [T][R]}
     * @param labels     labels {@code [R][T]} of the same data
     * @return phase name to its statistics (phases without frames are left out)
     */
    static Map<String, Object> of(Evaluation evaluation, PhaseLabels labels) {
        double[][] error = evaluation.error();
        double[][] norm = evaluation.truthNorm();
        double[][] wrong = evaluation.wrong();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int phase = 0; phase < labels.names().size(); phase++) {
            Stats all = new Stats();
            Stats end = new Stats();
            for (int r = 0; r < evaluation.trajectories(); r++) {
                int last = -1;
                for (int i = 0; i < evaluation.frames(); i++) {
                    if (labels.label(r, i) == phase) {
                        all.add(error[i][r], norm[i][r], wrong == null ? Double.NaN : wrong[i][r]);
                        last = i;
                    }
                }
                if (last >= 0) {
                    end.add(error[last][r], norm[last][r], wrong == null ? Double.NaN : wrong[last][r]);
                }
            }
            if (all.count > 0) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("frames", all.count);
                entry.put("mean_error", EvaluationReport.number(all.error / all.count));
                entry.put("mean_relative_error", all.relativeMean());
                entry.put("end_error", EvaluationReport.number(end.error / end.count));
                entry.put("end_relative_error", end.relativeMean());
                if (wrong != null) {
                    entry.put("mean_wrong_fraction", EvaluationReport.number(all.wrong / all.count));
                    entry.put("end_wrong_fraction", EvaluationReport.number(end.wrong / end.count));
                }
                out.put(labels.names().get(phase), entry);
            }
        }
        return out;
    }

    private static final class Stats {
        int count;
        double error;
        double relative;
        int relativeCount;
        double wrong;

        void add(double e, double n, double w) {
            count++;
            error += e;
            wrong += w;
            if (n > 0) {
                relative += e / n;
                relativeCount++;
            }
        }

        Double relativeMean() {
            return relativeCount == 0 ? null : EvaluationReport.number(relative / relativeCount);
        }
    }
}
