package dev.nca.plugins.kernels.standard;

import org.pf4j.Extension;

/**
 * Kernel set {@code "average"}: The 3x3 average, 1/9 everywhere (K = 1).
 */
@Extension
public class AverageKernels extends FixedKernelSet {

    public AverageKernels() {
        super("average",
                "The 3x3 average, 1/9 everywhere (K = 1).",
                AVERAGE);
    }
}
