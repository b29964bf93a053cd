package dev.nca.runtime.sweep;

import java.io.IOException;
import java.nio.file.Path;

/** Starts one point of a sweep in a child process ({@code nca sweep point SWEEP NAME --threads T}). */
@FunctionalInterface
public interface PointLauncher {

    /**
     * @param sweep   the sweep folder
     * @param name    the point
     * @param threads training threads of the point
     * @param log     file for the child's standard output and error
     * @return the started process
     */
    Process start(Path sweep, String name, int threads, Path log) throws IOException;
}
