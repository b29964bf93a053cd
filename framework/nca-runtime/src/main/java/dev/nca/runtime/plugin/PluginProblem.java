package dev.nca.runtime.plugin;

import java.util.Objects;

/**
 * Something that went wrong with one plugin (or one extension) while the host loaded it. The
 * host keeps going: other plugins are unaffected.
 *
 * @param subject the plugin id when known, otherwise the path of the plugin jar or directory
 * @param reason  a sentence saying what is wrong and, where possible, how to fix it
 */
public record PluginProblem(String subject, String reason) {

    public PluginProblem {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return subject + ": " + reason;
    }
}
