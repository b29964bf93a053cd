package dev.nca.runtime.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.nca.core.engine.EngineCatalog;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.StencilGemmEngine;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.engine.fused.FusedEngine;
import dev.nca.core.engine.fused.FusedEngineFactory;
import dev.nca.core.engine.reference.Nd4jReferenceEngineFactory;
import java.util.List;

/**
 * Guice bindings for the compute engines: the {@link EngineCatalog} of every engine this host
 * offers (recipes and {@code --engine} select from it by name) and, as {@link EngineFactory},
 * its default. {@code "auto"} runs the fused engine where it supports the model (float32, no
 * alive masking, an activation with float arrays) and the stencil + GEMM engine otherwise (the
 * quickstart trained by either over eight seeds: docs/reproductions.md). Tests and other builds swap
 * engines by overriding this module, e.g.
 * {@code Modules.override(new EngineModule()).with(myEngines)}.
 */
public final class EngineModule extends AbstractModule {

    @Provides
    @Singleton
    EngineCatalog engineCatalog() {
        return new EngineCatalog(List.of(new StencilGemmEngineFactory(), new FusedEngineFactory(),
                new Nd4jReferenceEngineFactory()), List.of(FusedEngine.NAME, StencilGemmEngine.NAME));
    }

    @Provides
    EngineFactory defaultEngine(EngineCatalog catalog) {
        return catalog.defaultFactory();
    }
}
