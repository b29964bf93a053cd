package dev.nca.runtime.analyse.rules;

import dev.nca.api.NcaException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits the per-step change of every observable channel with a {@link TermLibrary} by
 * {@link SequentialThresholding}, on the cells of a set of {@link Transition}s (subsampled at
 * random to at most {@code maxRows} cells).
 */
public final class RuleRegression {

    private final TermLibrary library;
    private final SequentialThresholding method;
    private final int maxRows;

    /**
     * @param library the candidate terms
     * @param method  the sparse regression
     * @param maxRows the most cells fitted, >= the number of terms
     */
    public RuleRegression(TermLibrary library, SequentialThresholding method, int maxRows) {
        if (maxRows < library.terms().size()) {
            throw new NcaException("at least as many sampled cells as library terms (" + library.terms().size()
                    + ") are needed, got " + maxRows);
        }
        this.library = library;
        this.method = method;
        this.maxRows = maxRows;
    }

    /**
     * Fits every channel.
     *
     * @param transitions the observed steps (same channels and lattice)
     * @param random      chooses the cells when there are more than {@code maxRows}
     * @return one equation per channel, in channel order
     */
    public List<SparseFit> fit(List<Transition> transitions, SplittableRandom random) {
        if (transitions.isEmpty()) {
            throw new IllegalArgumentException("no transitions to fit");
        }
        long total = 0;
        for (Transition t : transitions) {
            total += t.before().cells();
        }
        double keep = Math.min(1.0, (double) maxRows / total);
        List<int[]> chosen = new ArrayList<>();
        int rows = 0;
        for (Transition t : transitions) {
            int[] cells = new int[t.before().cells()];
            int n = 0;
            for (int i = 0; i < cells.length; i++) {
                if (keep >= 1 || random.nextDouble() < keep) {
                    cells[n++] = i;
                }
            }
            chosen.add(java.util.Arrays.copyOf(cells, n));
            rows += n;
        }
        int p = library.terms().size();
        if (rows < p) {
            throw new NcaException("only " + rows + " cells were sampled for " + p + " library terms; sample more"
                    + " states or cells");
        }
        List<String> channels = transitions.get(0).before().names();
        double[][] columns = new double[p][rows];
        double[][] targets = new double[channels.size()][rows];
        int row = 0;
        for (int s = 0; s < transitions.size(); s++) {
            Transition t = transitions.get(s);
            int[] cells = chosen.get(s);
            for (int j = 0; j < p; j++) {
                double[] v = library.terms().get(j).evaluate(t.before());
                for (int k = 0; k < cells.length; k++) {
                    columns[j][row + k] = v[cells[k]];
                }
            }
            for (int c = 0; c < channels.size(); c++) {
                for (int k = 0; k < cells.length; k++) {
                    targets[c][row + k] = t.change()[c][cells[k]];
                }
            }
            row += cells.length;
        }
        List<SparseFit> fits = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            fits.add(method.fit(channels.get(c), library.names(), columns, targets[c]));
        }
        return fits;
    }
}
