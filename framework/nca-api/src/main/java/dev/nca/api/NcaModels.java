package dev.nca.api;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Host service that runs trained NCA for extensions which generate data with one, e.g. a dataset
 * that records a teacher NCA growing, persisting and regenerating. Reached through
 * {@link DataRequest#models()}.
 */
public interface NcaModels {

    /**
     * Loads a checkpoint written by {@code nca train}.
     *
     * @param checkpoint the checkpoint file
     * @return the model, running in the checkpoint's data type
     * @throws NcaException naming the file when it is missing, corrupt, or names an activation no
     *                      installed plugin provides
     */
    NcaModel load(Path checkpoint);

    /**
     * Loads a checkpoint from a stream, e.g. a resource shipped inside a plugin jar.
     *
     * @param checkpoint the checkpoint's bytes; read fully, not closed
     * @param name       what to call it in messages
     * @throws NcaException naming {@code name} when the bytes are not a valid checkpoint
     */
    NcaModel load(InputStream checkpoint, String name);

    /** A service that cannot load anything, for contexts without a host (its messages say so). */
    static NcaModels unavailable() {
        return new NcaModels() {
            @Override
            public NcaModel load(Path checkpoint) {
                throw new NcaException("cannot load NCA checkpoint " + checkpoint + ": no model service in this context");
            }

            @Override
            public NcaModel load(InputStream checkpoint, String name) {
                throw new NcaException("cannot load NCA checkpoint " + name + ": no model service in this context");
            }
        };
    }
}
