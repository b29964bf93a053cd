/**
 * The {@code nca} command line (picocli).
 *
 * <p>{@link dev.nca.cli.Main} builds the command line around {@link dev.nca.cli.NcaCommand}.
 * Adding a command takes one class and one line:
 * <ol>
 *   <li>write a class annotated with {@code @Command(name = "...", description = "...")} that
 *       extends {@link dev.nca.cli.NcaSubcommand} and implements {@code run()}; it declares its
 *       own {@code @Option}s and {@code @Parameters} (shared blocks are mixins: {@code EngineOption},
 *       {@code CheckpointParameter}, {@code StartTrajectoryOptions}, ...), writes results with
 *       {@code out()}, opens the plugin host with {@code openHost()}, asks the session's injector
 *       for the services it needs (e.g. {@code TrainingRuns}) instead of constructing them, and
 *       throws {@link dev.nca.api.NcaException} for anything the user must fix;</li>
 *   <li>add the class to the {@code subcommands} list of {@link dev.nca.cli.NcaCommand}.</li>
 * </ol>
 * Global options ({@code --plugins}, {@code -v}, {@code -q}), logging set-up, exit codes and error
 * messages are handled for every command.
 */
package dev.nca.cli;
