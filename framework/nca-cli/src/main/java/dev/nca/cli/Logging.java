package dev.nca.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging set-up of the command line. The configuration itself is {@code logback.xml} in this
 * module's resources; this class routes the libraries that do not log through SLF4J into it and
 * applies {@code -v}/{@code -q}.
 */
final class Logging {

    /** The logger whose level {@code -v} and {@code -q} change. */
    static final String FRAMEWORK_LOGGER = "dev.nca";

    /** PF4J's loggers: ERROR normally (the host reports plugin problems itself), WARN with -v. */
    static final String PF4J_LOGGER = "org.pf4j";

    /** JavaCPP's own logger writes to System.err unless told to use SLF4J. */
    private static final String JAVACPP_LOGGER_PROPERTY = "org.bytedeco.javacpp.logger";

    private Logging() {
    }

    /**
     * Routes java.util.logging (Guice) and JavaCPP's logger to SLF4J, so that logback.xml governs
     * them. Call once at process start, before ND4J is touched; changes process-wide state, so
     * only {@link Main#main} calls it.
     */
    static void routeLibraryLogging() {
        if (System.getProperty(JAVACPP_LOGGER_PROPERTY) == null) {
            System.setProperty(JAVACPP_LOGGER_PROPERTY, "slf4j");
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * Sets the level of the {@code dev.nca} loggers: DEBUG when verbose, WARN when quiet, INFO
     * otherwise; with {@code -v} PF4J's warnings and the stack traces of logged exceptions are
     * shown too. Does nothing (and says so at DEBUG) when the SLF4J backend is not Logback, e.g.
     * when the command line is embedded in another application.
     */
    static void apply(Verbosity verbosity) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            LoggerFactory.getLogger(Logging.class).debug(
                    "SLF4J is bound to {}, not Logback: --verbose/--quiet do not change log levels",
                    factory.getClass().getName());
            return;
        }
        Level level = switch (verbosity) {
            case QUIET -> Level.WARN;
            case NORMAL -> Level.INFO;
            case VERBOSE -> Level.DEBUG;
        };
        context.getLogger(FRAMEWORK_LOGGER).setLevel(level);
        context.getLogger(PF4J_LOGGER).setLevel(verbosity == Verbosity.VERBOSE ? Level.WARN : Level.ERROR);
        context.putProperty(ConsoleThrowableConverter.STACK_TRACES_PROPERTY,
                Boolean.toString(verbosity == Verbosity.VERBOSE));
        Logger log = LoggerFactory.getLogger(Logging.class);
        log.debug("Framework log level {}", level);
    }
}
