package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the command tests that run {@code nca} in-process on the plugin of {@link EvalTestPlugin}:
 * the plugin jar is built once per test class, every command gets {@code --plugins} for it, and
 * each test has its own {@link #temp} folder.
 */
abstract class EvalPluginCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static Path plugins;

    @TempDir
    Path temp;

    @BeforeAll
    static void buildPlugin() throws IOException, URISyntaxException {
        plugins = Files.createDirectory(shared.resolve("plugins"));
        EvalTestPlugin.build(plugins);
    }

    /** Runs {@code nca --plugins <test plugin> ARGS...} in-process. */
    static CliRun nca(String... args) {
        return nca(CliEnvironment.empty(), java.util.List.of(), args);
    }

    /** Runs {@code nca --plugins <test plugin> ARGS...} in-process with the given environment. */
    static CliRun nca(CliEnvironment environment, String... args) {
        return nca(environment, java.util.List.of(), args);
    }

    /** The same, with Guice modules that override the bindings of the command's injector. */
    static CliRun nca(java.util.List<com.google.inject.Module> overrides, String... args) {
        return nca(CliEnvironment.empty(), overrides, args);
    }

    private static CliRun nca(CliEnvironment environment, java.util.List<com.google.inject.Module> overrides,
                              String... args) {
        String[] all = Stream.concat(Stream.of("--plugins", plugins.toString()), Stream.of(args))
                .toArray(String[]::new);
        return CliRun.run(Main.commandLine(environment, overrides), all);
    }
}
