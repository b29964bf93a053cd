package dev.nca.runtime.analyse.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sparse equation found for one channel: {@code change = sum_j coefficient_j * term_j}.
 *
 * @param channel      the channel whose per-step change was fitted
 * @param coefficients the surviving terms and their coefficients, in library order
 * @param r2           R^2 of the sparse equation: the fraction of the change's variance it explains
 * @param libraryR2    R^2 of the least-squares fit with every library term (the most any equation
 *                     in this library explains; below 1 when the change depends on something else,
 *                     such as hidden channels)
 * @param rows         the number of samples (cells x states) fitted
 */
public record SparseFit(String channel, Map<String, Double> coefficients, double r2, double libraryR2, int rows) {

    public SparseFit {
        coefficients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
    }

    /** The equation as text, e.g. {@code "d A = +0.0623 - 0.0623 A - 1 A*B^2 + 0.1 lap(A)"}. */
    public String equation() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            String value = String.format(Locale.ROOT, "%+.5g", e.getValue());
            parts.add(e.getKey().equals("1") ? value : value + " " + e.getKey());
        }
        return "d " + channel + " = " + (parts.isEmpty() ? "0" : String.join(" ", parts));
    }
}
