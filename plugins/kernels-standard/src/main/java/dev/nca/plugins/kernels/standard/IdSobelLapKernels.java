package dev.nca.plugins.kernels.standard;

import org.pf4j.Extension;

/**
 * Kernel set {@code "id-sobel-lap"}: Identity, Sobel x, Sobel y and Laplacian (K = 4); not rotation-symmetric.
 */
@Extension
public class IdSobelLapKernels extends FixedKernelSet {

    public IdSobelLapKernels() {
        super("id-sobel-lap",
                "Identity, Sobel x, Sobel y and Laplacian (K = 4); not rotation-symmetric.",
                IDENTITY, SOBEL_X, SOBEL_Y, LAPLACIAN);
    }
}
