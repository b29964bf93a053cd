package dev.nca.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampedFoldersTest {

    @TempDir
    Path temp;

    /** 2021-03-04 05:06:07 UTC. */
    private final TimestampedFolders folders = new TimestampedFolders(
            Clock.fixed(Instant.parse("2021-03-04T05:06:07Z"), ZoneOffset.UTC));

    @Test
    void namesFoldersByTheClocksLocalTimeAndNumbersTakenNames() {
        Path first = folders.create(temp.resolve("out"), "simulate");
        Path second = folders.create(temp.resolve("out"), "simulate");

        assertThat(first).isEqualTo(temp.resolve("out").resolve("simulate-20210304-050607"));
        assertThat(second).isEqualTo(temp.resolve("out").resolve("simulate-20210304-050607-1"));
        assertThat(first).isEmptyDirectory();
    }

    @Test
    void runDirectoryHoldsCheckpointAndSnapshotFolders() {
        RunDirectory dir = folders.runDirectory(temp, "gol");

        assertThat(dir.root()).isEqualTo(temp.resolve("gol-20210304-050607"));
        assertThat(Files.isDirectory(dir.lastCheckpoint().getParent())).isTrue();
        assertThat(Files.isDirectory(dir.snapshot(1).getParent())).isTrue();
    }

    @Test
    void theZoneOfTheClockSetsTheStamp() {
        Clock berlin = Clock.fixed(Instant.parse("2021-03-04T23:30:00Z"), java.time.ZoneId.of("Europe/Berlin"));

        assertThat(new TimestampedFolders(berlin).create(temp, "x").getFileName().toString())
                .isEqualTo("x-20210305-003000");
    }
}
