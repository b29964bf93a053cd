package dev.nca.plugins.dataset.image.sequence;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.support.image.Resampling;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code image-sequence}: the user's own data as training trajectories.
 *
 * <p>{@code path} is either a folder of PNG frames, read as one trajectory in natural file-name
 * order ({@link NaturalOrder}, {@link PngFolder}), or a {@code .npy} file of shape
 * {@code [T, C, H, W]} or {@code [R, T, C, H, W]} (float32 or float64, C order; {@link NpyFrames}).
 * Paths are absolute or relative to the working directory of the process. PNG frames become
 * premultiplied colour channels in [0, 1] as chosen by {@code channels}; .npy values are used as
 * stored. Frames must be square; {@code image_size > 0} resizes them ({@code resample}).
 * {@code scale = "minmax"} maps each channel linearly onto [0, 1] using its minimum and maximum over
 * the training data.
 *
 * <p>{@link Split#HELD_OUT} reads {@code held_out_path} (same formats) instead of {@code path}, with
 * the same channels, resizing and (training-data) scaling; without it, held-out requests fail with
 * a message saying so. A {@code frames} request shorter than the data keeps the first frames; a
 * longer one is an error, since there are no further frames to show.
 *
 * <p>Output: {@code [R, T, C, S, S]} in the requested data type; frame spacing hint
 * {@code frame_spacing}; boundary hint {@code boundary}; value range [0, 1] for PNG frames or
 * scaled data, else the data's minimum and maximum.
 */
@Extension
public class ImageSequenceDataset implements Dataset {

    static final String PATH = "path";
    static final String HELD_OUT_PATH = "held_out_path";
    static final String CHANNELS = "channels";
    static final String IMAGE_SIZE = "image_size";
    static final String RESAMPLE = "resample";
    static final String FRAME_SPACING = "frame_spacing";
    static final String BOUNDARY = "boundary";
    static final String SCALE = "scale";

    static final long MAX_VALUES = 250_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ImageSequenceDataset.class);

    @Override
    public String name() {
        return "image-sequence";
    }

    @Override
    public String description() {
        return "Your own data: a folder of PNG frames (one trajectory, natural file-name order) or an .npy array "
                + "[T, C, H, W] or [R, T, C, H, W].";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.text(PATH, null, List.of(), "folder of PNG frames or .npy file (absolute or relative to the"
                        + " working directory)"),
                ParamSpec.text(HELD_OUT_PATH, "", List.of(),
                        "folder or .npy file with held-out trajectories for evaluation (\"\": none)"),
                ParamSpec.text(CHANNELS, PixelFormat.RGBA.recipeName(), List.of("rgba", "rgb", "gray"),
                        "PNG frames only: premultiplied rgba, premultiplied rgb, or gray (BT.601 luma)"),
                ParamSpec.integer(IMAGE_SIZE, 0L, 0, 4096, "resize frames to this side; 0 keeps their size"),
                ParamSpec.text(RESAMPLE, Resampling.AREA.recipeName(), List.of("area", "bilinear"),
                        "resizing method: area averaging or bilinear"),
                ParamSpec.integer(FRAME_SPACING, 32L, 1, 100_000,
                        "suggested NCA steps between frames (the recipe's [training] frame_spacing overrides it)"),
                ParamSpec.text(BOUNDARY, Boundary.ZERO.recipeName(), List.of("zero", "periodic", "reflect"),
                        "boundary the data suggest (the recipe's [model] boundary overrides it)"),
                ParamSpec.text(SCALE, "none", List.of("none", "minmax"),
                        "\"minmax\": map each channel onto [0, 1] by its min and max over the training data"));
    }

    @Override
    public Trajectories generate(Params params, DataRequest request) {
        boolean minmax = "minmax".equals(params.getString(SCALE));
        FrameStack train = null;
        FrameStack data;
        if (request.split() == Split.TRAIN) {
            train = load(params, PATH);
            data = train;
        } else {
            if (params.getString(HELD_OUT_PATH).isBlank()) {
                throw new NcaException("dataset 'image-sequence' (" + params.source() + ") has no held-out data: set "
                        + HELD_OUT_PATH + " to a folder of PNG frames or an .npy file with trajectories not used for "
                        + "training (or use the training data explicitly, e.g. nca simulate --from train)");
            }
            data = load(params, HELD_OUT_PATH);
            if (minmax) {
                train = load(params, PATH);
            }
        }
        if (request.frames().isPresent()) {
            int frames = request.frames().getAsInt();
            if (frames < 1 || frames > data.frames()) {
                throw new NcaException("dataset 'image-sequence': " + frames + " frames were requested but "
                        + data.origin() + " has " + data.frames() + " frames per trajectory; ask for 1 to "
                        + data.frames() + " (e.g. evaluate with --steps at most " + (data.frames() - 1)
                        + " x frame spacing)");
            }
            data = data.firstFrames(frames);
        }
        double valueMin = 0.0;
        double valueMax = 1.0;
        if (minmax) {
            if (train.channels() != data.channels()) {
                throw new NcaException("dataset 'image-sequence': " + data.origin() + " has " + data.channels()
                        + " channels but the training data " + train.origin() + " have " + train.channels());
            }
            double[][] ranges = new double[train.channels()][];
            for (int c = 0; c < ranges.length; c++) {
                ranges[c] = train.range(c);
            }
            data = data.scaled(ranges);
        } else if (!data.unitRange()) {
            valueMin = Double.POSITIVE_INFINITY;
            valueMax = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < data.channels(); c++) {
                double[] r = data.range(c);
                valueMin = Math.min(valueMin, r[0]);
                valueMax = Math.max(valueMax, r[1]);
            }
        }
        LOG.info("image-sequence {}: {} trajectories x {} frames x {} channels {} on {}x{} from {}",
                request.split().name().toLowerCase(Locale.ROOT), data.trajectories(), data.frames(), data.channels(),
                data.channelNames(), data.size(), data.size(), data.origin());
        long[] shape = {data.trajectories(), data.frames(), data.channels(), data.size(), data.size()};
        Boundary boundary = Boundary.valueOf(params.getString(BOUNDARY).toUpperCase(Locale.ROOT));
        return new Trajectories(Nd4j.create(data.values(), shape, DataType.DOUBLE).castTo(request.dtype()),
                data.channelNames(), params.getInt(FRAME_SPACING), Optional.of(boundary), Optional.empty(),
                valueMin, valueMax);
    }

    /** Loads the data named by {@code key} (a folder or .npy file) and resizes it when asked. */
    private static FrameStack load(Params params, String key) {
        String given = params.getString(key);
        Path path;
        try {
            path = Path.of(given).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw params.invalid(key, "a folder of PNG frames or an .npy file (" + e.getMessage() + ")");
        }
        FrameStack stack;
        if (Files.isDirectory(path)) {
            stack = PngFolder.load(path, PixelFormat.fromRecipeName(params.getString(CHANNELS)), MAX_VALUES);
        } else if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".npy")) {
            stack = NpyFrames.load(path, MAX_VALUES);
        } else if (Files.exists(path)) {
            throw params.invalid(key, "a folder of PNG frames or a file ending in .npy; " + path
                    + " is neither (to use a single picture, put it in a folder)");
        } else {
            throw params.invalid(key, "an existing folder of PNG frames or .npy file; " + path + " does not exist"
                    + " (relative paths are resolved against the working directory)");
        }
        int side = params.getInt(IMAGE_SIZE);
        return side > 0 ? stack.resized(side, Resampling.fromRecipeName(params.getString(RESAMPLE))) : stack;
    }
}
