package dev.nca.support.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HorizonParamsTest {

    private static final List<ParamSpec> SPECS = List.of(HorizonParams.maxSteps(4L), HorizonParams.intermediate(),
            HorizonParams.timeWeighting());

    @Test
    void defaultsAreTheGivenHorizonNoIntermediateTargetsAndUniformWeights() {
        Params params = Params.validate(SPECS, Map.of(), "test");
        assertThat(params.getInt(HorizonParams.MAX_STEPS)).isEqualTo(4);
        assertThat(params.getBoolean(HorizonParams.INTERMEDIATE)).isFalse();
        assertThat(params.getString(HorizonParams.TIME_WEIGHTING)).isEqualTo("uniform");
    }

    @Test
    void timeWeightingAcceptsOnlyTheRecipeSpellings() {
        assertThat(Params.validate(SPECS, Map.of("time_weighting", "linear"), "test").getString("time_weighting"))
                .isEqualTo("linear");
        assertThatThrownBy(() -> Params.validate(SPECS, Map.of("time_weighting", "quadratic"), "test"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("time_weighting");
    }

    @Test
    void aHorizonNeedsAStartFrameFollowedByKMoreFrames() {
        Params params = Params.validate(SPECS, Map.of("max_steps", 5L), "r.toml [training.schedule_params]");
        assertThat(HorizonParams.maxSteps(params, 6)).isEqualTo(5);
        assertThatThrownBy(() -> HorizonParams.maxSteps(params, 5)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("max_steps").hasMessageContaining("at most T - 1 = 4");
    }
}
