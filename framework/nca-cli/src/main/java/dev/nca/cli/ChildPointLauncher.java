package dev.nca.cli;

import com.google.inject.Inject;
import dev.nca.runtime.plugin.PluginHostConfig;
import dev.nca.runtime.sweep.PointLauncher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code nca sweep point} in a child JVM like this one: the same Java, JVM options and
 * class path, the same plugin directories. The child watches this process and stops when it dies,
 * so a killed {@code nca sweep run} leaves no orphan training.
 */
final class ChildPointLauncher implements PointLauncher {

    private final List<Path> pluginRoots;

    /** @param host the host's configuration: the child loads plugins from the same directories */
    @Inject
    ChildPointLauncher(PluginHostConfig host) {
        this.pluginRoots = List.copyOf(host.roots());
    }

    @Override
    public Process start(Path sweep, String name, int threads, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        for (Path root : pluginRoots) {
            command.add("--plugins");
            command.add(root.toString());
        }
        command.addAll(List.of("sweep", "point", sweep.toString(), name, "--threads", Integer.toString(threads),
                "--watch-parent", Long.toString(ProcessHandle.current().pid())));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
