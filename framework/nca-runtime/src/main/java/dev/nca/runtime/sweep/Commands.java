package dev.nca.runtime.sweep;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs an external program (sbatch, squeue, sacct) and captures its output. */
final class Commands {

    private static final int TIMEOUT_SECONDS = 60;

    private Commands() {
    }

    /** The output of a finished command. */
    record Output(int status, String out, String err) {
    }

    /** Runs the command; empty when the program is not installed. */
    static Optional<Output> run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NcaException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return Optional.of(new Output(process.exitValue(), new String(out, StandardCharsets.UTF_8).strip(),
                    new String(err, StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new NcaException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NcaException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
