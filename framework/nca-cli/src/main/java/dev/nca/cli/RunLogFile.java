package dev.nca.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.nca.api.NcaException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A run's {@code train.log}: every log line the run prints on standard error (at the levels in
 * force, so {@code -q} and {@code -v} apply), with the date and time in UTC. Lines logged before
 * the run folder exists (data generation, model) are kept in memory and written first.
 * Does nothing when SLF4J is not bound to Logback (an embedding application).
 */
final class RunLogFile extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** The file name inside the run folder. */
    static final String FILE_NAME = "train.log";

    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level %logger{30} - %msg%n";

    private final PatternLayout layout = new PatternLayout();
    private final List<String> pending = new ArrayList<>();
    private final Logger root;
    private Writer writer;
    private Path file;

    private RunLogFile(Logger root) {
        this.root = root;
    }

    /** Starts collecting the log lines of a run; close it when the run ends. */
    static RunLogFile begin() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new RunLogFile(null);
        }
        RunLogFile log = new RunLogFile(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
        log.setContext(context);
        log.setName("run-log");
        log.layout.setContext(context);
        log.layout.setPattern(PATTERN);
        log.layout.start();
        log.start();
        log.root.addAppender(log);
        return log;
    }

    /** Writes the lines so far to {@code <folder>/train.log} and appends every further line there. */
    synchronized void writeInto(Path folder) {
        if (root == null) {
            return;
        }
        file = folder.resolve(FILE_NAME);
        try {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            for (String line : pending) {
                writer.write(line);
            }
            writer.flush();
        } catch (IOException e) {
            throw new NcaException("cannot write " + file + ": " + e.getMessage(), e);
        }
        pending.clear();
    }

    /** Adds a line that is not a log event (e.g. the final error message). */
    synchronized void line(String text) {
        write(text + System.lineSeparator());
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        write(layout.doLayout(event));
    }

    private void write(String text) {
        if (writer == null) {
            pending.add(text);
            return;
        }
        try {
            writer.write(text);
            writer.flush();
        } catch (IOException e) {
            addError("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (root == null) {
            return;
        }
        root.detachAppender(this);
        stop();
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new NcaException("cannot close " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
