package dev.nca.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.util.Modules;
import dev.nca.api.NcaException;
import dev.nca.core.engine.EngineCatalog;
import dev.nca.runtime.evaluate.OutputFolders;
import dev.nca.runtime.experiment.TimestampedFolders;
import dev.nca.runtime.inject.EngineModule;
import dev.nca.runtime.inject.HostModule;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.plugin.PluginHost;
import dev.nca.runtime.plugin.PluginHostConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A started plugin host and the Guice injector that owns it: {@link HostModule},
 * {@link EngineModule}, {@link CliModule} (which installs {@code RunModule}) and the command's own
 * modules, with the test overrides on top. Commands ask {@link #injector()} for their services.
 * Closing the session stops the plugins; extensions must not be used afterwards. Use one session
 * per command run, from one thread.
 */
public final class HostSession implements AutoCloseable {

    private final Injector injector;
    private final PluginHost host;

    private HostSession(Injector injector, PluginHost host) {
        this.injector = injector;
        this.host = host;
    }

    /**
     * Creates the injector and starts the host.
     *
     * @param config      plugin directories and framework version
     * @param environment the command line's environment (bound by {@link CliModule})
     * @param overrides   modules whose bindings replace those of the others (tests); may be empty
     * @param modules     further modules
     * @return the open session
     * @throws NcaException when the host cannot start (the message says why)
     */
    static HostSession open(PluginHostConfig config, CliEnvironment environment, List<Module> overrides,
                            Module... modules) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(environment, "environment");
        List<Module> all = new ArrayList<>();
        all.add(new HostModule(config));
        all.add(new EngineModule());
        all.add(new CliModule(environment));
        all.addAll(List.of(modules));
        Injector injector = Guice.createInjector(Modules.override(all).with(overrides));
        PluginHost host;
        try {
            host = injector.getInstance(PluginHost.class);
        } catch (ProvisionException e) {
            // Guice wraps what PluginHost.start throws; a user error keeps its own message
            if (e.getCause() instanceof NcaException user) {
                throw user;
            }
            throw e;
        }
        return new HostSession(injector, host);
    }

    /** The injector: {@code ExtensionRegistry<T>}, {@link Extensions} and the command's bindings. */
    public Injector injector() {
        return injector;
    }

    /** The running plugin host. */
    public PluginHost host() {
        return host;
    }

    /** The compute engines this host offers (bound by {@link EngineModule}). */
    public EngineCatalog engines() {
        return injector.getInstance(EngineCatalog.class);
    }

    /**
     * The folder a command writes into: the one named by {@code --out} (created when missing), else a
     * new {@code <parent>/<prefix>-<yyyyMMdd-HHmmss>} folder stamped by the bound clock.
     *
     * @param out    the {@code --out} folder, or null
     * @param parent where the timestamped folder goes, e.g. the checkpoint's run folder
     * @param prefix its name before the time stamp, e.g. {@code "simulate"}
     */
    public Path outputFolder(Path out, Path parent, String prefix) {
        return out != null ? OutputFolders.given(out, "--out")
                : injector.getInstance(TimestampedFolders.class).create(parent, prefix);
    }

    /** Shortcut for {@code host().extensions()}. */
    public Extensions extensions() {
        return host.extensions();
    }

    /** Stops and unloads the plugins. Safe to call more than once. */
    @Override
    public void close() {
        host.close();
    }
}
