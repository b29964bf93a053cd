package dev.nca.runtime.analysis;

import java.util.SplittableRandom;

/** Hand-made point clouds for the clustering tests: well separated blobs of known membership. */
final class Blobs {

    /** Blob centres in the plane, far apart compared with the blob radius 0.5. */
    static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}};

    final double[][] points;
    final int[] truth;

    private Blobs(double[][] points, int[] truth) {
        this.points = points;
        this.truth = truth;
    }

    /**
     * {@code perBlob} points around each of the first {@code blobs} centres, blobs interleaved
     * (point i belongs to blob i % blobs), offsets uniform in [-0.5, 0.5)^2.
     */
    static Blobs of(int blobs, int perBlob, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[blobs * perBlob][];
        int[] truth = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            int blob = i % blobs;
            points[i] = new double[] {CENTRES[blob][0] + random.nextDouble() - 0.5,
                CENTRES[blob][1] + random.nextDouble() - 0.5};
            truth[i] = blob;
        }
        return new Blobs(points, truth);
    }

    double[] flat() {
        double[] out = new double[points.length * 2];
        for (int i = 0; i < points.length; i++) {
            out[2 * i] = points[i][0];
            out[2 * i + 1] = points[i][1];
        }
        return out;
    }

    /** The mean of each blob's points, {@code [blobs][2]}. */
    double[][] means(int blobs) {
        double[][] sums = new double[blobs][2];
        int[] counts = new int[blobs];
        for (int i = 0; i < points.length; i++) {
            sums[truth[i]][0] += points[i][0];
            sums[truth[i]][1] += points[i][1];
            counts[truth[i]]++;
        }
        for (int b = 0; b < blobs; b++) {
            sums[b][0] /= counts[b];
            sums[b][1] /= counts[b];
        }
        return sums;
    }

    /** The sum of squared distances of the points to their own blob's mean. */
    double inertiaAroundMeans(int blobs) {
        double[][] means = means(blobs);
        double sum = 0;
        for (int i = 0; i < points.length; i++) {
            double dx = points[i][0] - means[truth[i]][0];
            double dy = points[i][1] - means[truth[i]][1];
            sum += dx * dx + dy * dy;
        }
        return sum;
    }
}
