package dev.nca.cli;

import dev.nca.api.Split;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a dataset split as written on the command line: {@code train} or {@code held-out}. Also the
 * completion candidates of such options.
 */
final class SplitConverter implements ITypeConverter<Split>, Iterable<String> {

    private static final List<String> NAMES = List.of("train", "held-out");

    @Override
    public Split convert(String value) {
        return switch (value) {
            case "train" -> Split.TRAIN;
            case "held-out" -> Split.HELD_OUT;
            default -> throw new TypeConversionException("'" + value + "' is not a split; use one of " + NAMES);
        };
    }

    /** How a split is written on the command line and in JSON output. */
    static String name(Split split) {
        return dev.nca.runtime.evaluate.EvaluationRun.splitName(split);
    }

    @Override
    public Iterator<String> iterator() {
        return NAMES.iterator();
    }
}
