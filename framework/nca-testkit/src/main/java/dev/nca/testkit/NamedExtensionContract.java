package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.nca.api.NamedExtension;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks every extension must pass, whatever its extension point: a well-formed recipe name, a
 * description, well-formed parameter declarations whose defaults pass their own validation, and
 * a valid parameter set that validates.
 *
 * <p>Extend one of the point-specific contracts ({@link KernelSetContract},
 * {@link ActivationContract}, {@link LossFunctionContract}, {@link DatasetContract},
 * {@link TrainingScheduleContract}); they all inherit these checks. To opt out of an individual
 * check that cannot apply to your extension, override its method in your test class without
 * {@code @Test} and explain why in a comment.
 *
 * @param <E> the extension point
 */
public abstract class NamedExtensionContract<E extends NamedExtension> {

    /** Recipe names: lower-case letters and digits in dash-separated words. */
    public static final String NAME_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    /** Parameter keys: snake_case. */
    public static final String KEY_PATTERN = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

    /** The extension under test; may return a new instance on every call. */
    protected abstract E extension();

    /**
     * Raw recipe values (as TOML would give them: Long, Double, Boolean, String, List) that are
     * valid for the extension and small enough for fast tests. Must include every required key.
     * Default: none.
     */
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    /** {@link #validParams()} validated against the extension's declared parameters. */
    protected final Params params() {
        return Params.validate(extension().parameters(), validParams(), "test params of '" + extension().name() + "'");
    }

    @Test
    public void nameIsLowerCaseDashed() {
        assertThat(extension().name()).as("recipe name of %s", extension().getClass().getName())
                .isNotEmpty().matches(NAME_PATTERN);
    }

    @Test
    public void descriptionIsGiven() {
        assertThat(extension().description()).as("description of '%s'", extension().name()).isNotBlank();
    }

    @Test
    public void parameterDeclarationsAreWellFormed() {
        Set<String> seen = new HashSet<>();
        for (ParamSpec spec : extension().parameters()) {
            assertThat(spec.name()).as("parameter key").matches(KEY_PATTERN);
            assertThat(seen.add(spec.name())).as("parameter '%s' declared once", spec.name()).isTrue();
            assertThat(spec.description()).as("description of parameter '%s'", spec.name()).isNotBlank();
            if (spec.min() != null && spec.max() != null) {
                assertThat(spec.min()).as("range of parameter '%s'", spec.name()).isLessThanOrEqualTo(spec.max());
            }
        }
    }

    @Test
    public void everyDefaultPassesItsOwnValidation() {
        for (ParamSpec spec : extension().parameters()) {
            if (spec.required()) {
                continue;
            }
            Map<String, Object> raw = Map.of(spec.name(), rawValue(spec.defaultValue()));
            assertThatCode(() -> Params.validate(List.of(spec), raw, "default of '" + spec.name() + "'"))
                    .as("default of parameter '%s' of '%s'", spec.name(), extension().name())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    public void validParamsValidateAndDefaultsAreFilledIn() {
        Params p = params();
        for (ParamSpec spec : extension().parameters()) {
            assertThat(p.has(spec.name())).as("value for parameter '%s'", spec.name()).isTrue();
        }
    }

    /**
     * Raw recipe values with every default written out explicitly, overlaid by
     * {@link #validParams()}; useful to build variants in tests.
     */
    protected final Map<String, Object> paramsWithDefaults() {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (ParamSpec spec : extension().parameters()) {
            if (!spec.required()) {
                raw.put(spec.name(), rawValue(spec.defaultValue()));
            }
        }
        raw.putAll(validParams());
        return raw;
    }

    /** The TOML form of a validated value: {@code double[]} becomes a list of Doubles. */
    static Object rawValue(Object value) {
        if (value instanceof double[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (double d : array) {
                list.add(d);
            }
            return list;
        }
        return value;
    }
}
