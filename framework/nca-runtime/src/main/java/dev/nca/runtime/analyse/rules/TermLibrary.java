package dev.nca.runtime.analyse.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The candidate terms of a sparse regression, in column order. The standard library for channels
 * u_1..u_C holds the constant 1, every monomial of the channels up to a degree, and for every
 * channel its Laplacian and both gradient components, and the products {@code u_c lap(u_d)};
 * {@link #with} adds further terms.
 */
public final class TermLibrary {

    private final List<CandidateTerm> terms;

    private TermLibrary(List<CandidateTerm> terms) {
        this.terms = List.copyOf(terms);
    }

    /**
     * The standard library.
     *
     * @param channels the channel names (C of them)
     * @param degree   the highest polynomial degree, 1..3 (or more)
     * @return a new library
     */
    public static TermLibrary standard(List<String> channels, int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("the polynomial degree must be at least 1, got " + degree);
        }
        List<CandidateTerm> terms = new ArrayList<>();
        terms.add(Monomial.of(channels, new int[channels.size()]));
        for (int d = 1; d <= degree; d++) {
            addMonomials(channels, d, 0, new int[channels.size()], terms);
        }
        for (int c = 0; c < channels.size(); c++) {
            terms.add(Derivative.laplacian(channels.get(c), c));
        }
        for (int c = 0; c < channels.size(); c++) {
            terms.add(Derivative.gradientX(channels.get(c), c));
            terms.add(Derivative.gradientY(channels.get(c), c));
        }
        for (int c = 0; c < channels.size(); c++) {
            for (int d = 0; d < channels.size(); d++) {
                terms.add(Derivative.timesLaplacian(channels, c, d));
            }
        }
        return new TermLibrary(terms);
    }

    /** A library of exactly these terms. */
    public static TermLibrary of(List<CandidateTerm> terms) {
        return new TermLibrary(terms);
    }

    /** This library with {@code extra} appended. */
    public TermLibrary with(CandidateTerm extra) {
        List<CandidateTerm> all = new ArrayList<>(terms);
        all.add(extra);
        return new TermLibrary(all);
    }

    /** The terms, in column order. */
    public List<CandidateTerm> terms() {
        return Collections.unmodifiableList(terms);
    }

    /** The term names, in column order. */
    public List<String> names() {
        return terms.stream().map(CandidateTerm::name).toList();
    }

    private static void addMonomials(List<String> channels, int remaining, int from, int[] powers,
                                     List<CandidateTerm> out) {
        if (remaining == 0) {
            out.add(Monomial.of(channels, powers.clone()));
            return;
        }
        for (int c = from; c < channels.size(); c++) {
            powers[c]++;
            addMonomials(channels, remaining - 1, c, powers, out);
            powers[c]--;
        }
    }

    /** A product of powers of the channels; all powers zero is the constant 1. */
    private record Monomial(String name, int[] powers) implements CandidateTerm {

        static Monomial of(List<String> channels, int[] powers) {
            StringBuilder name = new StringBuilder();
            for (int c = 0; c < powers.length; c++) {
                if (powers[c] > 0) {
                    name.append(name.length() > 0 ? "*" : "").append(channels.get(c));
                    if (powers[c] > 1) {
                        name.append('^').append(powers[c]);
                    }
                }
            }
            return new Monomial(name.length() == 0 ? "1" : name.toString(), powers);
        }

        @Override
        public double[] evaluate(Fields fields) {
            double[] out = new double[fields.cells()];
            java.util.Arrays.fill(out, 1.0);
            for (int c = 0; c < powers.length; c++) {
                double[] u = fields.field(c);
                for (int p = 0; p < powers[c]; p++) {
                    for (int i = 0; i < out.length; i++) {
                        out[i] *= u[i];
                    }
                }
            }
            return out;
        }
    }
}
