package dev.nca.cli;

import com.google.inject.AbstractModule;
import dev.nca.runtime.inject.RunModule;
import dev.nca.runtime.sweep.PointLauncher;
import java.util.Objects;

/**
 * Guice bindings of the command line: its {@link CliEnvironment}, the {@link RunModule} with the
 * process's environment variables, and the {@link PointLauncher} of {@code nca sweep run}
 * ({@link ChildPointLauncher}: a child JVM per point, with the host's plugin directories).
 */
final class CliModule extends AbstractModule {

    private final CliEnvironment environment;

    CliModule(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    protected void configure() {
        bind(CliEnvironment.class).toInstance(environment);
        install(new RunModule(environment.variables()));
        bind(PointLauncher.class).to(ChildPointLauncher.class);
    }
}
