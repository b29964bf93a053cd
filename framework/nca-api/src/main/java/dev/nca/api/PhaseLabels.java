package dev.nca.api;

import java.util.List;
import java.util.Objects;

/**
 * Optional per-frame labels of a trajectory set, e.g. {@code growing / stable / regenerating}.
 *
 * @param names  label names; a label is an index into this list
 * @param labels {@code [R][T]} label index of each frame (copied)
 */
public record PhaseLabels(List<String> names, int[][] labels) {
    public PhaseLabels {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(labels, "labels");
        names = List.copyOf(names);
        int[][] copy = new int[labels.length][];
        for (int r = 0; r < labels.length; r++) {
            copy[r] = labels[r].clone();
            for (int l : copy[r]) {
                if (l < 0 || l >= names.size()) {
                    throw new IllegalArgumentException("phase label " + l + " outside 0.." + (names.size() - 1));
                }
            }
        }
        labels = copy;
    }

    /** The label index of frame t of trajectory r. */
    public int label(int r, int t) {
        return labels[r][t];
    }
}
