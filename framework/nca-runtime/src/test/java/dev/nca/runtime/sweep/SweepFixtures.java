package dev.nca.runtime.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A base recipe and sweep files written into a temporary folder. */
final class SweepFixtures {

    static final String RECIPE = """
            [experiment]
            name = "gs"
            seed = 5
            [data]
            dataset = "gray-scott"
            [data.params]
            size = 16
            [model]
            channels = 8
            observable = 2
            kernels = "id-lap"
            [training]
            frame_spacing = 32
            epochs = 10
            """;

    private SweepFixtures() {
    }

    /** Writes {@code base.toml} (the recipe above) and {@code studies/NAME.toml} with {@code text}. */
    static Path write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve("base.toml"), RECIPE);
        Files.createDirectories(dir.resolve("studies"));
        Path file = dir.resolve("studies").resolve(name + ".toml");
        Files.writeString(file, text);
        return file;
    }
}
