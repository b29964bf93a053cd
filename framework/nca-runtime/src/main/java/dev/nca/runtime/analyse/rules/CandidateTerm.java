package dev.nca.runtime.analyse.rules;

/**
 * One column of the regression library: a named function of the observable fields evaluated at
 * every cell, e.g. {@code A*B^2} or {@code lap(A)}. Implement it to extend a {@link TermLibrary}.
 */
public interface CandidateTerm {

    /** How the term is printed in an equation, e.g. {@code "A*B^2"}. */
    String name();

    /**
     * The term's value at every cell.
     *
     * @param fields the fields of one state
     * @return {@code [S * S]} values (a new array or a cached one; callers do not modify it)
     */
    double[] evaluate(Fields fields);
}
