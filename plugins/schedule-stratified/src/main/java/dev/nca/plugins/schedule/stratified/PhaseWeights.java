package dev.nca.plugins.schedule.stratified;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.Params;
import dev.nca.api.PhaseLabels;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The probability of drawing each phase of the data, from the recipe's {@code phases} and
 * {@code weights}. Phases of the data that the recipe does not list get probability 0.
 */
final class PhaseWeights {

    private final List<String> names;
    private final double[] probabilities;
    private final double[] cumulative;

    private PhaseWeights(List<String> names, double[] probabilities) {
        this.names = names;
        this.probabilities = probabilities;
        this.cumulative = new double[probabilities.length];
        double sum = 0;
        for (int p = 0; p < probabilities.length; p++) {
            sum += probabilities[p];
            cumulative[p] = sum;
        }
    }

    /**
     * Checks the recipe's phases and weights against the data's phase names.
     *
     * @param params validated parameters holding {@code phasesKey} (text list) and
     *               {@code weightsKey} (real list, each >= 0)
     * @param labels the data's phase labels
     * @throws InvalidParameterException naming the key, the value and what is allowed, for an
     *                                   empty or repeated phase, an unknown phase, lists of
     *                                   different lengths, or weights that sum to zero
     */
    static PhaseWeights of(Params params, String phasesKey, String weightsKey, PhaseLabels labels) {
        List<String> phases = params.getStrings(phasesKey);
        double[] weights = params.getDoubles(weightsKey);
        List<String> available = labels.names();
        if (phases.isEmpty()) {
            throw params.invalid(phasesKey, "at least one phase name of the data: " + available);
        }
        Set<String> seen = new HashSet<>();
        for (String phase : phases) {
            if (!available.contains(phase)) {
                throw params.invalid(phasesKey, "names of the data's phases " + available + " (\"" + phase
                        + "\" is not one)");
            }
            if (!seen.add(phase)) {
                throw params.invalid(phasesKey, "each phase at most once (\"" + phase + "\" is listed twice)");
            }
        }
        if (weights.length != phases.size()) {
            throw invalidWeights(params, weightsKey, weights, "one weight per entry of '" + phasesKey + "' ("
                    + phases.size() + " phases, " + weights.length + " weights)");
        }
        double sum = Arrays.stream(weights).sum();
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw invalidWeights(params, weightsKey, weights, "non-negative weights with a positive, finite sum");
        }
        double[] probabilities = new double[available.size()];
        for (int n = 0; n < phases.size(); n++) {
            probabilities[available.indexOf(phases.get(n))] = weights[n] / sum;
        }
        return new PhaseWeights(available, probabilities);
    }

    /** Params.invalid would print a double[] as an object reference: show the numbers. */
    private static InvalidParameterException invalidWeights(Params params, String key, double[] weights,
                                                            String allowed) {
        return new InvalidParameterException(params.source(), key, Arrays.stream(weights).boxed().toList(), allowed);
    }

    /** The data's phase names, in label-index order. */
    List<String> names() {
        return names;
    }

    /** The probability of phase (label index) p; the probabilities sum to 1. */
    double probability(int p) {
        return probabilities[p];
    }

    /** Draws a phase label index with these probabilities. */
    int draw(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int p = 0; p < cumulative.length; p++) {
            if (u < cumulative[p]) {
                return p;
            }
        }
        // only reachable through rounding when u lands on the total: take the last phase with weight
        for (int p = cumulative.length - 1; p >= 0; p--) {
            if (probabilities[p] > 0) {
                return p;
            }
        }
        throw new IllegalStateException("no phase has a positive probability");
    }
}
