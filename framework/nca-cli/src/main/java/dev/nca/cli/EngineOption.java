package dev.nca.cli;

import dev.nca.core.engine.EngineCatalog;
import dev.nca.core.engine.EngineFactory;
import picocli.CommandLine.Option;

/** {@code --engine NAME}: which compute engine runs a command's rollouts (mixin). */
final class EngineOption {

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = EngineCatalog.AUTO,
            description = "Compute engine: fused, stencil-gemm, nd4j-reference, or auto (the default engine);"
                    + " results agree up to floating-point rounding.")
    private String name = EngineCatalog.AUTO;

    /** The engine asked for, or the catalog's default for "auto". */
    EngineFactory choose(EngineCatalog engines) {
        return engines.get(name, "--engine");
    }

    /** The name as given ("auto" when not given). */
    String name() {
        return name;
    }
}
