package dev.nca.runtime.sweep;

import java.util.List;
import java.util.Optional;

/**
 * The {@code [slurm]} table of a sweep file: resources of each array task and the shell lines run
 * before {@code nca} on the node. Empty values are left to the cluster's defaults.
 *
 * @param partition {@code --partition}
 * @param time      {@code --time}, e.g. {@code "02:00:00"}
 * @param memory    {@code --mem}, e.g. {@code "4G"}
 * @param cpus      {@code --cpus-per-task}; also the training threads of each point
 * @param throttle  at most this many array tasks at once ({@code --array=0-N%throttle})
 * @param account   {@code --account}
 * @param setup     shell lines before {@code nca}, e.g. {@code "module load java/17"}
 */
public record SlurmSettings(Optional<String> partition, Optional<String> time, Optional<String> memory, int cpus,
                            Optional<Integer> throttle, Optional<String> account, List<String> setup) {

    public SlurmSettings {
        setup = List.copyOf(setup);
    }

    /** No settings: one CPU per task, the cluster's defaults otherwise. */
    public static SlurmSettings defaults() {
        return new SlurmSettings(Optional.empty(), Optional.empty(), Optional.empty(), 1, Optional.empty(),
                Optional.empty(), List.of());
    }

    /** These settings with every present value of {@code given} (e.g. from the command line) taking precedence. */
    public SlurmSettings overriddenBy(Optional<String> partition, Optional<String> time, Optional<String> memory,
                                      Optional<Integer> cpus, Optional<Integer> throttle, Optional<String> account) {
        return new SlurmSettings(partition.or(() -> this.partition), time.or(() -> this.time),
                memory.or(() -> this.memory), cpus.orElse(this.cpus), throttle.or(() -> this.throttle),
                account.or(() -> this.account), setup);
    }
}
