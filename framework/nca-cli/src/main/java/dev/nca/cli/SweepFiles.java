package dev.nca.cli;

import dev.nca.api.NcaException;
import dev.nca.runtime.sweep.PointExpander;
import dev.nca.runtime.sweep.SweepFolder;
import dev.nca.runtime.sweep.SweepLoader;
import dev.nca.runtime.sweep.SweepPoint;
import dev.nca.runtime.sweep.SweepSpec;
import dev.nca.runtime.sweep.SweepValidation;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.core.engine.EngineCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading a sweep file and preparing its folder, shared by {@code nca sweep run} and {@code submit}. */
final class SweepFiles {

    private SweepFiles() {
    }

    /** The loaded sweep and its prepared folder. */
    record Prepared(SweepSpec spec, SweepFolder folder) {
    }

    /**
     * @param file   the sweep file
     * @param output the folder holding sweep folders, or null for the sweep file's {@code [sweep] output}
     * @param extensions the plugins' extensions, to check every point before anything runs
     * @param engines    the host's engines, for the same check
     */
    static Prepared prepare(Path file, Path output, Extensions extensions, EngineCatalog engines) {
        SweepSpec spec = SweepLoader.load(file);
        List<SweepPoint> points = PointExpander.expand(spec);
        SweepValidation.check(spec, points, extensions, engines);
        Path root = (output != null ? output : Path.of(spec.output())).resolve(spec.name());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NcaException("cannot read sweep file " + file + ": " + e.getMessage(), e);
        }
        return new Prepared(spec, SweepFolder.prepare(root, spec, text, points));
    }
}
