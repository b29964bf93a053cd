package dev.nca.runtime.analyse.rules;

import java.util.List;
import java.util.function.Function;

/** Library terms built from the finite-difference derivatives of {@link Fields}. */
final class Derivative implements CandidateTerm {

    private final String name;
    private final Function<Fields, double[]> value;

    private Derivative(String name, Function<Fields, double[]> value) {
        this.name = name;
        this.value = value;
    }

    static Derivative laplacian(String channel, int c) {
        return new Derivative("lap(" + channel + ")", f -> f.laplacian(c));
    }

    static Derivative gradientX(String channel, int c) {
        return new Derivative("d_x(" + channel + ")", f -> f.gradientX(c));
    }

    static Derivative gradientY(String channel, int c) {
        return new Derivative("d_y(" + channel + ")", f -> f.gradientY(c));
    }

    /** {@code u_c * lap(u_d)}. */
    static Derivative timesLaplacian(List<String> channels, int c, int d) {
        return new Derivative(channels.get(c) + "*lap(" + channels.get(d) + ")", f -> {
            double[] u = f.field(c);
            double[] l = f.laplacian(d);
            double[] out = new double[u.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = u[i] * l[i];
            }
            return out;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[] evaluate(Fields fields) {
        return value.apply(fields);
    }
}
