package dev.nca.runtime.runs;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds run folders: a folder is a run folder when it holds both {@code metrics.jsonl} and
 * {@code recipe.toml}. A given folder is either a run folder itself or searched (to any depth, in
 * name order) for run folders, which covers output folders and sweep folders alike.
 */
public final class RunFolders {

    /** The file that marks a run folder, with {@link #RECIPE}. */
    public static final String METRICS = "metrics.jsonl";
    /** The file that marks a run folder, with {@link #METRICS}. */
    public static final String RECIPE = "recipe.toml";

    private RunFolders() {
    }

    /** Whether {@code dir} is a run folder. */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(METRICS)) && Files.isRegularFile(dir.resolve(RECIPE));
    }

    /**
     * The run folders in or under {@code roots}, each once, in the order of the roots and then by path.
     *
     * @throws NcaException when a root is not a folder or holds no run folder
     */
    public static List<Path> find(List<Path> roots) {
        Set<Path> found = new LinkedHashSet<>();
        for (Path root : roots) {
            found.addAll(findIn(root));
        }
        return List.copyOf(found);
    }

    /**
     * The run folders in or under {@code root} (absolute, normalised), sorted by path.
     *
     * @throws NcaException when {@code root} is not a folder or holds no run folder
     */
    public static List<Path> findIn(Path root) {
        if (!Files.isDirectory(root)) {
            throw new NcaException(root + " is not a folder; give run folders or folders that contain them");
        }
        List<Path> here = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(root)) {
            dirs.filter(Files::isDirectory).filter(RunFolders::isRunFolder).sorted().forEach(here::add);
        } catch (IOException | UncheckedIOException e) {
            throw new NcaException("cannot search " + root + " for run folders: " + e.getMessage(), e);
        }
        if (here.isEmpty()) {
            throw new NcaException(root + " holds no run folder (a folder with " + METRICS + " and " + RECIPE + ")");
        }
        return here.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
}
