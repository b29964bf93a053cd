package dev.nca.runtime.analyse.rules;

import dev.nca.api.Boundary;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One observed step of a lattice: the observable fields before it and their change.
 *
 * @param before the fields before the step
 * @param change {@code [C_obs][S * S]}: after minus before, per channel
 */
public record Transition(Fields before, double[][] change) {

    /**
     * The transitions of a batch of states.
     *
     * @param before     {@code [B, C, S, S]} states (only the first {@code names.size()} channels are used)
     * @param after      {@code [B, C', S, S]} the states one step (or frame) later
     * @param names      the observable channels' names
     * @param boundary   the lattice's boundary rule, for the derivatives
     * @return B transitions
     */
    public static List<Transition> of(INDArray before, INDArray after, List<String> names, Boundary boundary) {
        int b = (int) before.size(0);
        int size = (int) before.size(3);
        int cells = size * size;
        int c = names.size();
        double[] x = before.dup('c').data().asDouble();
        double[] y = after.dup('c').data().asDouble();
        int strideX = (int) before.size(1) * cells;
        int strideY = (int) after.size(1) * cells;
        List<Transition> out = new ArrayList<>(b);
        for (int s = 0; s < b; s++) {
            double[][] fields = new double[c][cells];
            double[][] change = new double[c][cells];
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < cells; i++) {
                    double v = x[s * strideX + ch * cells + i];
                    fields[ch][i] = v;
                    change[ch][i] = y[s * strideY + ch * cells + i] - v;
                }
            }
            out.add(new Transition(new Fields(names, fields, size, boundary), change));
        }
        return out;
    }
}
