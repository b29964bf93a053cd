package dev.nca.core.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Measures the backend's float32 matrix-multiply throughput on square matrices. */
public final class MatmulPeak {

    private MatmulPeak() {
    }

    /**
     * Best GFLOP/s of {@code repeats} multiplications of two {@code n x n} float32 matrices into a
     * reused output (after one warm-up).
     */
    public static double measure(int n, int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, 2.0 * n * n * (double) n / s / 1e9);
        }
        return best;
    }
}
