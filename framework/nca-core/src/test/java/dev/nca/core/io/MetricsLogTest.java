package dev.nca.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachLineIsOneJsonObjectWithTheGivenFieldsInOrder() throws IOException {
        Path file = dir.resolve("run/metrics.jsonl");
        try (MetricsLog log = MetricsLog.open(file)) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("epoch", 0);
            first.put("loss", 0.25);
            first.put("seconds", 1.5f);
            first.put("phase", "train");
            first.put("batchLosses", new double[] {0.5, 0.125});
            log.append(first);
            // visible on disk before close: nothing is held in a buffer
            assertThat(Files.readString(file)).endsWith("\n").contains("\"phase\":\"train\"");
            ObjectNode second = json.createObjectNode().put("epoch", 1).put("loss", 0.0625);
            second.putObject("lr").put("value", 1e-3);
            log.append(second);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode a = json.readTree(lines.get(0));
        assertThat(a.isObject()).isTrue();
        assertThat(a.fieldNames()).toIterable().containsExactly("epoch", "loss", "seconds", "phase", "batchLosses");
        assertThat(a.get("epoch").intValue()).isZero();
        assertThat(a.get("loss").doubleValue()).isEqualTo(0.25);
        assertThat(a.get("seconds").doubleValue()).isEqualTo(1.5);
        assertThat(a.get("batchLosses").get(1).doubleValue()).isEqualTo(0.125);
        JsonNode b = json.readTree(lines.get(1));
        assertThat(b.at("/lr/value").doubleValue()).isEqualTo(1e-3);
        assertThat(MetricsLog.read(file)).containsExactly((ObjectNode) a, (ObjectNode) b);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNullEvenWhenNested() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.open(file)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("loss", Double.NaN);
            r.put("best", Double.POSITIVE_INFINITY);
            r.put("f", Float.NEGATIVE_INFINITY);
            r.put("ok", 2.0);
            r.put("list", List.of(1.0, Double.NaN));
            r.put("nested", Map.of("x", Double.NaN));
            log.append(r);
        }
        String line = Files.readString(file).strip();
        assertThat(line).isEqualTo("{\"loss\":null,\"best\":null,\"f\":null,\"ok\":2.0,\"list\":[1.0,null],"
                + "\"nested\":{\"x\":null}}");
    }

    @Test
    void reopeningAppendsAndIsolatesALineCutShortByACrash() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.open(file)) {
            log.append(Map.of("epoch", 0));
        }
        Files.writeString(file, "{\"epoch\": 1, \"lo", StandardOpenOption.APPEND);
        assertThat(MetricsLog.read(file)).hasSize(1);
        try (MetricsLog log = MetricsLog.open(file)) {
            log.append(Map.of("epoch", 1));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsExactly("{\"epoch\":0}", "{\"epoch\": 1, \"lo", "{\"epoch\":1}");
        assertThatThrownBy(() -> MetricsLog.read(file)).isInstanceOf(NcaException.class)
                .hasMessageContaining("line 2 of " + file);
    }

    @Test
    void appendingAfterCloseFails() {
        MetricsLog log = MetricsLog.open(dir.resolve("m.jsonl"));
        log.close();
        log.close();
        assertThatThrownBy(() -> log.append(Map.of("a", 1))).isInstanceOf(IllegalStateException.class);
    }
}
