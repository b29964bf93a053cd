package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.export.ExportableModel;
import dev.nca.export.OnnxExport;
import dev.nca.runtime.evaluate.CheckpointModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nca export onnx CHECKPOINT --out model.onnx}: one NCA step as an ONNX graph. */
@Command(name = "onnx", description = {"Write one step of a trained NCA as an ONNX model (opset 17): input"
        + " 'state' [B, C, S, S] float32, output 'next_state'; 'update_mask' ([B, 1, S, S] per cell or [B, C, S, S]"
        + " per element) is optional and defaults to 1 (every cell updated), or required with --mask-input."
        + " Any lattice size S runs. Prints a JSON summary."})
final class ExportOnnxCommand extends NcaSubcommand {

    @Mixin
    private CheckpointParameter checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "The .onnx file to write.")
    private Path out;

    @Option(names = "--mask-input",
            description = "Make 'update_mask' a required input (for runtimes that cannot feed an optional one,"
                    + " e.g. onnxruntime for Java).")
    private boolean maskRequired;

    @Mixin
    private ExportTarget target;

    @Override
    protected int run() throws Exception {
        target.check(out, ".onnx");
        Map<String, Object> json = new LinkedHashMap<>();
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session);
            ExportableModel export = ExportableModel.of(model.config(), model.parameters());
            ExportTarget.write(out, OnnxExport.toBytes(export, maskRequired, root().frameworkVersion()));
            json.put("file", out.toString());
            json.put("checkpoint", checkpoint.file().toString());
            json.put("inputs", maskRequired ? new String[] {"state", "update_mask"} : new String[] {"state"});
            json.put("optional_inputs", maskRequired ? new String[0] : new String[] {"update_mask"});
            json.put("output", "next_state");
            json.put("channels", export.channels());
            json.put("observable", export.observable());
            json.put("update_probability", export.updateProbability());
            json.put("mask_mode", export.maskMode().name().toLowerCase(java.util.Locale.ROOT));
            json.put("alive_masking", export.aliveMasked());
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }
}
