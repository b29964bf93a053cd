package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code nca check}, run in-process on the evaluation test plugin. */
class CheckCommandTest extends EvalPluginCommandTest {

    @Test
    void aValidRecipeIsReportedWithItsExtensions() throws IOException {
        Path recipe = Files.writeString(temp.resolve("good.toml"), EvalTestPlugin.RECIPE);

        CliRun run = nca("check", recipe.toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("valid").asBoolean()).isTrue();
        assertThat(json.get(0).get("experiment").asText()).isEqualTo("eval-cli");
        assertThat(json.get(0).get("dataset").asText()).isEqualTo("eval-ramp");
        assertThat(json.get(0).get("schedule").asText()).isEqualTo("eval-first-transition");
        assertThat(temp.resolve("runs")).doesNotExist();
    }

    /**
     * A test swaps the engines through a Guice module override: "auto" then means the overriding
     * catalog's default, and a name only the default catalog knows is refused with the recipe key.
     */
    @Test
    void anOverridingEngineModuleReplacesTheHostsEngines() throws IOException {
        Path recipe = Files.writeString(temp.resolve("good.toml"), EvalTestPlugin.RECIPE);
        com.google.inject.Module referenceOnly = new com.google.inject.AbstractModule() {
            @com.google.inject.Provides
            dev.nca.core.engine.EngineCatalog engines() {
                return new dev.nca.core.engine.EngineCatalog(
                        java.util.List.of(new dev.nca.core.engine.reference.Nd4jReferenceEngineFactory()),
                        "nd4j-reference");
            }
        };

        // the host's "auto" prefers fused, which does not apply to every model, so check prints
        // "auto": the choice is made per model when training starts (and recorded in provenance)
        assertThat(JSON.readTree(nca("check", recipe.toString()).out()).get(0).get("engine").asText())
                .isEqualTo("auto");
        CliRun swapped = nca(java.util.List.of(referenceOnly), "check", recipe.toString());
        assertThat(swapped.status()).as(swapped.err()).isZero();
        assertThat(JSON.readTree(swapped.out()).get(0).get("engine").asText()).isEqualTo("nd4j-reference");

        Path named = Files.writeString(temp.resolve("named.toml"),
                EvalTestPlugin.RECIPE.replace("[training]", "[training]\nengine = \"stencil-gemm\""));
        CliRun refused = nca(java.util.List.of(referenceOnly), "check", named.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(JSON.readTree(refused.out()).get(0).get("error").asText()).contains("named.toml")
                .contains("[training] engine").contains("no engine \"stencil-gemm\"").contains("nd4j-reference");
    }

    @Test
    void everyRecipeIsCheckedAndEachProblemNamesItsFileAndKey() throws IOException {
        Path good = Files.writeString(temp.resolve("good.toml"), EvalTestPlugin.RECIPE);
        Path badParam = Files.writeString(temp.resolve("bad-param.toml"),
                EvalTestPlugin.RECIPE.replace("rate = 0.5", "rate = 50.0"));
        Path badName = Files.writeString(temp.resolve("bad-name.toml"),
                EvalTestPlugin.RECIPE.replace("loss = \"eval-squared\"", "loss = \"eval-cubed\""));
        Path missing = temp.resolve("missing.toml");

        CliRun run = nca("check", badParam.toString(), good.toString(), badName.toString(), missing.toString());

        assertThat(run.status()).isEqualTo(2);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json).hasSize(4);
        assertThat(json.get(0).get("valid").asBoolean()).isFalse();
        assertThat(json.get(0).get("error").asText()).contains("bad-param.toml").contains("'rate'").contains("50");
        assertThat(json.get(1).get("valid").asBoolean()).isTrue();
        assertThat(json.get(2).get("error").asText()).contains("bad-name.toml").contains("eval-cubed");
        assertThat(json.get(3).get("error").asText()).contains("missing.toml");
        assertThat(run.err()).contains("nca: " + json.get(0).get("error").asText())
                .contains("nca: " + json.get(2).get("error").asText()).doesNotContain("Exception");
    }

    @Test
    void setOverridesAreCheckedAsTrainWouldApplyThem() throws IOException {
        Path recipe = Files.writeString(temp.resolve("good.toml"), EvalTestPlugin.RECIPE);

        CliRun fixed = nca("check", recipe.toString(), "--set", "data.params.rate=0.25", "--set",
                "experiment.name=renamed");
        CliRun broken = nca("check", recipe.toString(), "--set", "data.params.rate=50.0");
        CliRun unknown = nca("check", recipe.toString(), "--set", "training.epoch=3");

        assertThat(fixed.status()).as(fixed.err()).isZero();
        assertThat(JSON.readTree(fixed.out()).get(0).get("experiment").asText()).isEqualTo("renamed");
        assertThat(broken.status()).isEqualTo(2);
        assertThat(JSON.readTree(broken.out()).get(0).get("error").asText()).contains("'rate'").contains("50");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("epoch");
    }
}
