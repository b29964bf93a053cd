package dev.nca.runtime.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nca.core.model.NcaConfig;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.plugin.PluginInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run came from: framework version, the plugin and version behind every extension the
 * recipe uses, all loaded plugins, backend, JVM and OS, seed, the recipe file and, when known,
 * the git commit (environment variable {@code NCA_GIT_COMMIT}), the {@code --set} overrides and,
 * under Slurm, the job and array ids.
 */
public final class Provenance {

    /** Slurm's variables recorded when set: job, array job and array task ids. */
    private static final List<String> SLURM_VARIABLES = List.of("SLURM_JOB_ID", "SLURM_ARRAY_JOB_ID",
            "SLURM_ARRAY_TASK_ID");

    private final String frameworkVersion;
    private final Extensions extensions;
    private final Map<String, String> overrides;
    private final Map<String, String> environment;
    private final Clock clock;

    /**
     * @param overrides   the {@code --set} overrides applied to the recipe, in the order given
     * @param environment the environment variables (the Slurm ids and the git commit are read from it)
     * @param clock       when the record is {@code created}
     */
    public Provenance(String frameworkVersion, Extensions extensions, Map<String, String> overrides,
                      Map<String, String> environment, Clock clock) {
        this.frameworkVersion = frameworkVersion;
        this.extensions = extensions;
        this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        this.environment = Map.copyOf(environment);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The provenance record of a run of {@code plan} with model {@code config}. */
    public Map<String, Object> describe(ExperimentPlan plan, NcaConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("framework", "nca " + frameworkVersion);
        out.put("created", clock.instant().toString());
        out.put("recipe_file", plan.recipe().source());
        out.put("seed", plan.recipe().experiment().seed());
        out.put("dtype", plan.recipe().experiment().dtype());
        out.put("extensions", plan.extensionOrigins());
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (PluginInfo p : extensions.plugins()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("version", p.version());
            m.put("provider", p.provider());
            m.put("state", p.state());
            plugins.add(m);
        }
        out.put("plugins", plugins);
        out.put("parameters", config.parameterCount());
        out.put("backend", BackendInfo.describe());
        out.put("overrides", overrides);
        Map<String, String> slurm = new LinkedHashMap<>();
        for (String variable : SLURM_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                slurm.put(variable.substring("SLURM_".length()).toLowerCase(java.util.Locale.ROOT), value);
            }
        }
        if (!slurm.isEmpty()) {
            out.put("slurm", slurm);
        }
        String commit = environment.get("NCA_GIT_COMMIT");
        out.put("git_commit", commit == null || commit.isBlank() ? "unknown" : commit);
        return out;
    }

    /** Pretty JSON of a provenance record. */
    public static String toJson(Map<String, Object> record) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(record) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provenance is not serialisable: " + e.getMessage(), e);
        }
    }
}
