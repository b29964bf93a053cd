package dev.nca.cli;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * The {@code %ncaEx} conversion word of the shipped {@code logback.xml}: how an exception
 * attached to a log event reaches the console. Normally as one bracketed line after the message
 * (its type and message), so that no library (PF4J, ND4J) puts a stack trace in front of a user;
 * with {@code -v} (the context property {@value #STACK_TRACES_PROPERTY} is {@code true}) as the
 * full stack trace on the following lines.
 */
public final class ConsoleThrowableConverter extends ThrowableHandlingConverter {

    /** The logger-context property that {@link Logging#apply} sets to {@code true} for {@code -v}. */
    static final String STACK_TRACES_PROPERTY = "nca.stackTraces";

    private final ThrowableProxyConverter full = new ThrowableProxyConverter();

    @Override
    public void start() {
        full.setContext(getContext());
        full.start();
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return "";
        }
        if (Boolean.parseBoolean(getContext().getProperty(STACK_TRACES_PROPERTY))) {
            String trace = full.convert(event);
            return CoreConstants.LINE_SEPARATOR + trace.stripTrailing();
        }
        String type = thrown.getClassName().substring(thrown.getClassName().lastIndexOf('.') + 1);
        String message = thrown.getMessage();
        return " [" + type + (message == null || message.isBlank() ? "" : ": " + message.strip()
                .replaceAll("\\s*\\R\\s*", " ")) + "; nca -v prints the stack trace]";
    }
}
