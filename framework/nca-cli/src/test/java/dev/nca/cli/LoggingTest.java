package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The shipped logback.xml and the -v/-q options. */
class LoggingTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restoreDefaultLevel() {
        Logging.apply(Verbosity.NORMAL);
    }

    private Level frameworkLevel() {
        return context.getLogger("dev.nca").getLevel();
    }

    @Test
    void shippedConfigurationLogsFrameworkAtInfoAndLibrariesAtWarnToStandardError() {
        assertThat(frameworkLevel()).isEqualTo(Level.INFO);
        for (String library : new String[] {"org.nd4j", "org.bytedeco"}) {
            assertThat(context.getLogger(library).getLevel()).as(library).isEqualTo(Level.WARN);
        }
        assertThat(context.getLogger("org.pf4j").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("org.nd4j.linalg.factory.Nd4jBackend").isInfoEnabled()).isFalse();
        Appender<?> appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
    }

    @Test
    void verboseBeforeOrAfterTheCommandSelectsDebug() {
        assertThat(CliRun.run(CliEnvironment.empty(), "-v", "plugins").status()).isZero();
        assertThat(frameworkLevel()).isEqualTo(Level.DEBUG);

        Logging.apply(Verbosity.NORMAL);
        assertThat(CliRun.run(CliEnvironment.empty(), "plugins", "--verbose").status()).isZero();
        assertThat(frameworkLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void quietSelectsWarnAndNeitherSelectsInfo() {
        assertThat(CliRun.run(CliEnvironment.empty(), "plugins", "-q").status()).isZero();
        assertThat(frameworkLevel()).isEqualTo(Level.WARN);

        assertThat(CliRun.run(CliEnvironment.empty(), "plugins").status()).isZero();
        assertThat(frameworkLevel()).isEqualTo(Level.INFO);
    }
}
