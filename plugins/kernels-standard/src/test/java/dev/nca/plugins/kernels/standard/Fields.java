package dev.nca.plugins.kernels.standard;

import dev.nca.api.Kernels;
import java.util.function.IntBinaryOperator;

/** Test helpers: apply a stencil at one cell of a field given as a function of (row, column). */
final class Fields {

    private Fields() {
    }

    /** sum_ab s[a][b] f(i + a - 1, j + b - 1), the Kernels convention, written out independently. */
    static double correlate(double[][] s, IntBinaryOperator f, int i, int j) {
        double sum = 0;
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                sum += s[di + 1][dj + 1] * f.applyAsInt(i + di, j + dj);
            }
        }
        return sum;
    }

    static double[][] only(Kernels k) {
        if (k.count() != 1) {
            throw new AssertionError("expected one stencil, got " + k.count());
        }
        return k.stencil(0);
    }
}
