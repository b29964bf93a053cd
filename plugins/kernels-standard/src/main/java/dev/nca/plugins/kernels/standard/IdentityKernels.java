package dev.nca.plugins.kernels.standard;

import org.pf4j.Extension;

/**
 * Kernel set {@code "identity"}: The identity stencil alone (K = 1).
 */
@Extension
public class IdentityKernels extends FixedKernelSet {

    public IdentityKernels() {
        super("identity",
                "The identity stencil alone (K = 1).",
                IDENTITY);
    }
}
