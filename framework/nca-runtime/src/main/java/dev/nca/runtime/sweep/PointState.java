package dev.nca.runtime.sweep;

import java.util.Map;
import java.util.Objects;

/**
 * What a point's {@code state.json} says: the point's own record of its progress, the truth for
 * every executor (a cluster's accounting may be off or wrong).
 *
 * @param state   {@code running}, {@code done} or {@code failed}
 * @param attempt how many times the point was started (1 for the first)
 * @param host    where it ran
 * @param message for a failed point, the error
 * @param result  for a done point, the training summary and evaluation (JSON values)
 */
public record PointState(String state, int attempt, String host, String message, Map<String, Object> result) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public PointState {
        Objects.requireNonNull(state, "state");
        host = host == null ? "" : host;
        message = message == null ? "" : message;
        result = result == null ? Map.of() : result;
    }

    public boolean done() {
        return DONE.equals(state);
    }
}
