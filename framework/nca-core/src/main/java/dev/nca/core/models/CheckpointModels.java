package dev.nca.core.models;

import dev.nca.api.Activation;
import dev.nca.api.NcaException;
import dev.nca.api.NcaModel;
import dev.nca.api.NcaModels;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.model.NcaConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Loads checkpoints written by training and runs them with the engine. The activation a
 * checkpoint names is looked up through the function given (the host's activation registry).
 */
public final class CheckpointModels implements NcaModels {

    private final BiFunction<String, String, Activation> activations;
    private final EngineFactory engines;

    /**
     * @param activations looks an activation up by name; the second argument says where the name
     *                    came from (for its error message); throws NcaException if unknown
     * @param engines     makes the engines the loaded models run on
     */
    public CheckpointModels(BiFunction<String, String, Activation> activations, EngineFactory engines) {
        this.activations = Objects.requireNonNull(activations, "activations");
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    @Override
    public NcaModel load(Path checkpoint) {
        return model(CheckpointIO.read(checkpoint), checkpoint.toString());
    }

    @Override
    public NcaModel load(InputStream checkpoint, String name) {
        Path temp = null;
        try {
            temp = Files.createTempFile("nca-model-", ".nca");
            Files.copy(checkpoint, temp, StandardCopyOption.REPLACE_EXISTING);
            Checkpoint read;
            try {
                read = CheckpointIO.read(temp);
            } catch (NcaException e) {
                throw new NcaException(e.getMessage().replace(temp.toString(), name), e);
            }
            return model(read, name);
        } catch (IOException e) {
            throw new NcaException("cannot read NCA checkpoint " + name + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp, name);
        }
    }

    private NcaModel model(Checkpoint checkpoint, String name) {
        Activation activation = activations.apply(checkpoint.spec().activation(), name + " (model activation)");
        NcaConfig config = checkpoint.spec().toConfig(activation);
        return new EngineModel(engines, config, checkpoint.toParameters(config), checkpoint.dataType());
    }

    private static void deleteQuietly(Path temp, String name) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary copy of " + name + ": " + temp, e);
        }
    }
}
