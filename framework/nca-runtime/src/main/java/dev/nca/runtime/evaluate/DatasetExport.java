package dev.nca.runtime.evaluate;

import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.core.io.CheckpointIO;
import dev.nca.support.io.Npy;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the dataset a recipe names and writes its frames as one NumPy {@code .npy} file of shape
 * {@code [R, T, C_obs, S, S]} (C order, {@code <f4} or {@code <f8} as the recipe's dtype), e.g. to
 * compare with the output of another tool.
 */
public final class DatasetExport {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetExport.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /**
     * What was exported.
     *
     * @param file         the .npy file
     * @param shape        {@code [R, T, C_obs, S, S]}
     * @param dtype        "float32" or "float64"
     * @param channelNames one name per observable channel
     * @param frameSpacing the dataset's suggested NCA steps between frames
     * @param split        which initial conditions
     */
    public record Result(Path file, long[] shape, String dtype, List<String> channelNames, int frameSpacing,
                         Split split) {
        public Result {
            shape = shape.clone();
            channelNames = List.copyOf(channelNames);
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }
    }

    private DatasetExport() {
    }

    /**
     * Reads the recipe in {@code file}: a TOML recipe, or the recipe stored in a checkpoint (recognised
     * as a zip file).
     *
     * @throws NcaException when the file is missing, unreadable or its recipe invalid
     */
    public static Recipe loadRecipe(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NcaException(file + " does not exist or is not a regular file; give a recipe (.toml) or a"
                    + " checkpoint (.nca)");
        }
        if (isZip(file)) {
            return CheckpointModel.recipeOf(file, CheckpointIO.read(file));
        }
        return RecipeLoader.load(file, Map.of());
    }

    /**
     * Generates a split of the plan's dataset and writes it.
     *
     * @param plan   the resolved recipe
     * @param split  which initial conditions
     * @param frames the number of frames T, or empty for the dataset's default
     * @param file   the .npy file to write (replaced atomically, parent folders created)
     * @return what was written
     * @throws NcaException when generation or writing fails
     */
    public static Result export(ExperimentPlan plan, Split split, OptionalInt frames, Path file) {
        LOG.info("generating the {} split of dataset \"{}\" ({})", split, plan.dataset().entry().name(),
                plan.dataset().entry().origin());
        Trajectories data = plan.generate(split, frames);
        Npy.write(file, data.frames());
        LOG.info("wrote {} frames {} to {}", data.frames().dataType(), Arrays.toString(data.frames().shape()), file);
        String dtype = data.frames().dataType() == DataType.FLOAT ? "float32" : "float64";
        return new Result(file, data.frames().shape(), dtype, data.channelNames(), data.frameSpacing(), split);
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        } catch (IOException e) {
            throw new NcaException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
