package dev.nca.plugins.kernels.standard;

import org.pf4j.Extension;

/**
 * Kernel set {@code "sobel-x"}: The Sobel gradient_x stencil 1/8 [[1,2,1],[0,0,0],[-1,-2,-1]] (K = 1).
 */
@Extension
public class SobelXKernels extends FixedKernelSet {

    public SobelXKernels() {
        super("sobel-x",
                "The Sobel gradient_x stencil 1/8 [[1,2,1],[0,0,0],[-1,-2,-1]] (K = 1).",
                SOBEL_X);
    }
}
