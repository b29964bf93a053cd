package dev.nca.plugins.dataset.image.morph;

import java.util.SplittableRandom;

/**
 * Where and how one copy of the image sequence sits on the lattice; the same placement applies to
 * every frame of the copy, so each target moves (and turns) with its input.
 *
 * @param shiftY       rows to move the image down from the centred position (negative: up)
 * @param shiftX       columns to move the image right (negative: left)
 * @param quarterTurns counter-clockwise quarter turns, 0..3 (exact rotation)
 * @param angle        further counter-clockwise rotation in radians, in [0, 2 pi) (bilinear)
 */
record Placement(int shiftY, int shiftX, int quarterTurns, double angle) {

    /** The centred, unrotated placement. */
    static final Placement CENTRED = new Placement(0, 0, 0, 0.0);

    /**
     * Draws a placement: the shifts independently and uniformly from the integers in
     * {@code [-maxShift, maxShift]} (rows first), then, depending on {@code mode}, a uniform number of
     * quarter turns in 0..3 or a uniform angle in [0, 2 pi).
     */
    static Placement draw(SplittableRandom rng, int maxShift, RotationMode mode) {
        int dy = rng.nextInt(-maxShift, maxShift + 1);
        int dx = rng.nextInt(-maxShift, maxShift + 1);
        return switch (mode) {
            case NONE -> new Placement(dy, dx, 0, 0.0);
            case QUARTER -> new Placement(dy, dx, rng.nextInt(4), 0.0);
            case ANY -> new Placement(dy, dx, 0, rng.nextDouble(2 * Math.PI));
        };
    }

    /** For logs: e.g. {@code shift (2, -1), 90 deg}. */
    String describe() {
        double degrees = quarterTurns * 90.0 + Math.toDegrees(angle);
        return String.format(java.util.Locale.ROOT, "shift (%d, %d), %.1f deg", shiftY, shiftX, degrees);
    }
}
