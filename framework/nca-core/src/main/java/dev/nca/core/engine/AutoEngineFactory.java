package dev.nca.core.engine;

import dev.nca.core.model.NcaConfig;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The engine {@code "auto"} stands for: per model, the first engine of a preference list that
 * {@linkplain EngineFactory#supports supports} the model's config and data type. The engines it
 * makes carry their own name ({@link NcaEngine#name()}), so provenance records the engine that ran.
 */
public final class AutoEngineFactory implements EngineFactory {

    private final List<EngineFactory> preference;

    /** @param preference engines in order of preference; the last one must support every config */
    public AutoEngineFactory(List<EngineFactory> preference) {
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("auto needs at least one engine");
        }
        this.preference = List.copyOf(preference);
    }

    @Override
    public String name() {
        return EngineCatalog.AUTO;
    }

    @Override
    public String description() {
        return "the first of " + String.join(", ", preference.stream().map(EngineFactory::name).toList())
                + " that runs the model";
    }

    /** The factory this picks for {@code config} in {@code dtype}. */
    public EngineFactory choose(NcaConfig config, DataType dtype) {
        for (EngineFactory f : preference) {
            if (f.supports(config, dtype)) {
                return f;
            }
        }
        return preference.get(preference.size() - 1);
    }

    @Override
    public NcaEngine create(NcaConfig config, int size, DataType dtype) {
        return choose(config, dtype).create(config, size, dtype);
    }

    @Override
    public String toString() {
        return name();
    }
}
