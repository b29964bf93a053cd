package dev.nca.runtime.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.nca.api.Activation;
import dev.nca.api.Dataset;
import dev.nca.api.KernelSet;
import dev.nca.api.LossFunction;
import dev.nca.api.TrainingSchedule;
import dev.nca.runtime.plugin.ExtensionRegistry;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.plugin.PluginHost;
import dev.nca.runtime.plugin.PluginHostConfig;
import java.util.Objects;

/**
 * Guice bindings for the plugin host: the {@link PluginHost} (started on first use), its
 * {@link Extensions} and one {@code ExtensionRegistry<T>} per extension point, all singletons, so
 * that code can {@code @Inject ExtensionRegistry<Dataset> datasets}.
 *
 * <p>Guice does not close the host: whoever creates the injector closes it when done, e.g.
 * {@code try (PluginHost host = injector.getInstance(PluginHost.class)) { ... }}.
 */
public final class HostModule extends AbstractModule {

    private final PluginHostConfig config;

    /** @param config where to find plugins and the framework version */
    public HostModule(PluginHostConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(PluginHostConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    PluginHost pluginHost(PluginHostConfig hostConfig) {
        return PluginHost.start(hostConfig);
    }

    @Provides
    @Singleton
    Extensions extensions(PluginHost host) {
        return host.extensions();
    }

    @Provides
    @Singleton
    ExtensionRegistry<KernelSet> kernelSets(Extensions extensions) {
        return extensions.kernelSets();
    }

    @Provides
    @Singleton
    ExtensionRegistry<Activation> activations(Extensions extensions) {
        return extensions.activations();
    }

    @Provides
    @Singleton
    ExtensionRegistry<LossFunction> lossFunctions(Extensions extensions) {
        return extensions.lossFunctions();
    }

    @Provides
    @Singleton
    ExtensionRegistry<Dataset> datasets(Extensions extensions) {
        return extensions.datasets();
    }

    @Provides
    @Singleton
    ExtensionRegistry<TrainingSchedule> trainingSchedules(Extensions extensions) {
        return extensions.trainingSchedules();
    }
}
