package dev.nca.plugins.dataset.image.morph;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.support.image.PlanarImage;
import dev.nca.support.image.Resampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code image-morph}: the image morphing task of paper 1, section 3.2. A sequence of pictures
 * (by default space invader, microbe, rooster) becomes one trajectory whose frames are the
 * pictures in order, the last one repeated {@code repeat_last} more times so that the NCA learns
 * to keep it as a stable end state.
 *
 * <p>Each picture is read as premultiplied RGBA in [0, 1] (colour times alpha; a transparent
 * pixel is 0 in every channel, see {@link dev.nca.support.image.PngImages}), resized on
 * those premultiplied values to {@code image_size x image_size} ({@code resample}: area averaging
 * or bilinear) and embedded, centred, in a zero {@code size x size} lattice. {@code copies}
 * trajectories are made; copy r draws a {@link Placement} from the stream
 * {@code "image-morph/<split>/copy/<r>"} of the request's random source: integer shifts uniform in
 * {@code [-max_shift, max_shift]} along rows and columns and, with {@code rotation}, a random number
 * of quarter turns (exact) or a random angle (bilinear, off-lattice) about the picture's centre. The
 * same placement applies to every frame of the copy, so each target moves with its input. Shifts
 * never wrap: {@code max_shift} may be at most what keeps the picture inside the lattice (see
 * {@link LatticeLayout#maxShift}). {@link Split#HELD_OUT} copies use the held-out random source,
 * hence different placements (with {@code max_shift = 0} and {@code rotation = "none"} there is
 * nothing to vary and both splits hold the same centred copies).
 *
 * <p>Noise augmentation ({@code x <- (1 - a) x + a U(0, 1)} on start states, paper 1 section 3.2)
 * belongs to the training schedule ({@code [training.schedule_params] noise} of
 * {@code transitions}), not to this dataset.
 *
 * <p>Output: {@code [R, T, 4, S, S]} in the requested data type, channels {@code r, g, b, a}, T =
 * number of pictures + {@code repeat_last}, or {@code request.frames()} when given (shorter: the
 * first frames; longer: the last picture repeated), frame spacing hint {@code frame_spacing},
 * zero boundary, values in [0, 1].
 */
@Extension
public class ImageMorphDataset implements Dataset {

    static final String IMAGES = "images";
    static final String IMAGE_SIZE = "image_size";
    static final String SIZE = "size";
    static final String COPIES = "copies";
    static final String MAX_SHIFT = "max_shift";
    static final String REPEAT_LAST = "repeat_last";
    static final String ROTATION = "rotation";
    static final String RESAMPLE = "resample";
    static final String FRAME_SPACING = "frame_spacing";

    static final List<String> CHANNELS = List.of("r", "g", "b", "a");
    private static final long MAX_VALUES = 250_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ImageMorphDataset.class);

    @Override
    public String name() {
        return "image-morph";
    }

    @Override
    public String description() {
        return "Image morphing (paper 1, section 3.2): a sequence of RGBA pictures, premultiplied, on a zero-padded "
                + "lattice, with randomly shifted and rotated copies.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.textList(IMAGES, List.of("space-invader", "microbe", "rooster"),
                        "pictures in order: built-in " + SourceImages.BUILT_IN.keySet() + " or PNG file paths"
                                + " (absolute or relative to the working directory)"),
                ParamSpec.integer(IMAGE_SIZE, 40L, 1, 1024, "side I the pictures are resized to (I x I cells)"),
                ParamSpec.integer(SIZE, 64L, 1, 2048, "lattice side S >= image_size; the picture is centred in it"),
                ParamSpec.integer(COPIES, 4L, 1, 100_000, "number of trajectories R, each a randomly placed copy"),
                ParamSpec.integer(MAX_SHIFT, 4L, 0, 1024,
                        "largest random shift in cells along rows and columns (same for every frame of a copy)"),
                ParamSpec.integer(REPEAT_LAST, 1L, 0, 100_000,
                        "extra frames repeating the last picture (a stable end state)"),
                ParamSpec.text(ROTATION, RotationMode.NONE.recipeName(), List.of("none", "quarter", "any"),
                        "per-copy rotation: none, random quarter turns (exact) or random angle (bilinear)"),
                ParamSpec.text(RESAMPLE, Resampling.AREA.recipeName(), List.of("area", "bilinear"),
                        "resizing of the premultiplied pictures: area averaging or bilinear"),
                ParamSpec.integer(FRAME_SPACING, 64L, 1, 100_000,
                        "suggested NCA steps between frames (the recipe's [training] frame_spacing overrides it)"));
    }

    @Override
    public Trajectories generate(Params params, DataRequest request) {
        int imageSize = params.getInt(IMAGE_SIZE);
        int size = params.getInt(SIZE);
        if (size < imageSize) {
            throw params.invalid(SIZE, "at least image_size (" + imageSize + ")");
        }
        List<String> entries = params.getStrings(IMAGES);
        if (entries.isEmpty()) {
            throw params.invalid(IMAGES, "at least one picture: a built-in name " + SourceImages.BUILT_IN.keySet()
                    + " or a PNG file path");
        }
        RotationMode mode = RotationMode.fromRecipeName(params.getString(ROTATION));
        List<PlanarImage> pictures = loadPictures(entries, imageSize,
                Resampling.fromRecipeName(params.getString(RESAMPLE)), params.source());
        LatticeLayout layout = new LatticeLayout(size, imageSize);
        int maxShift = params.getInt(MAX_SHIFT);
        checkShift(params, layout, mode, pictures, maxShift);

        int frames = request.frames().orElse(pictures.size() + params.getInt(REPEAT_LAST));
        if (frames < 1) {
            throw new NcaException("dataset 'image-morph' was asked for " + frames + " frames; at least 1 is needed");
        }
        int copies = params.getInt(COPIES);
        int frameLength = CHANNELS.size() * size * size;
        long total = (long) copies * frames * frameLength;
        if (total > MAX_VALUES) {
            throw new NcaException("dataset 'image-morph' (" + params.source() + "): " + copies + " copies x " + frames
                    + " frames x 4 x " + size + "^2 = " + total + " values is more than " + MAX_VALUES
                    + "; reduce copies, size or the number of frames");
        }
        double[] values = new double[(int) total];
        String split = request.split().name().toLowerCase(Locale.ROOT);
        for (int r = 0; r < copies; r++) {
            Placement p = Placement.draw(request.random().stream("image-morph/" + split + "/copy/" + r), maxShift, mode);
            LOG.debug("image-morph {} copy {}: {}", split, r, p.describe());
            List<double[]> placed = new ArrayList<>(pictures.size());
            for (PlanarImage picture : pictures) {
                placed.add(layout.compose(picture, p).values());
            }
            for (int t = 0; t < frames; t++) {
                double[] frame = placed.get(Math.min(t, placed.size() - 1));
                System.arraycopy(frame, 0, values, (r * frames + t) * frameLength, frameLength);
            }
        }
        LOG.info("image-morph {}: {} pictures {}x{} on a {}x{} lattice, {} copies, {} frames, shifts up to {}, "
                + "rotation {}", split, pictures.size(), imageSize, imageSize, size, size, copies, frames, maxShift,
                mode.recipeName());
        long[] shape = {copies, frames, CHANNELS.size(), size, size};
        return new Trajectories(Nd4j.create(values, shape, DataType.DOUBLE).castTo(request.dtype()), CHANNELS,
                params.getInt(FRAME_SPACING), Optional.of(Boundary.ZERO), Optional.empty(), 0.0, 1.0);
    }

    /** Loads, checks and resizes every picture to I x I premultiplied RGBA. */
    private static List<PlanarImage> loadPictures(List<String> entries, int imageSize, Resampling resampling,
                                                  String source) {
        List<PlanarImage> out = new ArrayList<>(entries.size());
        for (String entry : entries) {
            PlanarImage picture = SourceImages.load(entry, source);
            if (picture.height() != picture.width()) {
                throw new NcaException(source + ": image \"" + entry + "\" is " + picture.width() + " pixels wide and "
                        + picture.height() + " high; image-morph needs square pictures (crop or pad it to a square)");
            }
            out.add(picture.height() == imageSize ? picture : resampling.resize(picture, imageSize, imageSize));
        }
        return out;
    }

    private static void checkShift(Params params, LatticeLayout layout, RotationMode mode, List<PlanarImage> pictures,
                                   int maxShift) {
        double radius = 0;
        if (mode == RotationMode.ANY) {
            for (PlanarImage p : pictures) {
                radius = Math.max(radius, Rotations.contentRadius(p));
            }
        }
        int allowed = layout.maxShift(mode, radius);
        if (allowed < 0) {
            throw params.invalid(SIZE, String.format(Locale.ROOT, "a lattice large enough to hold the pictures "
                    + "rotated by any angle even without a shift (content radius %.1f cells + 1.4 for interpolation "
                    + "about the centre); increase size or reduce image_size", radius));
        }
        if (maxShift > allowed) {
            String what = mode == RotationMode.ANY
                    ? String.format(Locale.ROOT, "the pictures rotated by any angle (content radius %.1f cells + "
                            + "1.4 for interpolation)", radius)
                    : "the " + layout.imageSize() + "x" + layout.imageSize() + " pictures";
            throw params.invalid(MAX_SHIFT, "at most " + allowed + ", so that " + what
                    + " stay inside the " + layout.size() + "x" + layout.size() + " lattice (shifts do not wrap);"
                    + " reduce max_shift or increase size");
        }
    }
}
