package dev.nca.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line reads from outside its arguments, gathered in one place so that tests can
 * run the command line in-process with an environment of their choosing.
 *
 * @param variables the environment variables (only {@value #PLUGINS_VARIABLE} is used so far)
 * @param home      the distribution directory (system property {@value #HOME_PROPERTY}, set by
 *                  {@code bin/nca}); empty when run from an IDE or a test, in which case only
 *                  class-path extensions and explicit plugin directories are used
 * @param stderrTerminal whether standard error is a terminal (system property
 *                  {@value #STDERR_TERMINAL_PROPERTY}, set by {@code bin/nca} from {@code [ -t 2 ]};
 *                  false when unknown): progress bars are drawn only then
 */
public record CliEnvironment(Map<String, String> variables, Optional<Path> home, boolean stderrTerminal) {

    /** Environment variable with extra plugin directories, separated by the platform path separator. */
    public static final String PLUGINS_VARIABLE = "NCA_PLUGINS";

    /** System property naming the distribution directory. */
    public static final String HOME_PROPERTY = "nca.home";

    /** System property saying whether standard error is a terminal ({@code true}/{@code false}). */
    public static final String STDERR_TERMINAL_PROPERTY = "nca.stderr.terminal";

    public CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(home, "home");
    }

    /** An environment whose standard error is not a terminal. */
    public CliEnvironment(Map<String, String> variables, Optional<Path> home) {
        this(variables, home, false);
    }

    /**
     * The environment of this process: {@link System#getenv()} and the {@value #HOME_PROPERTY} and
     * {@value #STDERR_TERMINAL_PROPERTY} properties.
     */
    public static CliEnvironment fromSystem() {
        String home = System.getProperty(HOME_PROPERTY);
        return new CliEnvironment(System.getenv(),
                home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home)),
                Boolean.getBoolean(STDERR_TERMINAL_PROPERTY));
    }

    /** No variables and no distribution directory: class-path extensions only. */
    public static CliEnvironment empty() {
        return new CliEnvironment(Map.of(), Optional.empty());
    }

    /** The value of an environment variable, if set and not blank. */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The distribution's {@code plugins/} directory, when running from a distribution. */
    public Optional<Path> distributionPlugins() {
        return home.map(h -> h.resolve("plugins"));
    }
}
