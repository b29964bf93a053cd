package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How the shipped logging shows a logged exception: one line, or its stack trace with -v. */
class ConsoleThrowableConverterTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restoreDefaultLevel() {
        Logging.apply(Verbosity.NORMAL);
    }

    private String render(Throwable thrown) {
        ConsoleThrowableConverter converter = new ConsoleThrowableConverter();
        converter.setContext(context);
        converter.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.pf4j.Test"), Level.ERROR,
                "cannot load", thrown, null);
        return converter.convert(event);
    }

    @Test
    void exceptionIsOneLineUnlessVerbose() {
        Exception thrown = new ClassNotFoundException("org.example.Missing\nsecond line");
        Logging.apply(Verbosity.NORMAL);
        assertThat(render(thrown)).isEqualTo(
                " [ClassNotFoundException: org.example.Missing second line; nca -v prints the stack trace]");
        Logging.apply(Verbosity.QUIET);
        assertThat(render(thrown)).doesNotContain("\n");

        Logging.apply(Verbosity.VERBOSE);
        assertThat(render(thrown)).startsWith(System.lineSeparator() + "java.lang.ClassNotFoundException")
                .contains("\tat dev.nca.cli.ConsoleThrowableConverterTest").doesNotEndWith("\n");
    }

    @Test
    void eventWithoutExceptionAddsNothing() {
        assertThat(render(null)).isEmpty();
    }

    @Test
    void shippedPatternUsesTheConverter() {
        var appender = (ch.qos.logback.core.ConsoleAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR");
        var encoder = (ch.qos.logback.classic.encoder.PatternLayoutEncoder) appender.getEncoder();
        assertThat(encoder.getPattern()).contains("%ncaEx");
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getLevel() >= ch.qos.logback.core.status.Status.WARN);
    }
}
