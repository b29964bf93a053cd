package dev.nca.plugins.kernels.standard;

import org.pf4j.Extension;

/**
 * Kernel set {@code "id-lap-avg"}: Identity, Laplacian and average (K = 3); rotation-symmetric.
 */
@Extension
public class IdLapAvgKernels extends FixedKernelSet {

    public IdLapAvgKernels() {
        super("id-lap-avg",
                "Identity, Laplacian and average (K = 3); rotation-symmetric.",
                IDENTITY, LAPLACIAN, AVERAGE);
    }
}
