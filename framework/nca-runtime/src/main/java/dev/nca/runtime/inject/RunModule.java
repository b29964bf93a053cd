package dev.nca.runtime.inject;

import com.google.inject.AbstractModule;
import dev.nca.runtime.experiment.EnvironmentVariables;
import dev.nca.runtime.experiment.PictureFiles;
import dev.nca.runtime.experiment.PictureWriter;
import dev.nca.runtime.experiment.ProgressReporter;
import dev.nca.runtime.experiment.TrainingProgress;
import java.time.Clock;
import java.util.Map;

/**
 * Guice bindings for training runs and the folders commands write: the {@link Clock} (run and
 * output folder names, metrics times, provenance {@code created}), the environment variables
 * recorded in provenance, the {@link PictureWriter} (loss plot, snapshots, animation; PNG and GIF
 * files) and the {@link TrainingProgress.Factory} (a {@link ProgressReporter} on standard error).
 * {@link dev.nca.runtime.experiment.TrainingRuns}, {@link dev.nca.runtime.experiment.TimestampedFolders}
 * and {@link dev.nca.runtime.sweep.PointRun} need no binding of their own: Guice calls their
 * {@code @Inject} constructors. They also need {@link HostModule}'s extensions and host
 * configuration. Tests swap a binding with
 * {@code Modules.override(...).with(binder -> binder.bind(Clock.class).toInstance(fixed))}.
 */
public final class RunModule extends AbstractModule {

    private final Map<String, String> environment;

    /** @param environment the environment variables runs record (the process's own in the command line) */
    public RunModule(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemDefaultZone());
        bind(EnvironmentVariables.class).toInstance(new EnvironmentVariables(environment));
        bind(PictureWriter.class).to(PictureFiles.class);
        bind(TrainingProgress.Factory.class).toInstance(ProgressReporter::onStandardError);
    }
}
