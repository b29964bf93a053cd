package dev.nca.plugins.dataset.image.morph;

import dev.nca.support.image.PlanarImage;

/**
 * Places square {@code [C, I, I]} images on a zero {@code S x S} lattice. The unshifted image
 * occupies rows and columns {@code o .. o + I - 1} with {@code o = (S - I) / 2} (integer
 * division: when S - I is odd the extra empty row and column are at the bottom and right). A
 * {@link Placement} moves it by whole cells and rotates it about its own centre
 * ({@code o + (I - 1) / 2} plus the shift, in both directions): quarter turns exactly, other
 * angles by bilinear interpolation. Nothing wraps around: {@link #maxShift} says how far the
 * content may move before it would leave the lattice.
 *
 * @param size      S, the lattice side
 * @param imageSize I, the image side ({@code <= S})
 */
record LatticeLayout(int size, int imageSize) {

    LatticeLayout {
        if (imageSize < 1 || imageSize > size) {
            throw new IllegalArgumentException("image side " + imageSize + " must be in [1, " + size + "]");
        }
    }

    /** The first row and column of the unshifted image. */
    int offset() {
        return (size - imageSize) / 2;
    }

    /**
     * The largest shift that keeps the content inside the lattice in every direction: the whole
     * I x I square; for {@link RotationMode#ANY} also every cell a rotated image can touch, i.e. the
     * disc of radius {@code contentRadius + sqrt(2)} about the image centre (bilinear interpolation
     * reaches at most one cell diagonally beyond the furthest non-zero pixel centre). May be
     * negative when even the centred image does not fit.
     *
     * @param contentRadius the largest distance of a non-zero pixel centre from the image centre
     *                      (see {@link Rotations#contentRadius}); used only for {@code ANY}
     */
    int maxShift(RotationMode mode, double contentRadius) {
        int o = offset();
        int square = Math.min(o, size - imageSize - o);
        if (mode != RotationMode.ANY) {
            return square;
        }
        double centre = o + (imageSize - 1) / 2.0;
        double reach = contentRadius + Math.sqrt(2.0);
        // cell -1 and cell S must stay at least `reach` away from the shifted centre
        return Math.min(square, (int) Math.floor(Math.min(centre + 1, size - centre) - reach));
    }

    /**
     * The lattice state {@code [C, S, S]} holding {@code image} placed as {@code p} says.
     *
     * @throws IllegalArgumentException when the image is not I x I or the shift moves the square
     *                                  outside the lattice
     */
    PlanarImage compose(PlanarImage image, Placement p) {
        if (image.height() != imageSize || image.width() != imageSize) {
            throw new IllegalArgumentException("expected a " + imageSize + "x" + imageSize + " image, got "
                    + image.sizeText());
        }
        int top = offset() + p.shiftY();
        int left = offset() + p.shiftX();
        if (top < 0 || left < 0 || top + imageSize > size || left + imageSize > size) {
            throw new IllegalArgumentException("shift (" + p.shiftY() + ", " + p.shiftX() + ") moves the "
                    + imageSize + "x" + imageSize + " image outside the " + size + "x" + size + " lattice");
        }
        PlanarImage turned = p.quarterTurns() == 0 ? image : Rotations.quarterTurns(image, p.quarterTurns());
        PlanarImage lattice = new PlanarImage(image.channels(), size, size);
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < imageSize; i++) {
                for (int j = 0; j < imageSize; j++) {
                    lattice.set(c, top + i, left + j, turned.get(c, i, j));
                }
            }
        }
        if (p.angle() == 0.0) {
            return lattice;
        }
        double centre = (imageSize - 1) / 2.0;
        return Rotations.rotate(lattice, p.angle(), top + centre, left + centre);
    }
}
