package dev.nca.support.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Weights worked out by hand. */
class TimeWeightingTest {

    @Test
    void uniformGivesEveryFrameOneKth() {
        assertThat(TimeWeighting.UNIFORM.weights(4)).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void linearGrowsInProportionToTheFrame() {
        // k = 3: 1 + 2 + 3 = 6
        assertThat(TimeWeighting.LINEAR.weights(3)).containsExactly(new double[] {1 / 6.0, 2 / 6.0, 3 / 6.0},
                within(1e-15));
    }

    @Test
    void finalCountsOnlyTheHorizon() {
        assertThat(TimeWeighting.FINAL.weights(3)).containsExactly(0.0, 0.0, 1.0);
        assertThat(TimeWeighting.FINAL.weights(1)).containsExactly(1.0);
    }

    @Test
    void everyWeightingSumsToOne() {
        for (TimeWeighting w : TimeWeighting.values()) {
            for (int k = 1; k <= 9; k++) {
                double sum = 0;
                for (double v : w.weights(k)) {
                    assertThat(v).isGreaterThanOrEqualTo(0.0);
                    sum += v;
                }
                assertThat(sum).as("%s, k = %d", w, k).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void recipeSpellingsRoundTrip() {
        assertThat(TimeWeighting.choices()).containsExactly("uniform", "linear", "final");
        for (TimeWeighting w : TimeWeighting.values()) {
            assertThat(TimeWeighting.fromRecipe(w.recipeName())).isSameAs(w);
        }
        assertThatThrownBy(() -> TimeWeighting.fromRecipe("Linear")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"Linear\"").hasMessageContaining("[uniform, linear, final]");
    }

    @Test
    void aHorizonHasAtLeastOneFrame() {
        assertThatThrownBy(() -> TimeWeighting.UNIFORM.weights(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
