package dev.nca.runtime.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.runtime.recipe.RecipeWriter;
import dev.nca.support.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The folder of one sweep:
 * <pre>
 * SWEEP/sweep.toml                 the sweep file as given
 * SWEEP/sweep.json                 content hash, axes, evaluation and the list of points
 * SWEEP/points/NAME/recipe.toml    the point's fully resolved recipe; the point's run folder
 * SWEEP/points/NAME/state.json     the point's own state (see {@link PointState})
 * SWEEP/attempts/NAME.N/           earlier unfinished attempts of a point, moved aside
 * </pre>
 * The content hash covers every point's name and resolved recipe, so a folder made from one sweep is
 * never reused for a different one. The evaluation is not part of it: when the sweep file's
 * {@code [evaluation]} changes, finished points keep their training and are evaluated again
 * ({@link #needsWork}). Every file is written atomically.
 */
public final class SweepFolder {

    private static final Pattern POINT_NAME = Pattern.compile("[a-z0-9][a-z0-9._+-]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Key of a done point's result: the {@code [evaluation]} it was evaluated with (as in sweep.json). */
    public static final String EVALUATION_SPEC = "evaluation_spec";

    private final Path root;
    private final Map<String, Object> description;

    private SweepFolder(Path root, Map<String, Object> description) {
        this.root = root;
        this.description = description;
    }

    /**
     * Creates the sweep folder for {@code points}, or opens the existing one made from the same sweep.
     *
     * @param root      the sweep folder
     * @param spec      the sweep
     * @param sweepText the sweep file's text, kept as {@code sweep.toml}
     * @throws NcaException when the folder holds a different sweep
     */
    public static SweepFolder prepare(Path root, SweepSpec spec, String sweepText, List<SweepPoint> points) {
        Map<String, Object> description = describe(spec, points);
        Path json = root.resolve("sweep.json");
        try {
            if (Files.exists(json)) {
                SweepFolder existing = open(root);
                if (!existing.description.get("hash").equals(description.get("hash"))
                        && !existing.description.get("hash").equals(legacyHash(existing.description, points))) {
                    throw new NcaException(root + " holds the sweep of " + existing.description.get("source")
                            + ", and its points differ from those of " + spec.source() + " now (the sweep file or its base recipe changed; content hash "
                            + existing.description.get("hash") + " vs " + description.get("hash") + "); results of"
                            + " different sweeps are never mixed: give another [sweep] name or --output");
                }
                existing.recordEvaluationOfOlderPoints();
            } else if (Files.isDirectory(root) && Files.list(root).findAny().isPresent()) {
                throw new NcaException(root + " exists and is not a sweep folder (no sweep.json); give another"
                        + " [sweep] name or --output");
            }
            Files.createDirectories(root.resolve("points"));
            for (SweepPoint point : points) {
                Path dir = pointFolder(root, point.name());
                Files.createDirectories(dir);
                if (!Files.exists(dir.resolve("recipe.toml"))) {
                    AtomicFiles.writeString(dir.resolve("recipe.toml"), RecipeWriter.toToml(point.recipe()));
                }
            }
            AtomicFiles.writeString(root.resolve("sweep.toml"), sweepText);
            AtomicFiles.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(description));
        } catch (IOException e) {
            throw new NcaException("cannot write the sweep folder " + root + ": " + e.getMessage(), e);
        }
        return new SweepFolder(root, description);
    }

    /** Opens an existing sweep folder. */
    public static SweepFolder open(Path root) {
        Path json = root.resolve("sweep.json");
        try {
            Map<String, Object> description = JSON.readValue(Files.readString(json, StandardCharsets.UTF_8),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            return new SweepFolder(root, description);
        } catch (NoSuchFileException e) {
            throw new NcaException(root + " is not a sweep folder: it has no sweep.json (made by nca sweep run or"
                    + " nca sweep submit)");
        } catch (IOException e) {
            throw new NcaException("cannot read " + json + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> describe(SweepSpec spec, List<SweepPoint> points) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", spec.source());
        d.put("name", spec.name());
        List<Map<String, Object>> axes = new ArrayList<>();
        spec.axes().forEach(a -> axes.add(Map.of("name", a.name(), "keys", a.keys(), "values", a.values())));
        d.put("axes", axes);
        spec.evaluation().ifPresent(e -> {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("steps", e.steps());
            ev.put("at", java.util.Arrays.stream(e.at()).boxed().toList());
            e.threshold().ifPresent(t -> ev.put("threshold", t));
            ev.put("from", dev.nca.runtime.evaluate.EvaluationRun.splitName(e.split()));
            if (!e.data().isEmpty()) {
                ev.put("set", e.data());
            }
            d.put("evaluation", ev);
        });
        List<Map<String, Object>> list = new ArrayList<>();
        for (SweepPoint p : points) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", p.name());
            entry.put("values", p.values());
            entry.put("seed", p.seed());
            list.add(entry);
        }
        d.put("hash", sha256(pointsContent(points)));
        d.put("points", list);
        return d;
    }

    /** Every point's name and resolved recipe (without the writer's header line): what the hash covers. */
    private static String pointsContent(List<SweepPoint> points) {
        StringBuilder content = new StringBuilder();
        for (SweepPoint p : points) {
            String recipe = RecipeWriter.toToml(p.recipe());
            content.append(p.name()).append('\n').append(recipe.substring(recipe.indexOf('\n') + 1));
        }
        return content.toString();
    }

    /**
     * The hash as folders written before 2026-12-03 (session 6) computed it, with the folder's own
     * evaluation in front of the points: such a folder holds the same training as {@code points} when
     * this matches its recorded hash.
     */
    private static String legacyHash(Map<String, Object> existing, List<SweepPoint> points) {
        return sha256(existing.get("evaluation") + "\n" + pointsContent(points));
    }

    /**
     * Points finished before their state recorded the evaluation they were evaluated with (sweeps
     * written before 2026-12-03, session 6) were evaluated as this folder's sweep.json says: record
     * that in their state, before sweep.json takes a changed evaluation.
     */
    private void recordEvaluationOfOlderPoints() {
        Optional<Map<String, Object>> used = evaluation();
        if (used.isEmpty()) {
            return;
        }
        for (String name : pointNames()) {
            Optional<PointState> state = state(name);
            if (state.isPresent() && state.get().done() && !state.get().result().containsKey(EVALUATION_SPEC)) {
                Map<String, Object> result = new LinkedHashMap<>(state.get().result());
                result.put(EVALUATION_SPEC, used.get());
                PointState s = state.get();
                writeState(name, new PointState(s.state(), s.attempt(), s.host(), s.message(), result));
            }
        }
    }

    /**
     * Whether a point still has work: it is not done, or it was evaluated otherwise than the sweep's
     * evaluation now says (then only the evaluation runs again; its training is kept).
     */
    public boolean needsWork(String name) {
        Optional<PointState> state = state(name);
        return state.isEmpty() || !state.get().done() || evaluationIsStale(state.get());
    }

    /**
     * Whether a done point's recorded evaluation differs from the sweep's evaluation now (a point
     * with none recorded counts as evaluated as the sweep says).
     */
    public boolean evaluationIsStale(PointState state) {
        Optional<Map<String, Object>> wanted = evaluation();
        if (wanted.isEmpty()) {
            return false;
        }
        Object used = state.result().get(EVALUATION_SPEC);
        try {
            return used != null && !JSON.writeValueAsString(used).equals(JSON.writeValueAsString(wanted.get()));
        } catch (IOException e) {
            throw new IllegalStateException("an evaluation description is not JSON: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static Path pointFolder(Path root, String name) {
        if (!POINT_NAME.matcher(name).matches()) {
            throw new NcaException("'" + name + "' is not a point name (lower-case letters, digits, . _ + -)");
        }
        return root.resolve("points").resolve(name);
    }

    public Path root() {
        return root;
    }

    /** The point names in sweep order. */
    public List<String> pointNames() {
        return points().stream().map(p -> (String) p.get("name")).toList();
    }

    /** Each point's entry of sweep.json: name, values (axis to value), seed. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> points() {
        return (List<Map<String, Object>>) description.get("points");
    }

    /** The axis names in order. */
    @SuppressWarnings("unchecked")
    public List<String> axisNames() {
        return ((List<Map<String, Object>>) description.get("axes")).stream().map(a -> (String) a.get("name"))
                .toList();
    }

    /** The evaluation every point runs after training, if any. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> evaluation() {
        return Optional.ofNullable((Map<String, Object>) description.get("evaluation"));
    }

    /** The folder of a point of this sweep (also its run folder). */
    public Path point(String name) {
        if (!pointNames().contains(name)) {
            throw new NcaException(root + " has no point '" + name + "'");
        }
        return pointFolder(root, name);
    }

    /** The point's state, or empty when it never started. */
    public Optional<PointState> state(String name) {
        Path file = point(name).resolve("state.json");
        try {
            return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), PointState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // a state file is written atomically, so an unreadable one was not written by nca
            throw new NcaException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a point's state atomically. */
    public void writeState(String name, PointState state) {
        Path file = point(name).resolve("state.json");
        try {
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        } catch (IOException e) {
            throw new NcaException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes a point ready for a fresh attempt: moves everything an earlier unfinished attempt left
     * (except the resolved recipe) to {@code attempts/NAME.N/}, so nothing is overwritten.
     *
     * @return the number of the new attempt (1 for the first)
     * @throws NcaException when the point is done: finished work is never redone
     */
    public int startAttempt(String name) {
        Path dir = point(name);
        Optional<PointState> state = state(name);
        if (state.isPresent() && state.get().done()) {
            throw new NcaException("point " + name + " of " + root + " is already done; its results are kept");
        }
        try (var files = Files.list(dir)) {
            List<Path> leftovers = files.filter(f -> !f.getFileName().toString().equals("recipe.toml")).toList();
            int attempt = state.map(PointState::attempt).orElse(0) + 1;
            if (!leftovers.isEmpty()) {
                Path aside = root.resolve("attempts").resolve(name + "." + (attempt - 1));
                for (int i = 0; Files.exists(aside); i++) {
                    aside = root.resolve("attempts").resolve(name + "." + (attempt - 1) + "-" + i);
                }
                Files.createDirectories(aside);
                for (Path f : leftovers) {
                    Files.move(f, aside.resolve(f.getFileName()));
                }
            }
            return attempt;
        } catch (IOException e) {
            throw new NcaException("cannot clear the point folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
