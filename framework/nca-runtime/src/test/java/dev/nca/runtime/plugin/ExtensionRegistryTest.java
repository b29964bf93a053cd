package dev.nca.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.NcaException;
import dev.nca.api.Params;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionRegistryTest {

    private record FakeKernels(String name) implements KernelSet {
        @Override
        public String description() {
            return "fake " + name;
        }

        @Override
        public Kernels kernels(Params params) {
            return new Kernels(List.of("identity"), new double[][][] {{{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}}, true);
        }
    }

    private static ExtensionEntry<KernelSet> entry(String name, String plugin) {
        return new ExtensionEntry<>(name, new FakeKernels(name), ExtensionKind.KERNEL_SET, plugin, "1.0");
    }

    @Test
    void unknownNameMessageNamesWhereTheNameAndTheAvailableOnes() {
        ExtensionRegistry<KernelSet> registry = ExtensionRegistry.of(ExtensionKind.KERNEL_SET,
                List.of(entry("id-sobel-lap", "k"), entry("id-lap", "k"), entry("id-lap-avg", "k")), p -> {
                    throw new AssertionError(p.toString());
                });
        assertThat(registry.names()).containsExactly("id-lap", "id-lap-avg", "id-sobel-lap");
        assertThatThrownBy(() -> registry.lookup("id-lpa", "recipe.toml [model] kernels"))
                .isInstanceOf(NcaException.class)
                .hasMessage("recipe.toml [model] kernels: no kernel set named \"id-lpa\" (did you mean \"id-lap\"?);"
                        + " available: id-lap, id-lap-avg, id-sobel-lap");
        assertThatThrownBy(() -> registry.lookup("gaussian", "r.toml [model] kernels"))
                .hasMessage("r.toml [model] kernels: no kernel set named \"gaussian\";"
                        + " available: id-lap, id-lap-avg, id-sobel-lap");
    }

    @Test
    void emptyRegistrySaysNoPluginProvidesThePoint() {
        ExtensionRegistry<KernelSet> registry = ExtensionRegistry.of(ExtensionKind.KERNEL_SET, List.of(), p -> { });
        assertThatThrownBy(() -> registry.lookup("id-lap", "x.toml [model] kernels"))
                .hasMessageContaining("available: none (no loaded plugin provides a kernel set");
    }

    @Test
    void duplicateAndInvalidNamesAreReportedAndExcluded() {
        List<PluginProblem> problems = new ArrayList<>();
        ExtensionRegistry<KernelSet> registry = ExtensionRegistry.of(ExtensionKind.KERNEL_SET,
                List.of(entry("lap", "one"), entry("lap", "two"), entry("avg", "one"), entry("Lap", "three"),
                        entry("lap-", "three"), entry("a--b", "three")), problems::add);
        assertThat(registry.names()).containsExactly("avg");
        assertThat(registry.conflictingNames()).containsExactly("lap");
        assertThat(problems).extracting(PluginProblem::subject).containsExactly("three", "three", "three", "one, two");
        assertThat(registry.find("lap")).isEmpty();
        assertThat(registry.find("avg")).get().extracting(ExtensionEntry::pluginId).isEqualTo("one");
        assertThatThrownBy(() -> registry.entry("lap", "w"))
                .hasMessageContaining("claimed by plugin one 1.0").hasMessageContaining("and plugin two 1.0");
    }

    @Test
    void rejectsEntriesOfAnotherPoint() {
        ExtensionEntry<KernelSet> wrong = new ExtensionEntry<>("x", new FakeKernels("x"),
                new ExtensionKind<>(KernelSet.class, "other"), "p", "1");
        assertThatThrownBy(() -> ExtensionRegistry.of(ExtensionKind.KERNEL_SET, List.of(wrong), p -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
