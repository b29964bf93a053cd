package dev.nca.plugins.loss.sliced.wasserstein;

/**
 * Obviously-correct reference for tiny inputs: the squared 2-Wasserstein distance between two
 * uniform empirical distributions of M points on a line, as the minimum over all M! matchings.
 */
final class BruteForce {

    private BruteForce() {
    }

    /** The best matching {@code sigma} (point i of u goes to point sigma[i] of v) and its cost. */
    record Matching(int[] sigma, double cost) {
    }

    static Matching w2(double[] u, double[] v) {
        int[] perm = new int[u.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        Matching[] best = {null};
        permute(perm, 0, u, v, best);
        return best[0];
    }

    private static void permute(int[] perm, int k, double[] u, double[] v, Matching[] best) {
        if (k == perm.length) {
            double cost = 0;
            for (int i = 0; i < perm.length; i++) {
                cost += (u[i] - v[perm[i]]) * (u[i] - v[perm[i]]);
            }
            cost /= perm.length;
            if (best[0] == null || cost < best[0].cost()) {
                best[0] = new Matching(perm.clone(), cost);
            }
            return;
        }
        for (int i = k; i < perm.length; i++) {
            swap(perm, k, i);
            permute(perm, k + 1, u, v, best);
            swap(perm, k, i);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
