package dev.nca.bench;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The model shapes the benchmarks run: what {@code nca bench} trains by default (periodic
 * boundary, q = 1, no hidden bias, 2 observable channels), at two sizes.
 */
public enum ModelShape {

    /** Richardson et al. (2024), Gray-Scott: C = 8, K = 2 (identity, Laplacian), H = 32. */
    PAPER(8, 32, List.of("identity", "laplacian")),
    /** A larger model: C = 16, K = 4 (identity, Sobel x, Sobel y, Laplacian), H = 64. */
    LARGE(16, 64, List.of("identity", "sobel-x", "sobel-y", "laplacian"));

    /** Observable channels (only matters for the loss, which no benchmark computes). */
    private static final int OBSERVABLE = 2;

    private final int channels;
    private final int hidden;
    private final List<String> kernelNames;

    ModelShape(int channels, int hidden, List<String> kernelNames) {
        this.channels = channels;
        this.hidden = hidden;
        this.kernelNames = kernelNames;
    }

    /** The shape named {@code name} ("paper" or "large", any case). */
    public static ModelShape parse(String name) {
        for (ModelShape s : values()) {
            if (s.label().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown model shape '" + name + "'; allowed: "
                + Arrays.stream(values()).map(ModelShape::label).toList());
    }

    /** The name used in the {@code shape} benchmark parameter. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** C, channels per cell. */
    public int channels() {
        return channels;
    }

    /** H, hidden units. */
    public int hidden() {
        return hidden;
    }

    /** K, perception kernels. */
    public int kernelCount() {
        return kernelNames.size();
    }

    /** The K fixed 3x3 stencils, with the factors of the paper's eq. 2. */
    public Kernels kernels() {
        double[][][] stencils = kernelNames.stream().map(ModelShape::stencil).toArray(double[][][]::new);
        return Kernels.of(kernelNames, stencils);
    }

    /** The engine configuration of this shape with the given activation. */
    public NcaConfig config(Activation activation) {
        return new NcaConfig(channels, OBSERVABLE, hidden, false, kernels(), activation, Boundary.PERIODIC, 1.0,
                MaskMode.CELL);
    }

    private static double[][] stencil(String name) {
        return switch (name) {
            case "identity" -> new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
            case "sobel-x" -> new double[][] {{0.125, 0.25, 0.125}, {0, 0, 0}, {-0.125, -0.25, -0.125}};
            case "sobel-y" -> new double[][] {{0.125, 0, -0.125}, {0.25, 0, -0.25}, {0.125, 0, -0.125}};
            case "laplacian" -> new double[][] {{0.25, 0.5, 0.25}, {0.5, -3, 0.5}, {0.25, 0.5, 0.25}};
            default -> throw new IllegalStateException("no stencil named '" + name + "'");
        };
    }
}
