package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersionCommandTest {

    @Test
    void versionReportsFrameworkBackendJavaAndOsWithNothingElseOnStandardOutput() {
        String expectedVersion = System.getProperty("nca.test.version");
        PrintStream realOut = System.out;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        CliRun command;
        CliRun option;
        System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
            // loads the ND4J backend: anything it prints to System.out would land in `stray`
            command = CliRun.run(CliEnvironment.empty(), "version");
            option = CliRun.run(CliEnvironment.empty(), "--version");
        } finally {
            System.setOut(realOut);
        }

        assertThat(command.status()).isZero();
        assertThat(stray.toString(StandardCharsets.UTF_8)).isEmpty();
        String[] lines = command.out().split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("nca " + expectedVersion);
        assertThat(lines[1]).startsWith("ND4J 1.0.0-M2.1, backend CpuBackend").contains("BLAS ");
        assertThat(lines[2]).startsWith("Java " + System.getProperty("java.version"));
        assertThat(lines[3]).startsWith("OS " + System.getProperty("os.name"));

        assertThat(option.status()).isZero();
        assertThat(option.out()).isEqualTo(command.out());
    }
}
