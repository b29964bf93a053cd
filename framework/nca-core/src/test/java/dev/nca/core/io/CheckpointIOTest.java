package dev.nca.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.api.ScheduleState;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import dev.nca.core.train.Nadam;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointIOTest {

    @TempDir
    Path dir;

    /** With a hidden bias the config also has alive masking, so both optional parts round-trip. */
    private static NcaConfig config(boolean hiddenBias) {
        return new NcaConfig(3, 2, 5, hiddenBias, TestExtensions.asymmetric(), TestExtensions.tanh(),
                Boundary.REFLECT, 0.5, MaskMode.ELEMENT, hiddenBias ? new AliveRule(2, 0.125) : null);
    }

    /** Parameters filled with distinct random values (the paper initialisation leaves w1 and v zero). */
    private static NcaParameters randomParameters(NcaConfig config, DataType dtype, long seed) {
        NcaParameters p = NcaParameters.zeros(config, dtype);
        SplittableRandom random = new SplittableRandom(seed);
        for (INDArray t : p.list()) {
            for (long i = 0; i < t.length(); i++) {
                t.putScalar(i, random.nextGaussian());
            }
        }
        return p;
    }

    private static ObjectNode provenance() {
        ObjectNode m = Checkpoint.metadataOf(Map.of("framework", "0.1.0", "seed", 1234567890123L));
        m.putObject("plugins").put("gray-scott", "1.2.0");
        m.putArray("tags").add(1.5).add("x").addNull();
        return m;
    }

    @ParameterizedTest
    @CsvSource({"FLOAT, true, true", "FLOAT, false, false", "DOUBLE, true, false", "DOUBLE, false, true"})
    void roundTripsBitForBit(DataType dtype, boolean hiddenBias, boolean withOptimiser) {
        NcaConfig config = config(hiddenBias);
        NcaParameters params = randomParameters(config, dtype, 1);
        Nadam nadam = null;
        if (withOptimiser) {
            nadam = new Nadam(config, dtype, 0.9, 0.999, 1e-7, true);
            nadam.restore(randomParameters(config, dtype, 2), randomParameters(config, dtype, 3), 17);
        }
        String recipe = "[model]\nchannels = 3\nactivation = \"tanh\"\n# ünïcode\n";
        Checkpoint written = Checkpoint.of(ModelSpec.of(config), params, nadam, 41, 0.125, Double.POSITIVE_INFINITY,
                recipe, provenance());
        Path file = dir.resolve("ckpt/last.nca");
        CheckpointIO.write(file, written);

        Checkpoint read = CheckpointIO.read(file);
        assertSpecEquals(read.spec(), ModelSpec.of(config));
        assertThat(read.dataType()).isEqualTo(dtype);
        assertThat(read.parameters().keySet()).containsExactlyElementsOf(params.tensors().keySet());
        assertThat(read.parameters().containsKey(NcaParameters.B2)).isEqualTo(hiddenBias);
        assertBitsEqual(read.parameters(), params.tensors());
        assertBitsEqual(read.toParameters(read.spec().toConfig(TestExtensions.tanh())).tensors(), params.tensors());
        assertThat(read.hasOptimiser()).isEqualTo(withOptimiser);
        if (withOptimiser) {
            assertThat(read.optimiser().steps()).isEqualTo(17);
            assertBitsEqual(read.optimiser().firstMoments(), nadam.firstMoments().tensors());
            assertBitsEqual(read.optimiser().secondMoments(), nadam.secondMoments().tensors());
            Nadam restored = new Nadam(config, dtype, 0.9, 0.999, 1e-7, true);
            read.optimiser().restore(restored, config);
            assertThat(restored.steps()).isEqualTo(17);
            assertBitsEqual(restored.secondMoments().tensors(), nadam.secondMoments().tensors());
        }
        assertThat(read.epoch()).isEqualTo(41);
        assertThat(read.loss()).isEqualTo(0.125);
        assertThat(read.bestLoss()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read.recipe()).isEqualTo(recipe);
        assertThat(read.metadata()).isEqualTo(provenance());
        assertThat(read.metadata().get("seed").longValue()).isEqualTo(1234567890123L);
    }

    @Test
    void theZipHoldsTheDocumentedEntriesAndManifest() throws IOException {
        NcaConfig config = config(true);
        Nadam nadam = new Nadam(config, DataType.FLOAT, 0.9, 0.999, 1e-7, true);
        Path file = dir.resolve("c.nca");
        CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(config), randomParameters(config, DataType.FLOAT, 4),
                nadam, 0, Double.NaN, 2.5, null, null));
        List<String> names = new ArrayList<>();
        JsonNode manifest;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
            manifest = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("checkpoint.json")));
        }
        assertThat(names).containsExactly("checkpoint.json", "parameters/w2.npy", "parameters/b2.npy",
                "parameters/w1.npy", "parameters/v.npy", "optimiser/m/w2.npy", "optimiser/m/b2.npy",
                "optimiser/m/w1.npy", "optimiser/m/v.npy", "optimiser/v/w2.npy", "optimiser/v/b2.npy",
                "optimiser/v/w1.npy", "optimiser/v/v.npy");
        assertThat(manifest.get("format").intValue()).isEqualTo(1);
        assertThat(manifest.get("dtype").asText()).isEqualTo("float32");
        assertThat(manifest.at("/model/kernels/names/2").asText()).isEqualTo("lopsided");
        assertThat(manifest.at("/model/kernels/stencils/2/1/2").doubleValue()).isEqualTo(-0.7);
        assertThat(manifest.at("/model/boundary").asText()).isEqualTo("reflect");
        assertThat(manifest.at("/model/maskMode").asText()).isEqualTo("element");
        assertThat(manifest.at("/training/loss").asText()).isEqualTo("NaN");
        assertThat(manifest.at("/training/bestLoss").doubleValue()).isEqualTo(2.5);
        assertThat(manifest.has("recipe")).isFalse();
        assertThat(manifest.get("metadata").isObject()).isTrue();
        Checkpoint back = CheckpointIO.read(file);
        assertThat(back.loss()).isNaN();
        assertThat(back.recipe()).isNull();
        assertThat(back.metadata().isEmpty()).isTrue();
    }

    @Test
    void rejectsFilesThatAreNotCheckpoints() throws IOException {
        Path missing = dir.resolve("missing.nca");
        assertThatThrownBy(() -> CheckpointIO.read(missing)).isInstanceOf(NcaException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        Path text = Files.writeString(dir.resolve("text.nca"), "just some text");
        assertThatThrownBy(() -> CheckpointIO.read(text)).isInstanceOf(NcaException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not a valid zip");
        Path otherZip = zip("other.zip", Map.of("readme.txt", "hello"));
        assertThatThrownBy(() -> CheckpointIO.read(otherZip)).isInstanceOf(NcaException.class)
                .hasMessageContaining(otherZip.toString()).hasMessageContaining("not an nca checkpoint");
        Path noFormat = zip("nf.nca", Map.of("checkpoint.json", "{\"model\": {}}"));
        assertThatThrownBy(() -> CheckpointIO.read(noFormat)).isInstanceOf(NcaException.class)
                .hasMessageContaining("no integer 'format'");
        Path badJson = zip("bj.nca", Map.of("checkpoint.json", "{\"format\": 1,"));
        assertThatThrownBy(() -> CheckpointIO.read(badJson)).isInstanceOf(NcaException.class)
                .hasMessageContaining(badJson.toString()).hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsANewerFormatVersion() throws IOException {
        Path file = writeSample("v.nca");
        Path newer = rewriteManifest(file, "newer.nca", m -> m.put("format", 2));
        assertThatThrownBy(() -> CheckpointIO.read(newer)).isInstanceOf(NcaException.class)
                .hasMessageContaining(newer.toString()).hasMessageContaining("format 2")
                .hasMessageContaining("newer version");
    }

    @Test
    void rejectsTruncatedAndInconsistentCheckpoints() throws IOException {
        Path file = writeSample("good.nca");
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.nca");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThatThrownBy(() -> CheckpointIO.read(truncated)).isInstanceOf(NcaException.class)
                .hasMessageContaining(truncated.toString());

        Path noW1 = rewriteManifest(file, "now1.nca", m -> ((ObjectNode) m.get("parameters")).put("w1", "nope.npy"));
        assertThatThrownBy(() -> CheckpointIO.read(noW1)).isInstanceOf(NcaException.class)
                .hasMessageContaining(noW1.toString()).hasMessageContaining("nope.npy").hasMessageContaining("missing");

        Path wrongShape = rewriteManifest(file, "shape.nca", m -> ((ObjectNode) m.get("model")).put("hidden", 6));
        assertThatThrownBy(() -> CheckpointIO.read(wrongShape)).isInstanceOf(NcaException.class)
                .hasMessageContaining("corrupt").hasMessageContaining("'w2' must have shape [9, 6]");

        Path badBoundary = rewriteManifest(file, "b.nca", m -> ((ObjectNode) m.get("model")).put("boundary", "moebius"));
        assertThatThrownBy(() -> CheckpointIO.read(badBoundary)).isInstanceOf(NcaException.class)
                .hasMessageContaining("model.boundary").hasMessageContaining("moebius");

        Path noEpoch = rewriteManifest(file, "e.nca", m -> ((ObjectNode) m.get("training")).remove("epoch"));
        assertThatThrownBy(() -> CheckpointIO.read(noEpoch)).isInstanceOf(NcaException.class)
                .hasMessageContaining("lacks 'training.epoch'");

        Path wrongDtype = rewriteManifest(file, "d.nca", m -> m.put("dtype", "float64"));
        assertThatThrownBy(() -> CheckpointIO.read(wrongDtype)).isInstanceOf(NcaException.class)
                .hasMessageContaining("parameters/w2.npy holds FLOAT");
    }

    @Test
    void aCorruptTensorEntryIsReportedWithFileAndEntry() throws IOException {
        Path file = writeSample("t.nca");
        Map<String, byte[]> entries = entries(file);
        byte[] v = entries.get("parameters/v.npy");
        entries.put("parameters/v.npy", java.util.Arrays.copyOf(v, v.length - 4));
        Path corrupt = zipBytes("corrupt.nca", entries);
        assertThatThrownBy(() -> CheckpointIO.read(corrupt)).isInstanceOf(NcaException.class)
                .hasMessageContaining(corrupt + "!parameters/v.npy").hasMessageContaining("truncated");
    }

    @Test
    void scheduleStateRoundTripsBitForBitAndIsAbsentUnlessGiven() throws IOException {
        Path plain = writeSample("plain.nca");
        assertThat(CheckpointIO.read(plain).schedule()).isNull();
        INDArray floats = Nd4j.rand(DataType.FLOAT, 2, 3, 4, 4);
        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 5);
        ScheduleState state = ScheduleState.builder().array("states", floats).ints("keys", 7, 3)
                .integers("counter", Long.MAX_VALUE).array("scalar.v1", doubles).ints("none").build();
        Path file = dir.resolve("s.nca");
        CheckpointIO.write(file, CheckpointIO.read(plain).withSchedule(new SavedSchedule("transitions", state)));

        Checkpoint read = CheckpointIO.read(file);
        assertThat(read.schedule().schedule()).isEqualTo("transitions");
        ScheduleState back = read.schedule().state();
        assertThat(back.arrayNames()).containsExactly("states", "scalar.v1");
        assertBitsEqual(Map.of("states", back.array("states"), "scalar.v1", back.array("scalar.v1")),
                Map.of("states", floats, "scalar.v1", doubles));
        assertThat(back.integers("keys")).containsExactly(7, 3);
        assertThat(back.integers("counter")).containsExactly(Long.MAX_VALUE);
        assertThat(back.integers("none")).isEmpty();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("schedule/states.npy")).isNotNull();
            assertThat(zip.getEntry("schedule/scalar.v1.npy")).isNotNull();
        }
        assertThat(CheckpointIO.read(file).withSchedule(null).schedule()).isNull();
    }

    @Test
    void malformedScheduleStateIsReportedAsCorrupt() throws IOException {
        Path file = dir.resolve("s.nca");
        CheckpointIO.write(file, CheckpointIO.read(writeSample("plain.nca")).withSchedule(new SavedSchedule("growing",
                ScheduleState.builder().array("pool", Nd4j.zeros(DataType.FLOAT, 2)).ints("slots", 1).build())));
        Path noName = rewriteManifest(file, "n.nca", m -> ((ObjectNode) m.get("schedule")).remove("name"));
        assertThatThrownBy(() -> CheckpointIO.read(noName)).isInstanceOf(NcaException.class)
                .hasMessageContaining("corrupt").hasMessageContaining("'schedule.name'");
        Path badInteger = rewriteManifest(file, "i.nca", m -> ((ObjectNode) m.at("/schedule/integers"))
                .putArray("slots").add(1.5));
        assertThatThrownBy(() -> CheckpointIO.read(badInteger)).isInstanceOf(NcaException.class)
                .hasMessageContaining("'schedule.integers.slots'").hasMessageContaining("integers only");
        Path outside = rewriteManifest(file, "o.nca", m -> ((ObjectNode) m.at("/schedule/arrays"))
                .put("pool", "parameters/w2.npy"));
        assertThatThrownBy(() -> CheckpointIO.read(outside)).isInstanceOf(NcaException.class)
                .hasMessageContaining("entries under schedule/");
        Path badName = rewriteManifest(file, "b.nca", m -> ((ObjectNode) m.at("/schedule/integers"))
                .putArray("../x"));
        assertThatThrownBy(() -> CheckpointIO.read(badName)).isInstanceOf(NcaException.class)
                .hasMessageContaining("corrupt").hasMessageContaining("'../x'");
        Map<String, byte[]> entries = entries(file);
        entries.remove("schedule/pool.npy");
        Path missing = zipBytes("m.nca", entries);
        assertThatThrownBy(() -> CheckpointIO.read(missing)).isInstanceOf(NcaException.class)
                .hasMessageContaining("schedule/pool.npy").hasMessageContaining("missing");
    }

    @Test
    void constructionRejectsTensorsThatDoNotFitTheSpec() {
        NcaConfig config = config(false);
        Map<String, INDArray> tensors = new LinkedHashMap<>(randomParameters(config, DataType.FLOAT, 1).tensors());
        ModelSpec withBias = ModelSpec.of(config(true));
        assertThatThrownBy(() -> new Checkpoint(withBias, tensors, null, 0, 1, 1, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2");
        tensors.put(NcaParameters.V, tensors.get(NcaParameters.V).castTo(DataType.DOUBLE));
        assertThatThrownBy(() -> new Checkpoint(ModelSpec.of(config), tensors, null, 0, 1, 1, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'v' is DOUBLE");
    }

    private Path writeSample(String name) {
        NcaConfig config = config(false);
        Path file = dir.resolve(name);
        CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(config), randomParameters(config, DataType.FLOAT, 9),
                null, 3, 0.5, 0.25, "r", provenance()));
        return file;
    }

    private Path rewriteManifest(Path file, String name, java.util.function.Consumer<ObjectNode> edit)
            throws IOException {
        Map<String, byte[]> entries = entries(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(entries.get("checkpoint.json"));
        edit.accept(manifest);
        entries.put("checkpoint.json", json.writeValueAsBytes(manifest));
        return zipBytes(name, entries);
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return entries;
    }

    private Path zip(String name, Map<String, String> texts) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        texts.forEach((k, v) -> entries.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return zipBytes(name, entries);
    }

    private Path zipBytes(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void assertSpecEquals(ModelSpec actual, ModelSpec expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("kernels").isEqualTo(expected);
        assertThat(actual.kernels().names()).isEqualTo(expected.kernels().names());
        assertThat(actual.kernels().stencils()).isDeepEqualTo(expected.kernels().stencils());
        assertThat(actual.kernels().rotationSymmetric()).isEqualTo(expected.kernels().rotationSymmetric());
    }

    private static void assertBitsEqual(Map<String, INDArray> actual, Map<String, INDArray> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, e) -> {
            INDArray a = actual.get(name);
            assertThat(a.dataType()).as(name).isEqualTo(e.dataType());
            assertThat(a.shape()).as(name).isEqualTo(e.shape());
            if (e.dataType() == DataType.FLOAT) {
                assertThat(a.dup('c').data().asFloat()).as(name).isEqualTo(e.dup('c').data().asFloat());
            } else {
                assertThat(a.dup('c').data().asDouble()).as(name).isEqualTo(e.dup('c').data().asDouble());
            }
        });
    }
}
