package dev.nca.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Suggestions.distance("", "")).isZero();
        assertThat(Suggestions.distance("abc", "")).isEqualTo(3);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("epoch", "epochs")).isEqualTo(1);
        assertThat(Suggestions.distance("id-lpa", "id-lap")).isEqualTo(2);
    }

    @Test
    void suggestsOnlyCloseNames() {
        List<String> keys = List.of("epochs", "minibatch", "loss");
        assertThat(Suggestions.closest("epoch", keys)).contains("epochs");
        assertThat(Suggestions.closest("minibach", keys)).contains("minibatch");
        assertThat(Suggestions.closest("seed", keys)).isEmpty();
        assertThat(Suggestions.closest("x", keys)).isEmpty();
        assertThat(Suggestions.didYouMean("los", keys, "'")).isEqualTo(" (did you mean 'loss'?)");
        assertThat(Suggestions.didYouMean("zzz", keys, "'")).isEmpty();
    }
}
