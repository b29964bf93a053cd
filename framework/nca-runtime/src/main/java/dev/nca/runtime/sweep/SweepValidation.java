package dev.nca.runtime.sweep;

import dev.nca.api.NcaException;
import dev.nca.core.engine.EngineCatalog;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.plugin.Extensions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a sweep's points against the plugins before anything runs, as {@code nca check} checks a
 * recipe: every point's recipe resolves (datasets, kernels, losses and schedules exist and accept
 * their parameters), and the evaluation's horizon and reported steps are multiples of every
 * point's explicit frame spacing.
 */
public final class SweepValidation {

    private static final Pattern SWEEP_TABLE = Pattern.compile("(?m)^\\s*\\[\\s*sweep\\s*\\]");

    private SweepValidation() {
    }

    /** Whether a TOML file is a sweep file (it has a {@code [sweep]} table) rather than a recipe. */
    public static boolean isSweepFile(Path file) {
        try {
            return SWEEP_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            return false; // the loader that follows reports the file's problem
        }
    }

    /**
     * @throws NcaException naming the sweep file and point of the first problem
     */
    public static void check(SweepSpec spec, List<SweepPoint> points, Extensions extensions, EngineCatalog engines) {
        for (SweepPoint point : points) {
            String where = spec.source() + " (point " + point.name() + "): ";
            try {
                ExperimentPlan.resolve(point.recipe(), extensions, engines);
            } catch (NcaException e) {
                throw new NcaException(where + e.getMessage(), e);
            }
            if (spec.evaluation().isEmpty() || point.recipe().training().frameSpacing().isEmpty()) {
                continue;
            }
            int spacing = point.recipe().training().frameSpacing().getAsInt();
            EvaluationSpec evaluation = spec.evaluation().get();
            if (evaluation.steps() % spacing != 0) {
                throw new NcaException(where + "[evaluation] steps = " + evaluation.steps()
                        + " is not a multiple of the frame spacing " + spacing);
            }
            for (long step : evaluation.at()) {
                if (step % spacing != 0) {
                    throw new NcaException(where + "[evaluation] at: " + step + " is not a multiple of the frame"
                            + " spacing " + spacing);
                }
            }
        }
    }
}
