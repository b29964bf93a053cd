package dev.nca.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nca.api.NcaException;
import dev.nca.support.io.AtomicFiles;
import dev.nca.support.io.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes and reads {@link Checkpoint}s as one zip file.
 *
 * <p>Zip entries (format 1):
 * <ul>
 *   <li>{@code checkpoint.json}, first: the manifest, a UTF-8 JSON object with
 *     <ul>
 *       <li>{@code "format"}: 1, the version of this layout; readers reject larger numbers</li>
 *       <li>{@code "model"}: {@code channels}, {@code observable}, {@code hidden}, {@code hiddenBias},
 *           {@code kernels} ({@code names}: [K] strings, {@code stencils}: [K][3][3] numbers,
 *           {@code rotationSymmetric}), {@code activation} (name), {@code boundary} and
 *           {@code maskMode} (recipe spellings, e.g. "periodic", "cell"), {@code updateProbability}</li>
 *       <li>{@code "dtype"}: "float32" or "float64", the type of every tensor</li>
 *       <li>{@code "parameters"}: tensor name to zip entry, e.g. {@code "w2": "parameters/w2.npy"}</li>
 *       <li>{@code "optimiser"} (absent without optimiser state): {@code steps}, and
 *           {@code firstMoments} / {@code secondMoments} mapping names to entries
 *           {@code optimiser/m/<name>.npy} / {@code optimiser/v/<name>.npy}</li>
 *       <li>{@code "training"}: {@code epoch} (last completed, 0-based, -1 if none), {@code loss},
 *           {@code bestLoss}; a non-finite loss is written as the string "NaN", "Infinity" or
 *           "-Infinity"</li>
 *       <li>{@code "recipe"} (absent when unknown): the resolved recipe TOML text</li>
 *       <li>{@code "metadata"}: the caller's provenance object, stored as given</li>
 *       <li>{@code "schedule"} (absent without schedule state, see {@link SavedSchedule}):
 *           {@code name}, the schedule's name; {@code arrays}, array name to zip entry
 *           {@code schedule/<name>.npy}; {@code integers}, list name to a JSON array of integers.
 *           Readers that do not know this field ignore it (it was added within format 1).</li>
 *     </ul>
 *   </li>
 *   <li>{@code parameters/<name>.npy} for w2, [b2], w1, v, and, with optimiser state,
 *     {@code optimiser/m/<name>.npy} and {@code optimiser/v/<name>.npy}: .npy format 1.0 files
 *     ({@link Npy}), dtype {@code <f4} or {@code <f8}, C order, shapes as in {@link Checkpoint}</li>
 *   <li>{@code schedule/<name>.npy}: the schedule state's arrays, {@code <f4} or {@code <f8}
 *     each (independently of the parameters), any shape</li>
 * </ul>
 * Files are written atomically ({@link AtomicFiles}), so a crash leaves the previous checkpoint.
 * Every failure is an {@link NcaException} naming the file and the problem.
 */
public final class CheckpointIO {

    /** The layout version this class writes and the newest it reads. */
    public static final int FORMAT = 1;
    /** Name of the manifest entry. */
    public static final String MANIFEST = "checkpoint.json";

    private static final long MAX_MANIFEST_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckpointIO() {
    }

