package dev.nca.runtime.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated sweep file (see {@link SweepLoader}).
 *
 * @param source     the sweep file as the user named it
 * @param name       the sweep folder's name
 * @param recipe     the base recipe, resolved against the sweep file's folder
 * @param zip        true to combine the axes element by element, false for their Cartesian grid
 * @param axes       the axes, sorted by name
 * @param seeds      the replicate seeds ({@code experiment.seed}); empty for the recipe's own
 * @param fixed      overrides applied to every point ({@code set = ["table.key=value", ...]}), in order
 * @param output     the folder that holds the sweep folder, as written (relative to the working directory)
 * @param evaluation the evaluation after training, if any
 * @param slurm      cluster settings
 */
public record SweepSpec(String source, String name, Path recipe, boolean zip, List<Axis> axes, List<Long> seeds,
                        Map<String, String> fixed, String output, Optional<EvaluationSpec> evaluation,
                        SlurmSettings slurm) {

    public SweepSpec {
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
        fixed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fixed));
    }
}
