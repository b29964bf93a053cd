package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.Trajectories;
import dev.nca.export.ExportableModel;
import dev.nca.export.WebPageExport;
import dev.nca.export.WebStart;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.StartStates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nca export web CHECKPOINT --out model.html}: a self-contained page that runs the NCA live. */
@Command(name = "web", description = {"Write one self-contained HTML file (no network) that runs a trained NCA live"
        + " in a browser: WebGL2 where available, plain JavaScript otherwise; play/pause, steps per frame, a step"
        + " counter and steps/s, the channels drawn as the data are, a channel picker, reset to the embedded start"
        + " state, and erasing or painting discs with the mouse. Prints a JSON summary."})
final class ExportWebCommand extends NcaSubcommand {

    @Mixin
    private CheckpointParameter checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The .html file to write.")
    private Path out;

    @Mixin
    private StartTrajectoryOptions from;

    @Option(names = "--seed-cell",
            description = "Start from one living cell in the lattice centre instead of a data frame (growing NCA).")
    private boolean seedCell;

    @Option(names = "--title", paramLabel = "TEXT", description = "The page title (default: the experiment name).")
    private String title;

    @Mixin
    private ExportTarget target;

    @Override
    protected int run() throws Exception {
        target.check(out, ".html");
        Map<String, Object> json = new LinkedHashMap<>();
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session);
            ExportableModel export = ExportableModel.of(model.config(), model.parameters());
            Trajectories data = from.generate(model);
            int channels = model.config().channels();
            INDArray start = seedCell
                    ? StartStates.seedCell(channels, model.config().observable(), data.size(), DataType.FLOAT)
                    : StartStates.one(data, from.trajectory(), 0, channels, DataType.FLOAT);
            float[] values = start.castTo(DataType.FLOAT).dup('c').data().asFloat();
            float[] dataFrame = StartStates.one(data, from.trajectory(), 0, channels, DataType.FLOAT).data().asFloat();
            String label = seedCell ? "seed cell" : "frame 0 of " + from.splitName() + " trajectory " + from.trajectory();
            WebStart.Display display = WebStart.Display.of(export.observable(), dataFrame, data.size() * data.size());
            WebStart web = new WebStart(data.size(), values, label, display, data.valueMin(), data.valueMax(),
                    data.channelNames());
            String pageTitle = title != null ? title : model.plan().recipe().experiment().name() + " (nca)";
            String html = WebPageExport.toHtml(export, web, pageTitle);
            ExportTarget.write(out, html.getBytes(StandardCharsets.UTF_8));
            json.put("file", out.toString());
            json.put("checkpoint", checkpoint.file().toString());
            json.put("start", label);
            json.put("size", data.size());
            json.put("display", display.name().toLowerCase(java.util.Locale.ROOT));
            json.put("bytes", html.getBytes(StandardCharsets.UTF_8).length);
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }
}
