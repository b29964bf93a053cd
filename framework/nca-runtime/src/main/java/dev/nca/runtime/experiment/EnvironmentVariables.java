package dev.nca.runtime.experiment;

import java.util.Map;

/**
 * The environment variables a run records in its provenance (Slurm ids, {@code NCA_GIT_COMMIT}):
 * the process's own in the command line, bound by {@link dev.nca.runtime.inject.RunModule}.
 *
 * @param values variable names to values
 */
public record EnvironmentVariables(Map<String, String> values) {

    public EnvironmentVariables {
        values = Map.copyOf(values);
    }
}
