package dev.nca.runtime.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.nca.api.Activation;
import dev.nca.api.Dataset;
import dev.nca.api.KernelSet;
import dev.nca.api.LossFunction;
import dev.nca.api.TrainingSchedule;
import dev.nca.runtime.plugin.ExtensionEntry;
import dev.nca.runtime.plugin.ExtensionRegistry;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.plugin.PluginHost;
import dev.nca.runtime.plugin.PluginHostConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

class HostModuleTest {

    /** A consumer of the registries, as the experiment code would be. */
    static final class NeedsRegistries {
        final ExtensionRegistry<KernelSet> kernels;
        final ExtensionRegistry<Dataset> datasets;

        @Inject
        NeedsRegistries(ExtensionRegistry<KernelSet> kernels, ExtensionRegistry<Dataset> datasets) {
            this.kernels = kernels;
            this.datasets = datasets;
        }
    }

    @Test
    void injectorResolvesRegistriesAndFindsClasspathExtension() {
        Injector injector = Guice.createInjector(new HostModule(PluginHostConfig.classpathOnly("0.1.0")));
        try (PluginHost host = injector.getInstance(PluginHost.class)) {
            NeedsRegistries consumer = injector.getInstance(NeedsRegistries.class);
            ExtensionEntry<KernelSet> entry = consumer.kernels.entry("test-id-lap", "test");
            assertThat(entry.extension().getClass().getName()).isEqualTo("dev.nca.runtime.testext.TestLaplacianKernels");
            assertThat(entry.pluginId()).isEqualTo(ExtensionEntry.BUILT_IN);
            assertThat(consumer.datasets.names()).isEmpty();

            Extensions extensions = injector.getInstance(Extensions.class);
            assertThat(extensions).isSameAs(host.extensions());
            assertThat(injector.getInstance(PluginHost.class)).isSameAs(host);
            assertThat(consumer.kernels).isSameAs(extensions.kernelSets());
            assertThat(injector.getInstance(Key.get(new TypeLiteral<ExtensionRegistry<Activation>>() { })))
                    .isSameAs(extensions.activations());
            assertThat(injector.getInstance(Key.get(new TypeLiteral<ExtensionRegistry<LossFunction>>() { })))
                    .isSameAs(extensions.lossFunctions());
            assertThat(injector.getInstance(Key.get(new TypeLiteral<ExtensionRegistry<TrainingSchedule>>() { })))
                    .isSameAs(extensions.trainingSchedules());
        }
    }
}
