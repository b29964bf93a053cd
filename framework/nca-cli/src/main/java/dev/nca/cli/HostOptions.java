package dev.nca.cli;

import com.google.inject.Module;
import dev.nca.api.NcaException;
import dev.nca.runtime.plugin.PluginHostConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where plugins come from, and how a command starts the plugin host.
 *
 * <p>Plugin directories, in search order: every {@code --plugins DIR} (accepted before or after
 * the command name, repeatable), then the entries of {@code NCA_PLUGINS} (separated by the
 * platform path separator, {@code :} on Linux), then the distribution's own {@code plugins/}
 * directory. Directories the user named must exist; a missing distribution {@code plugins/}
 * directory is only warned about by the host. Extensions on the class path (listed in
 * {@code META-INF/extensions.idx}) are always registered.
 *
 * <p>Mixed into {@link NcaCommand} only; subcommands reach it through
 * {@link NcaSubcommand#openHost}.
 */
public final class HostOptions {

    private final CliEnvironment environment;
    private final String frameworkVersion;
    private final List<Module> overrides;
    private final Set<Path> optionDirectories = new LinkedHashSet<>();

    /**
     * @param overrides Guice modules whose bindings replace the host's and the commands' own (tests
     *                  swap an engine or a clock this way); empty in production
     */
    HostOptions(CliEnvironment environment, String frameworkVersion, List<Module> overrides) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.frameworkVersion = Objects.requireNonNull(frameworkVersion, "frameworkVersion");
        this.overrides = List.copyOf(overrides);
    }

    /*
     * A setter that accumulates: picocli calls it with every value of one command level and
     * re-applies the (empty) initial value when it starts parsing a subcommand, so
     * `nca --plugins a plugins --plugins b` must add, never replace.
     */
    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load the plugins in DIR (repeatable); NCA_PLUGINS adds more"
                    + " (separated by '${sys:path.separator}').")
    void pluginDirectories(List<Path> directories) {
        if (directories != null) {
            optionDirectories.addAll(directories);
        }
    }

    /**
     * The plugin directories in search order.
     *
     * @return the directories, duplicates removed
     * @throws NcaException when a directory given with {@code --plugins} or in {@code NCA_PLUGINS}
     *                      does not exist or is not a directory
     */
    public List<Path> pluginRoots() {
        List<Path> roots = new ArrayList<>();
        for (Path dir : optionDirectories) {
            roots.add(requireDirectory(dir, "--plugins " + dir));
        }
        Optional<String> variable = environment.variable(CliEnvironment.PLUGINS_VARIABLE);
        if (variable.isPresent()) {
            for (String entry : variable.get().split(File.pathSeparator, -1)) {
                if (entry.isBlank()) {
                    continue;
                }
                String where = CliEnvironment.PLUGINS_VARIABLE + " entry '" + entry + "'";
                Path dir;
                try {
                    dir = Path.of(entry.strip());
                } catch (InvalidPathException e) {
                    throw new NcaException(where + " is not a valid path: " + e.getReason(), e);
                }
                roots.add(requireDirectory(dir, where));
            }
        }
        environment.distributionPlugins().ifPresent(roots::add);
        return List.copyOf(new LinkedHashSet<>(roots.stream().map(p -> p.toAbsolutePath().normalize()).toList()));
    }

    private static Path requireDirectory(Path dir, String where) {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        if (Files.exists(dir)) {
            throw new NcaException(where + ": not a directory; give the directory that holds plugin jars,"
                    + " not a plugin jar itself");
        }
        Path absolute = dir.toAbsolutePath().normalize();
        throw new NcaException(where + ": no such directory" + (absolute.equals(dir) ? "" : " (" + absolute + ")"));
    }

    /** The host configuration for {@link #pluginRoots()} and this framework version. */
    public PluginHostConfig hostConfig() {
        return new PluginHostConfig(pluginRoots(), frameworkVersion);
    }

    /**
     * Starts the plugin host inside a Guice injector; close the session when done.
     *
     * @param modules further Guice modules for the command (they must not start work eagerly)
     * @return the open session
     * @throws NcaException when a plugin directory is invalid or the plugins cannot be resolved
     */
    public HostSession open(Module... modules) {
        return HostSession.open(hostConfig(), environment, overrides, modules);
    }
}
