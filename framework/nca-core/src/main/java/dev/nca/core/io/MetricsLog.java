package dev.nca.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nca.api.NcaException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only JSON Lines log, usually {@code metrics.jsonl} in a run directory: one JSON
 * object per line, UTF-8, {@code '\n'} line ends, keys in the order given.
 *
 * <p>Each record is serialised completely and then handed to the operating system in a single
 * unbuffered write, so a crash of the JVM loses at most the line being written (it is not
 * fsync'ed, so a power loss may lose more). Opening a file whose last line was cut short by a
 * crash first ends that line, so the fragment stays on its own line; {@link #read(Path)} skips
 * such a fragment at the end of the file.
 *
 * <p>JSON has no NaN or infinity: a non-finite float or double anywhere in a record (nested
 * values included) is written as {@code null}, and nothing else is added; readers treat
 * {@code null} as "not a finite number". Thread-safe.
 */
public final class MetricsLog implements Closeable {

    /** The conventional file name in a run directory. */
    public static final String FILE_NAME = "metrics.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private OutputStream out;

    private MetricsLog(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it and its parent directories if needed. */
    public static MetricsLog open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            boolean unterminated = endsWithoutNewline(file);
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            if (unterminated) {
                LOG.warn("{} ends with an incomplete line (probably from a crash); it is left on a line of its own",
                        file);
                out.write('\n');
            }
            return new MetricsLog(file, out);
        } catch (IOException e) {
            throw new NcaException("could not open the metrics log " + file + ": " + e, e);
        }
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /**
     * Appends one record. Values may be numbers, strings, booleans, {@code null}, arrays,
     * collections, maps or Jackson nodes.
     */
    public void append(Map<String, ?> record) {
        Objects.requireNonNull(record, "record");
        append((ObjectNode) JSON.valueToTree(record));
    }

    /** Appends one record (the node is not modified). */
    public synchronized void append(ObjectNode record) {
        Objects.requireNonNull(record, "record");
        if (out == null) {
            throw new IllegalStateException("the metrics log " + file + " is closed");
        }
        byte[] line;
        try {
            line = (JSON.writeValueAsString(finiteOrNull(record)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the record cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new NcaException("could not append to the metrics log " + file + ": " + e, e);
        }
    }

    /** Closes the file; further appends fail. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new NcaException("could not close the metrics log " + file + ": " + e, e);
            } finally {
                out = null;
            }
        }
    }

    /**
     * Reads every record of a log. An incomplete last line (no {@code '\n'}) is skipped with a
     * warning; any other line that is not a JSON object is an error naming the file and line.
     */
    public static List<ObjectNode> read(Path file) {
        List<String> lines;
        boolean unterminated;
        try {
            unterminated = endsWithoutNewline(file);
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NcaException("could not read the metrics log " + file + ": " + e, e);
        }
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (unterminated && i == lines.size() - 1) {
                LOG.warn("skipping the incomplete last line of {}", file);
                break;
            }
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(lines.get(i));
                if (!(node instanceof ObjectNode o)) {
                    throw new NcaException("line " + (i + 1) + " of " + file + " is not a JSON object");
                }
                records.add(o);
            } catch (JsonProcessingException e) {
                throw new NcaException("line " + (i + 1) + " of " + file + " is not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
        return records;
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() != '\n';
        }
    }

    /** A copy of {@code node} with every non-finite floating-point value replaced by null. */
    private static JsonNode finiteOrNull(JsonNode node) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return NullNode.getInstance();
        }
        if (node instanceof ObjectNode o) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), finiteOrNull(e.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = JSON.createArrayNode();
            a.forEach(x -> copy.add(finiteOrNull(x)));
            return copy;
        }
        return node;
    }
}
