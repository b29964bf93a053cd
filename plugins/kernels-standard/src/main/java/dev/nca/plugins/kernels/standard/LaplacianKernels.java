package dev.nca.plugins.kernels.standard;

import org.pf4j.Extension;

/**
 * Kernel set {@code "laplacian"}: The nine-point Laplacian 1/4 [[1,2,1],[2,-12,2],[1,2,1]] (K = 1).
 */
@Extension
public class LaplacianKernels extends FixedKernelSet {

    public LaplacianKernels() {
        super("laplacian",
                "The nine-point Laplacian 1/4 [[1,2,1],[2,-12,2],[1,2,1]] (K = 1).",
                LAPLACIAN);
    }
}
