package dev.nca.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nca.api.ScheduleState;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code schedule} object of {@code checkpoint.json} (see {@link CheckpointIO}): the schedule's
 * name, its arrays as zip entries {@code schedule/<name>.npy} and its integer lists inline.
 */
final class ScheduleStateJson {

    /** Prefix of the zip entries of the schedule state's arrays. */
    static final String PREFIX = "schedule/";

    /** Reads the tensors a JSON object maps to zip entries. */
    @FunctionalInterface
    interface TensorReader {
        Map<String, INDArray> read(JsonNode names) throws IOException;
    }

    private ScheduleStateJson() {
    }

    /** The manifest object for {@code saved}; registers its arrays in {@code entries}. */
    static ObjectNode write(SavedSchedule saved, Map<String, INDArray> entries) {
        ScheduleState state = saved.state();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", saved.schedule());
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        state.arrayNames().forEach(name -> arrays.put(name, state.array(name)));
        node.set("arrays", CheckpointIO.register(arrays, PREFIX, entries));
        ObjectNode integers = node.putObject("integers");
        for (String name : state.integerNames()) {
            ArrayNode list = integers.putArray(name);
            for (long v : state.integers(name)) {
                list.add(v);
            }
        }
        return node;
    }

    /**
     * The schedule state described by {@code node}.
     *
     * @throws dev.nca.api.NcaException if a field is missing or malformed
     * @throws IllegalArgumentException  if a name is invalid or used twice (the caller reports it as corruption)
     */
    static SavedSchedule read(JsonNode node, CheckpointJson json, TensorReader tensors) throws IOException {
        String name = json.text(node, "schedule.name");
        ScheduleState.Builder state = ScheduleState.builder();
        JsonNode arrayNames = json.object(node, "schedule.arrays");
        for (Iterator<Map.Entry<String, JsonNode>> it = arrayNames.fields(); it.hasNext(); ) {
            String entry = it.next().getValue().asText();
            if (!entry.startsWith(PREFIX)) {
                throw json.corrupt("schedule state arrays must be entries under " + PREFIX + ", got '" + entry + "'");
            }
        }
        tensors.read(arrayNames).forEach(state::array);
        JsonNode integers = json.object(node, "schedule.integers");
        for (Iterator<Map.Entry<String, JsonNode>> it = integers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "schedule.integers." + e.getKey();
            if (!e.getValue().isArray()) {
                throw json.corrupt("'" + path + "' in checkpoint.json must be an array of integers");
            }
            long[] values = new long[e.getValue().size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = e.getValue().get(i);
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw json.corrupt("'" + path + "' in checkpoint.json must hold integers only, got " + v);
                }
                values[i] = v.longValue();
            }
            state.integers(e.getKey(), values);
        }
        return new SavedSchedule(name, state.build());
    }
}
