package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.sweep.PointExpander;
import dev.nca.runtime.sweep.SweepLoader;
import dev.nca.runtime.sweep.SweepPoint;
import dev.nca.runtime.sweep.SweepSpec;
import dev.nca.runtime.sweep.SweepValidation;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nca check RECIPE... [--set TABLE.KEY=VALUE]...}: reads recipes (with the overrides
 * applied; sweep files too, every point) and validates them against the loaded plugins without
 * generating data or training. Prints one JSON array (one entry per recipe, in order); every
 * problem also goes to standard error as {@code nca: <message>}; exit status 2 if any recipe is
 * invalid.
 */
@Command(name = "check",
        description = {"Validate recipes without training: the TOML, every section's keys and values, and every"
                + " extension's name and parameters against the loaded plugins. Checks that need the data (e.g."
                + " a schedule's max_steps against the number of frames) run when training starts. A sweep file"
                + " (a file with a [sweep] table) is checked point by point."})
final class CheckCommand extends NcaSubcommand {

    @Parameters(arity = "1..*", paramLabel = "RECIPE", description = "Recipe files (TOML).")
    private List<Path> recipes = new ArrayList<>();

    @Option(names = "--set", paramLabel = "TABLE.KEY=VALUE",
            description = "Override a recipe value as nca train --set would, e.g. --set training.epochs=10"
                    + " (repeatable; applied to every RECIPE).")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    protected int run() throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        boolean allValid = true;
        try (HostSession session = openHost()) {
            for (Path file : recipes) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("recipe", file.toString());
                try {
                    if (SweepValidation.isSweepFile(file)) {
                        if (!overrides.isEmpty()) {
                            throw new NcaException(file + " is a sweep file; --set applies to recipes (put fixed"
                                    + " overrides in the sweep file's set = [...])");
                        }
                        SweepSpec sweep = SweepLoader.load(file);
                        List<SweepPoint> points = PointExpander.expand(sweep);
                        SweepValidation.check(sweep, points, session.extensions(), session.engines());
                        entry.put("valid", true);
                        entry.put("sweep", sweep.name());
                        entry.put("points", points.size());
                        results.add(entry);
                        continue;
                    }
                    Recipe recipe = RecipeLoader.load(file, overrides);
                    ExperimentPlan plan = ExperimentPlan.resolve(recipe, session.extensions(), session.engines());
                    entry.put("valid", true);
                    entry.put("experiment", recipe.experiment().name());
                    entry.put("dataset", plan.dataset().entry().name());
                    entry.put("schedule", plan.schedule().entry().name());
                    entry.put("engine", plan.engine().name());
                } catch (NcaException e) {
                    allValid = false;
                    entry.put("valid", false);
                    entry.put("error", e.getMessage());
                    err().println("nca: " + e.getMessage());
                }
                results.add(entry);
            }
        }
        out().println(new ObjectMapper().writeValueAsString(results));
        out().flush();
        err().flush();
        return allValid ? 0 : ErrorHandler.USER_ERROR;
    }
}
