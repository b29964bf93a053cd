package dev.nca.runtime.plugin;

import java.util.ArrayList;
import java.util.List;
import org.pf4j.PluginRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects {@link PluginProblem}s and logs each as one ERROR line (the stack trace, if any, only
 * at DEBUG). Not thread-safe: the host loads plugins on one thread.
 */
final class ProblemLog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final List<PluginProblem> problems = new ArrayList<>();

    void report(PluginProblem problem) {
        report(problem, null);
    }

    void report(String subject, String reason, Throwable cause) {
        report(new PluginProblem(subject, reason), cause);
    }

    void report(PluginProblem problem, Throwable cause) {
        problems.add(problem);
        LOG.error("Plugin {}", problem);
        if (cause != null) {
            LOG.debug("Cause of the problem with plugin {}", problem.subject(), cause);
        }
    }

    List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * A one-line description of an exception for a problem reason: its message, or its type when
     * it has none, followed by the innermost cause's type and message when that differs.
     */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = summary(e);
        if (root != e) {
            if (!text.contains(summary(root))) {
                text += " (caused by " + root.getClass().getSimpleName() + ": " + summary(root) + ")";
            }
        }
        return text;
    }

    /**
     * As {@link #describe(Throwable)}, prefixed by the exception's simple type name (for failures of
     * plugin code, where the type is often the only clue); PF4J's wrapper exceptions are unwrapped.
     */
    static String describeWithType(Throwable e) {
        Throwable shown = e instanceof PluginRuntimeException && e.getCause() != null ? e.getCause() : e;
        String text = describe(shown);
        String type = shown.getClass().getSimpleName();
        return text.startsWith(type) ? text : type + ": " + text;
    }

    private static String summary(Throwable e) {
        String message = e.getMessage();
        // one line: some libraries' messages span several
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
