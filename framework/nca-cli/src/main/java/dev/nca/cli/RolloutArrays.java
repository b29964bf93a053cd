package dev.nca.cli;

import dev.nca.api.NcaException;
import dev.nca.support.io.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Collects the recorded states of a simulation and writes them as {@code .npy}: the states
 * {@code [T, C, S, S]} in the model's data type, and beside them the recorded steps {@code [T]}
 * (float64) in {@code <name>.steps.npy}. Both files are written atomically; an existing file is
 * never overwritten.
 */
final class RolloutArrays {

    private final List<INDArray> states;
    private final List<Integer> steps;

    RolloutArrays(int expected) {
        states = new ArrayList<>(expected);
        steps = new ArrayList<>(expected);
    }

    /** Keeps one recorded state {@code [C, S, S]}. */
    void accept(int step, INDArray state) {
        steps.add(step);
        states.add(state);
    }

    /** The file the steps go to: {@code run.npy} gives {@code run.steps.npy}. */
    static Path stepsFile(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(stem + ".steps.npy");
    }

    /**
     * Writes both files.
     *
     * @return the states file
     * @throws NcaException when either file exists already or cannot be written
     */
    Path write(Path file) {
        Path stepsFile = stepsFile(file);
        for (Path p : List.of(file, stepsFile)) {
            if (Files.exists(p)) {
                throw new NcaException("--npy: " + p + " exists already; choose another file name (finished"
                        + " results are never overwritten)");
            }
        }
        INDArray all = Nd4j.stack(0, states.toArray(new INDArray[0]));
        double[] s = steps.stream().mapToDouble(Integer::doubleValue).toArray();
        Npy.write(file, all);
        Npy.write(stepsFile, Nd4j.create(s, new long[] {s.length}, DataType.DOUBLE));
        return file;
    }
}
