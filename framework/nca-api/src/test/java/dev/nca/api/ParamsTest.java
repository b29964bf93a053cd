package dev.nca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("size", 64L, 4, 1024, "lattice side"),
            ParamSpec.real("feed", null, 0, 1, "feed rate"),
            ParamSpec.text("mode", "cell", List.of("cell", "element"), "mask mode"),
            ParamSpec.bool("scale", false, "min-max scaling"),
            ParamSpec.realList("weights", new double[] {1, 1}, 0, 10, "weights"));

    @Test
    void fillsDefaultsAndConvertsNumbers() {
        Params p = Params.validate(SPECS, Map.of("feed", 0.06, "weights", List.of(1L, 2.5)), "r.toml [data.params]");
        assertThat(p.getInt("size")).isEqualTo(64);
        assertThat(p.getDouble("feed")).isEqualTo(0.06);
        assertThat(p.getString("mode")).isEqualTo("cell");
        assertThat(p.getBoolean("scale")).isFalse();
        assertThat(p.getDoubles("weights")).containsExactly(1.0, 2.5);
    }

    @Test
    void integerIsAcceptedWhereARealIsExpected() {
        Params p = Params.validate(SPECS, Map.of("feed", 1L), "r.toml");
        assertThat(p.getDouble("feed")).isEqualTo(1.0);
    }

    @Test
    void unknownKeyNamesSourceKeyAndKnownKeys() {
        assertThatThrownBy(() -> Params.validate(SPECS, Map.of("feed", 0.1, "fed", 0.2), "r.toml [data.params]"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("r.toml [data.params]")
                .hasMessageContaining("'fed'")
                .hasMessageContaining("0.2")
                .hasMessageContaining("[size, feed, mode, scale, weights]");
    }

    @Test
    void missingRequiredKey() {
        assertThatThrownBy(() -> Params.validate(SPECS, Map.of(), "r.toml"))
                .hasMessageContaining("'feed'").hasMessageContaining("(missing)").hasMessageContaining("required");
    }

    @Test
    void wrongTypeAndOutOfRange() {
        assertThatThrownBy(() -> Params.validate(SPECS, Map.of("feed", "fast"), "r.toml"))
                .hasMessageContaining("\"fast\"").hasMessageContaining("a number in [0, 1]");
        assertThatThrownBy(() -> Params.validate(SPECS, Map.of("feed", 0.1, "size", 2L), "r.toml"))
                .hasMessageContaining("'size'").hasMessageContaining("an integer in [4, 1024]");
        assertThatThrownBy(() -> Params.validate(SPECS, Map.of("feed", 0.1, "size", 8.5), "r.toml"))
                .hasMessageContaining("'size'").hasMessageContaining("8.5");
        assertThatThrownBy(() -> Params.validate(SPECS, Map.of("feed", 0.1, "mode", "pixel"), "r.toml"))
                .hasMessageContaining("one of [cell, element]");
        assertThatThrownBy(() -> Params.validate(SPECS, Map.of("feed", 0.1, "weights", List.of(1L, 20L)), "r.toml"))
                .hasMessageContaining("'weights'");
    }

    @Test
    void combinationErrorsUseTheSameFormat() {
        Params p = Params.validate(SPECS, Map.of("feed", 0.5), "r.toml [data.params]");
        assertThat(p.invalid("feed", "less than 0.3 when size < 16").getMessage())
                .isEqualTo("r.toml [data.params]: key 'feed' has value 0.5; allowed: less than 0.3 when size < 16");
    }

    @Test
    void randomStreamsAreStableAndIndependent() {
        RandomSource r = new RandomSource(7);
        assertThat(r.stream("a").nextLong()).isEqualTo(new RandomSource(7).stream("a").nextLong());
        assertThat(r.stream("a").nextLong()).isNotEqualTo(r.stream("b").nextLong());
        assertThat(r.derive("a")).isNotEqualTo(new RandomSource(8).derive("a"));
    }

    @Test
    void kernelsDetectRotationSymmetry() {
        double[][] lap = {{1, 2, 1}, {2, -12, 2}, {1, 2, 1}};
        double[][] sobel = {{1, 2, 1}, {0, 0, 0}, {-1, -2, -1}};
        assertThat(Kernels.isRotationSymmetric(lap)).isTrue();
        assertThat(Kernels.isRotationSymmetric(sobel)).isFalse();
        assertThatThrownBy(() -> new Kernels(List.of("a"), new double[][][] {{{1, 2}}}, false))
                .hasMessageContaining("3x3");
    }

    @Test
    void listValuesAreShownElementByElementInMessages() {
        assertThat(new InvalidParameterException("r.toml [data.params]", "offsets", new double[] {1.5, -2.0},
                "pairs of integers").getMessage())
                .isEqualTo("r.toml [data.params]: key 'offsets' has value [1.5, -2.0]; allowed: pairs of integers");
        assertThat(InvalidParameterException.describe(List.of("a", 2L))).isEqualTo("[\"a\", 2]");
    }
}
