package dev.nca.plugins.kernels.standard;

import org.pf4j.Extension;

/**
 * Kernel set {@code "sobel-y"}: The Sobel gradient_y stencil 1/8 [[1,0,-1],[2,0,-2],[1,0,-1]] (K = 1).
 */
@Extension
public class SobelYKernels extends FixedKernelSet {

    public SobelYKernels() {
        super("sobel-y",
                "The Sobel gradient_y stencil 1/8 [[1,0,-1],[2,0,-2],[1,0,-1]] (K = 1).",
                SOBEL_Y);
    }
}
