package dev.nca.plugins.loss.fourier;

import dev.nca.api.Loss;
import dev.nca.support.lattice.Lattices;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss made by {@link FourierLoss}. Per call: the spectra of the N = B C prediction images and
 * the N target images, transformed together (6 matrix products with 2 N S rows or columns), the
 * per-sample distance and its cotangent on the prediction's spectrum (Java loops over float64
 * copies), and, when a gradient is wanted, the adjoint transform of that cotangent (6 products
 * with N S rows or columns). Everything is computed in float64; values and gradient are returned in the
 * prediction's type.
 *
 * <p>Thread-safe: DFT tables are shared per lattice size, buffers come from a
 * {@link WorkspacePool} and are used by one call at a time.
 */
final class SpectralDistance implements Loss {

    private final boolean meanSquare;
    private final boolean complex;
    private final boolean orthonormal;
    private final double epsilon;
    private final Map<Integer, Dft2> transforms = new ConcurrentHashMap<>();
    private final WorkspacePool pool = new WorkspacePool();

    /**
     * @param meanSquare  mean of squared differences instead of their root sum
     * @param complex     compare complex spectra ({@code phase = true}) instead of magnitudes
     * @param orthonormal scale the DFT by {@code 1/S}
     * @param epsilon     magnitude smoothing, {@code |z| -> sqrt(|z|^2 + eps^2)}; 0 for none
     */
    SpectralDistance(boolean meanSquare, boolean complex, boolean orthonormal, double epsilon) {
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
        }
        this.meanSquare = meanSquare;
        this.complex = complex;
        this.orthonormal = orthonormal;
        this.epsilon = epsilon;
    }

    @Override
    public INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut) {
        Lattices.checkPair(prediction, target, gradientOut);
        int samples = Math.toIntExact(prediction.size(0));
        int channels = Math.toIntExact(prediction.size(1));
        int size = Math.toIntExact(prediction.size(2));
        int images = samples * channels;
        Dft2 dft = transforms.computeIfAbsent(size, s -> new Dft2(s, orthonormal));
        Spectra spectra = new Spectra(channels, size, images);
        DftWorkspace both = pool.acquire(2 * images, size);
        try {
            both.load(prediction.reshape(images, size, size), 0);
            both.load(target.reshape(images, size, size), images);
            dft.forward(both);
            spectra.read(both);
        } finally {
            pool.release(both);
        }
        double[] loss = new double[samples];
        boolean wantGradient = gradientOut != null;
        spectra.compare(complex, epsilon, loss, wantGradient);
        for (int b = 0; b < samples; b++) {
            loss[b] = finish(loss[b], channels, size, spectra, b, wantGradient);
        }
        if (wantGradient) {
            DftWorkspace ws = pool.acquire(images, size);
            try {
                spectra.writeCotangent(ws);
                dft.adjoint(ws);
                gradientOut.assign(ws.unload().reshape(prediction.shape()));
            } finally {
                pool.release(ws);
            }
        }
        return Nd4j.create(loss, new long[] {samples}, DataType.DOUBLE).castTo(prediction.dataType());
    }

    /** Turns sample b's sum of squares into its loss and scales its cotangent accordingly. */
    private double finish(double squares, int channels, int size, Spectra spectra, int b, boolean wantGradient) {
        double value;
        double scale;
        if (meanSquare) {
            double count = (double) channels * size * size;
            value = squares / count;
            scale = 2 / count;
        } else {
            value = Math.sqrt(squares);
            // the norm has no derivative at 0 (the minimum): use 0 there
            scale = value > 0 ? 1 / value : 0.0;
        }
        if (wantGradient) {
            spectra.scaleSample(b, scale);
        }
        return value;
    }
}
