package dev.nca.support.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesBytesAndStringsCreatingParentDirectories() throws IOException {
        Path f = dir.resolve("a/b/c.bin");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
        Path t = dir.resolve("x/text.txt");
        AtomicFiles.writeString(t, "grün\n");
        assertThat(Files.readAllBytes(t)).isEqualTo("grün\n".getBytes(StandardCharsets.UTF_8));
        assertThat(listing(dir.resolve("a/b"))).containsExactly("c.bin");
    }

    @Test
    void replacesAnExistingFileCompletely() throws IOException {
        Path f = dir.resolve("f.txt");
        Files.writeString(f, "a much longer old content that must not survive");
        AtomicFiles.write(f, out -> {
            out.write("new".getBytes(StandardCharsets.US_ASCII));
            out.write('!');
        });
        assertThat(Files.readString(f)).isEqualTo("new!");
        assertThat(listing(dir)).containsExactly("f.txt");
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("keep.txt");
        Files.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(listing(dir)).containsExactly("keep.txt");
    }

    @Test
    void theFileGetsTheSamePermissionsAsAnOrdinarilyCreatedFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    private static Stream<String> listingStream(Path d) throws IOException {
        return Files.list(d).map(p -> p.getFileName().toString()).sorted();
    }

    private static java.util.List<String> listing(Path d) throws IOException {
        try (Stream<String> s = listingStream(d)) {
            return s.toList();
        }
    }
}
