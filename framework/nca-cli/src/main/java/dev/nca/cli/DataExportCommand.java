package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.runtime.evaluate.DatasetExport;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.recipe.Recipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nca data export RECIPE|CHECKPOINT --out FILE.npy}: generates the dataset a recipe (or a
 * checkpoint's recipe) names and writes its frames {@code [R, T, C_obs, S, S]} as NumPy {@code .npy}.
 */
@Command(name = "export", description = {"Generate the dataset a recipe, or the recipe stored in a checkpoint,"
        + " names and write its frames [R, T, C_obs, S, S] (trajectories, frames, observable channels, lattice)"
        + " as one NumPy .npy file in C order, float32 or float64 as the recipe's dtype. Prints the shape and"
        + " channel names as JSON."})
final class DataExportCommand extends NcaSubcommand {

    @Parameters(index = "0", paramLabel = "RECIPE|CHECKPOINT",
            description = "A recipe (TOML) or a checkpoint (.nca) whose recipe to use.")
    private Path source;

    @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "The .npy file to write.")
    private Path out;

    @Option(names = "--split", paramLabel = "SPLIT", converter = SplitConverter.class,
            completionCandidates = SplitConverter.class, defaultValue = "train",
            description = "Initial conditions: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Split split;

    @Option(names = "--frames", paramLabel = "T", description = "Frames per trajectory (default: the dataset's).")
    private Integer frames;

    @Override
    protected int run() throws Exception {
        if (out.getFileName() == null || !out.getFileName().toString().endsWith(".npy")) {
            throw new NcaException("--out " + out + ": the file name must end in .npy");
        }
        if (Files.isDirectory(out)) {
            throw new NcaException("--out " + out + ": is a folder; give the .npy file to write");
        }
        if (frames != null && frames < 1) {
            throw new NcaException("--frames must be at least 1, got " + frames);
        }
        Recipe recipe = DatasetExport.loadRecipe(source);
        DatasetExport.Result result;
        try (HostSession session = openHost()) {
            ExperimentPlan plan = ExperimentPlan.resolve(recipe, session.extensions(), session.engines());
            result = DatasetExport.export(plan, split, frames == null ? OptionalInt.empty() : OptionalInt.of(frames),
                    out);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", result.file().toString());
        json.put("dataset", recipe.data().dataset());
        json.put("split", SplitConverter.name(result.split()));
        json.put("shape", result.shape());
        json.put("axes", new String[] {"trajectory", "frame", "channel", "y", "x"});
        json.put("dtype", result.dtype());
        json.put("channel_names", result.channelNames());
        json.put("frame_spacing", result.frameSpacing());
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }
}
