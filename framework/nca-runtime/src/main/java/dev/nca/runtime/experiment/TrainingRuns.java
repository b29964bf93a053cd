package dev.nca.runtime.experiment;

import com.google.inject.Inject;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.plugin.PluginHostConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Makes {@link TrainingRun}s with the services the injector binds (see
 * {@link dev.nca.runtime.inject.RunModule}): the clock of folder names, metrics and provenance,
 * the run folders, the picture writer and the progress display. Commands and sweeps ask the
 * injector for this factory instead of constructing runs themselves.
 */
public final class TrainingRuns {

    private final String frameworkVersion;
    private final Extensions extensions;
    private final EnvironmentVariables environment;
    private final Clock clock;
    private final TimestampedFolders folders;
    private final PictureWriter pictures;
    private final TrainingProgress.Factory progress;

    /**
     * @param host        the plugin host's configuration (the framework version recorded in provenance)
     * @param extensions  the host's extensions (recorded in provenance)
     * @param environment environment variables recorded in provenance
     * @param clock       time of metrics lines and provenance
     * @param folders     makes new run folders
     * @param pictures    writes the loss plot, snapshots and animation
     * @param progress    makes each run's progress display
     */
    @Inject
    public TrainingRuns(PluginHostConfig host, Extensions extensions, EnvironmentVariables environment, Clock clock,
                        TimestampedFolders folders, PictureWriter pictures, TrainingProgress.Factory progress) {
        this.frameworkVersion = host.frameworkVersion();
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.folders = Objects.requireNonNull(folders, "folders");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * A run into a new timestamped run folder under {@code outputRoot}.
     *
     * @param plan       the resolved recipe
     * @param overrides  the {@code --set} overrides applied to the recipe (recorded in provenance)
     * @param outputRoot folder under which the run folder is created (the recipe's output.directory,
     *                   resolved by the caller)
     * @param resume     where to resume (see {@link ResumePoint}), or {@code null} to start from the
     *                   initialisation
     * @param console    progress bar or log lines, and who to tell about the run folder
     */
    public TrainingRun create(ExperimentPlan plan, Map<String, String> overrides, Path outputRoot, ResumePoint resume,
                              TrainingConsole console) {
        return new TrainingRun(services(overrides), plan, Objects.requireNonNull(outputRoot, "outputRoot"), resume,
                console, null);
    }

    /**
     * A run from the initialisation writing into {@code folder} itself instead of a new timestamped
     * folder (see {@link RunDirectory#exact(Path)}), reporting in log lines; used by sweeps, whose
     * points have fixed folders.
     */
    public TrainingRun inFolder(ExperimentPlan plan, Path folder) {
        return new TrainingRun(services(Map.of()), plan, null, null, TrainingConsole.logLines(),
                Objects.requireNonNull(folder, "folder"));
    }

    private TrainingRun.Services services(Map<String, String> overrides) {
        return new TrainingRun.Services(new Provenance(frameworkVersion, extensions, overrides, environment.values(),
                clock), clock, folders, pictures, progress);
    }
}
