package dev.nca.support.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path dir;

    private long files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void theTargetAppearsOnlyOnCommitWithTheWholeContent() throws IOException {
        Path target = dir.resolve("sub/pic.gif");
        try (AtomicWrite write = AtomicWrite.begin(target)) {
            Files.writeString(write.temp(), "first half ");
            assertThat(target).doesNotExist();
            assertThat(write.temp().getParent()).isEqualTo(target.toAbsolutePath().getParent());
            assertThat(write.temp().getFileName().toString()).startsWith(".pic.gif.").endsWith(".tmp");
            Files.writeString(write.temp(), "second half", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            write.commit();
        }
        assertThat(target).hasContent("first half second half");
        assertThat(files(target.getParent())).isEqualTo(1);
    }

    @Test
    void closingWithoutCommitKeepsTheOldTargetAndDeletesTheTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("loss.png"), "old");
        try (AtomicWrite write = AtomicWrite.begin(target)) {
            Files.writeString(write.temp(), "new but unfinished");
        }
        assertThat(target).hasContent("old");
        assertThat(files(dir)).isEqualTo(1);
    }

    @Test
    void commitReplacesAnExistingTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("a.txt"), "old");
        try (AtomicWrite write = AtomicWrite.begin(target)) {
            Files.writeString(write.temp(), "new");
            write.commit();
        }
        assertThat(target).hasContent("new");
        assertThat(files(dir)).isEqualTo(1);
    }
}
