package dev.nca.plugins.dataset.morphogenesis;

import dev.nca.api.NcaException;
import dev.nca.api.NcaModel;
import dev.nca.api.NcaModels;
import dev.nca.api.Params;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the teacher checkpoint: the shipped one, or a file. */
final class TeacherSource {

    /** The lizard teacher shipped in this plugin (trained with recipes/teacher-lizard.toml). */
    static final String BUILTIN_LIZARD = "builtin:lizard";
    static final String LIZARD_RESOURCE = "lizard-teacher.nca";

    private TeacherSource() {
    }

    static NcaModel load(String teacher, NcaModels models, Params params) {
        if (BUILTIN_LIZARD.equals(teacher)) {
            try (InputStream in = TeacherSource.class.getResourceAsStream(LIZARD_RESOURCE)) {
                if (in == null) {
                    throw new NcaException("plugin dataset-morphogenesis lacks its resource " + LIZARD_RESOURCE
                            + "; reinstall the plugin");
                }
                return models.load(in, BUILTIN_LIZARD);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + LIZARD_RESOURCE, e);
            }
        }
        if (teacher.startsWith("builtin:")) {
            throw params.invalid(MorphogenesisDataset.TEACHER, "\"" + BUILTIN_LIZARD + "\" or a checkpoint file path");
        }
        Path file = Path.of(teacher);
        if (!Files.isRegularFile(file)) {
            throw params.invalid(MorphogenesisDataset.TEACHER,
                    "an existing checkpoint file (" + file.toAbsolutePath() + " does not exist) or \""
                            + BUILTIN_LIZARD + "\"");
        }
        return models.load(file);
    }
}
