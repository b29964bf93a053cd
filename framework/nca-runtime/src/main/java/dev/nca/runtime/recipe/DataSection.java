package dev.nca.runtime.recipe;

import java.util.Map;
import java.util.Objects;

/**
 * The recipe's {@code [data]} table.
 *
 * @param dataset the name of the {@link dev.nca.api.Dataset} extension
 * @param params  the raw {@code [data.params]} table, validated later against the dataset's
 *                parameter specs (immutable; values are Long, Double, Boolean, String or lists)
 */
public record DataSection(String dataset, Map<String, Object> params) {

    public DataSection {
        Objects.requireNonNull(dataset, "dataset");
        params = RawValues.immutable(params);
    }
}
