package dev.nca.plugins.loss.fourier;

/**
 * Float64 copies of the spectra of one call, the per-frequency differences and the cotangent on
 * the prediction's spectrum. The spectra are transformed together as 2N images (prediction
 * images {@code n = b C + c} first, then the target's at {@code N + n}); in the layout of
 * {@link Dft2} frequency {@code (k1, k2)} of combined image m is entry {@code (k1 2N + m) S + k2}.
 * The cotangent covers the N prediction images only: entry {@code (k1 N + n) S + k2}.
 */
final class Spectra {

    private final int channels;
    private final int size;
    private final int images;
    private double[] re;
    private double[] im;
    private double[] gradRe;
    private double[] gradIm;

    Spectra(int channels, int size, int images) {
        this.channels = channels;
        this.size = size;
        this.images = images;
    }

    /** Reads the spectra of the 2N combined images. */
    void read(DftWorkspace ws) {
        re = ws.re().data().asDouble();
        im = ws.im().data().asDouble();
    }

    /**
     * Adds each sample's sum over channels and frequencies of the squared difference to
     * {@code squares[b]}; with {@code wantGradient} stores the unscaled cotangent
     * {@code d(D^2/2)/dX} per frequency (D the difference).
     *
     * @param complex compare {@code X - Y} (complex) instead of {@code m(X) - m(Y)}
     * @param epsilon magnitude smoothing {@code m(z) = sqrt(|z|^2 + eps^2)}
     */
    void compare(boolean complex, double epsilon, double[] squares, boolean wantGradient) {
        if (wantGradient) {
            gradRe = new double[re.length / 2];
            gradIm = new double[re.length / 2];
        }
        double eps2 = epsilon * epsilon;
        for (int k1 = 0; k1 < size; k1++) {
            for (int n = 0; n < images; n++) {
                int sample = n / channels;
                int predRow = (k1 * 2 * images + n) * size;
                int targetRow = predRow + images * size;
                int gradRow = (k1 * images + n) * size;
                double sum = 0;
                for (int k2 = 0; k2 < size; k2++) {
                    double xr = re[predRow + k2];
                    double xi = im[predRow + k2];
                    double yr = re[targetRow + k2];
                    double yi = im[targetRow + k2];
                    if (complex) {
                        double dr = xr - yr;
                        double di = xi - yi;
                        sum += dr * dr + di * di;
                        if (wantGradient) {
                            gradRe[gradRow + k2] = dr;
                            gradIm[gradRow + k2] = di;
                        }
                    } else {
                        double mx = Math.sqrt(xr * xr + xi * xi + eps2);
                        double d = mx - Math.sqrt(yr * yr + yi * yi + eps2);
                        sum += d * d;
                        if (wantGradient && mx > 0) {
                            // d m(X) / d(Re X, Im X) = (Re X, Im X) / m(X); 0 where m(X) = 0 (eps = 0, X = 0)
                            gradRe[gradRow + k2] = d * xr / mx;
                            gradIm[gradRow + k2] = d * xi / mx;
                        }
                    }
                }
                squares[sample] += sum;
            }
        }
    }

    /** Multiplies sample b's cotangent by {@code scale}. */
    void scaleSample(int b, double scale) {
        for (int k1 = 0; k1 < size; k1++) {
            for (int c = 0; c < channels; c++) {
                int row = (k1 * images + b * channels + c) * size;
                for (int k2 = 0; k2 < size; k2++) {
                    gradRe[row + k2] *= scale;
                    gradIm[row + k2] *= scale;
                }
            }
        }
    }

    /**
     * Writes the cotangent into the spectrum buffers of a workspace for N images, for
     * {@link Dft2#adjoint}.
     */
    void writeCotangent(DftWorkspace ws) {
        ws.re().data().setData(gradRe);
        ws.im().data().setData(gradIm);
    }
}
