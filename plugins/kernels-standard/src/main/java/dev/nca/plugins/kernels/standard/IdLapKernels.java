package dev.nca.plugins.kernels.standard;

import org.pf4j.Extension;

/**
 * Kernel set {@code "id-lap"}: Identity and Laplacian (K = 2), the paper's choice for Gray-Scott; rotation-symmetric.
 */
@Extension
public class IdLapKernels extends FixedKernelSet {

    public IdLapKernels() {
        super("id-lap",
                "Identity and Laplacian (K = 2), the paper's choice for Gray-Scott; rotation-symmetric.",
                IDENTITY, LAPLACIAN);
    }
}
