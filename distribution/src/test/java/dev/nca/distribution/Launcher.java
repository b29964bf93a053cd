package dev.nca.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the installation's {@code bin/nca} as a user would, capturing its output in a scratch folder. */
final class Launcher {

    /** stdout, stderr and exit status of one run. */
    record Result(int status, String out, String err) {
    }

    private Launcher() {
    }

    /**
     * Runs {@code launcher args} with a clean environment plus {@code environment}.
     *
     * @param scratch where stdout and stderr are written
     */
    static Result run(Path scratch, int timeoutSeconds, Path launcher, Map<String, String> environment,
                      String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("NCA_PLUGINS");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("OMP_NUM_THREADS");
        builder.environment().put("NCA_HEAP", "512m");
        // JavaCPP unpacks ~400 MB of native libraries into the cache: keep it in target/ across runs
        builder.environment().put("XDG_CACHE_HOME", System.getProperty("nca.test.cache"));
        builder.environment().putAll(environment);
        Path out = scratch.resolve("out.txt");
        Path err = scratch.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