    /** Writes {@code checkpoint} to {@code file} atomically, replacing any existing file and creating directories. */
    public static void write(Path file, Checkpoint checkpoint) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.set("model", CheckpointJson.modelToJson(checkpoint.spec()));
        manifest.put("dtype", checkpoint.dataType() == DataType.FLOAT ? "float32" : "float64");
        Map<String, INDArray> entries = new LinkedHashMap<>();
        manifest.set("parameters", register(checkpoint.parameters(), "parameters/", entries));
        if (checkpoint.optimiser() != null) {
            ObjectNode o = manifest.putObject("optimiser");
            o.put("steps", checkpoint.optimiser().steps());
            o.set("firstMoments", register(checkpoint.optimiser().firstMoments(), "optimiser/m/", entries));
            o.set("secondMoments", register(checkpoint.optimiser().secondMoments(), "optimiser/v/", entries));
        }
        ObjectNode training = manifest.putObject("training");
        training.put("epoch", checkpoint.epoch());
        CheckpointJson.putDouble(training, "loss", checkpoint.loss());
        CheckpointJson.putDouble(training, "bestLoss", checkpoint.bestLoss());
        if (checkpoint.recipe() != null) {
            manifest.put("recipe", checkpoint.recipe());
        }
        manifest.set("metadata", checkpoint.metadata());
        if (checkpoint.schedule() != null) {
            manifest.set("schedule", ScheduleStateJson.write(checkpoint.schedule(), entries));
        }
        try {
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            AtomicFiles.write(file, out -> writeZip(out, manifestBytes, entries));
        } catch (IOException e) {
            throw new NcaException("could not write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeZip(OutputStream out, byte[] manifest, Map<String, INDArray> entries) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest);
        zip.closeEntry();
        for (Map.Entry<String, INDArray> e : entries.entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey()));
            Npy.write(zip, e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    static ObjectNode register(Map<String, INDArray> tensors, String prefix, Map<String, INDArray> entries) {
        ObjectNode names = JSON.createObjectNode();
        tensors.forEach((name, tensor) -> {
            String entry = prefix + name + ".npy";
            names.put(name, entry);
            entries.put(entry, tensor);
        });
        return names;
    }

    /** Reads the checkpoint in {@code file}; tensors keep the stored data type. */
    public static Checkpoint read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NcaException("checkpoint " + file + " does not exist or is not a regular file");
        }
        CheckpointJson json = new CheckpointJson(file.toString());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode manifest = manifest(zip, file, json);
            JsonNode training = json.object(manifest, "training");
            long epoch = json.integer(training, "training.epoch");
            if (epoch < -1 || epoch > Integer.MAX_VALUE) {
                throw json.corrupt("training.epoch must be >= -1, got " + epoch);
            }
            DataType dtype = switch (json.text(manifest, "dtype")) {
                case "float32" -> DataType.FLOAT;
                case "float64" -> DataType.DOUBLE;
                default -> throw json.corrupt("dtype must be \"float32\" or \"float64\", got " + manifest.get("dtype"));
            };
            Map<String, INDArray> parameters = tensors(zip, json, json.object(manifest, "parameters"), dtype);
            Checkpoint.OptimiserState optimiser = null;
            if (manifest.hasNonNull("optimiser")) {
                JsonNode o = json.object(manifest, "optimiser");
                long steps = json.integer(o, "optimiser.steps");
                optimiser = new Checkpoint.OptimiserState(
                        tensors(zip, json, json.object(o, "optimiser.firstMoments"), dtype),
                        tensors(zip, json, json.object(o, "optimiser.secondMoments"), dtype), steps);
            }
            JsonNode metadata = manifest.get("metadata");
            if (metadata != null && !metadata.isObject() && !metadata.isNull()) {
                throw json.corrupt("'metadata' in checkpoint.json must be an object");
            }
            SavedSchedule schedule = manifest.hasNonNull("schedule")
                    ? ScheduleStateJson.read(json.object(manifest, "schedule"), json,
                            names -> tensors(zip, json, names, null))
                    : null;
            return new Checkpoint(json.modelFromJson(manifest), parameters, optimiser, (int) epoch,
                    json.anyDouble(training, "training.loss"), json.anyDouble(training, "training.bestLoss"),
                    manifest.hasNonNull("recipe") ? json.text(manifest, "recipe") : null,
                    metadata instanceof ObjectNode m ? m : null, schedule);
        } catch (ZipException e) {
            throw new NcaException("checkpoint " + file + " is not a valid zip file (" + e.getMessage()
                    + "); it may be truncated, or not a checkpoint at all", e);
        } catch (IOException e) {
            throw new NcaException("could not read checkpoint " + file + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw json.corrupt(e.getMessage());
        }
    }

    private static JsonNode manifest(ZipFile zip, Path file, CheckpointJson json) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new NcaException(file + " is not an nca checkpoint: the zip has no " + MANIFEST + " entry");
        }
        JsonNode manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw json.corrupt(MANIFEST + " is larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            manifest = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw json.corrupt(MANIFEST + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (manifest == null || !manifest.isObject() || !manifest.path("format").isIntegralNumber()) {
            throw new NcaException(file + " is not an nca checkpoint: its " + MANIFEST
                    + " has no integer 'format' field");
        }
        long format = manifest.get("format").longValue();
        if (format > FORMAT) {
            throw new NcaException("checkpoint " + file + " has format " + format + ", written by a newer version of"
                    + " nca; this version reads formats up to " + FORMAT + ". Use a newer nca to read it.");
        }
        if (format < 1) {
            throw json.corrupt("format must be >= 1, got " + format);
        }
        return manifest;
    }

    /** The tensors {@code names} maps to zip entries; each must be of {@code dtype} unless it is null. */
    private static Map<String, INDArray> tensors(ZipFile zip, CheckpointJson json, JsonNode names, DataType dtype)
            throws IOException {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = names.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw json.corrupt("the entry name of tensor '" + e.getKey() + "' is not a string");
            }
            String entryName = e.getValue().asText();
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw json.corrupt("the entry " + entryName + " of tensor '" + e.getKey() + "' is missing");
            }
            INDArray t;
            try (InputStream in = zip.getInputStream(entry)) {
                t = Npy.read(in, zip.getName() + "!" + entryName, null, entry.getSize());
            } catch (ZipException ex) {
                throw json.corrupt("the entry " + entryName + " cannot be decompressed (" + ex.getMessage() + ")");
            }
            if (dtype != null && t.dataType() != dtype) {
                throw json.corrupt("the entry " + entryName + " holds " + t.dataType() + " but the manifest says "
                        + dtype);
            }
            tensors.put(e.getKey(), t);
        }
        return tensors;
    }
}
