package dev.nca.cli;

import picocli.CommandLine.Command;

/** {@code nca analyse}: the group of analyses of a trained model; each is a subcommand. */
@Command(name = "analyse", description = {"Analyse a trained NCA: stability to local perturbations (perturb),"
        + " adversarial perturbations of the initial condition (adversarial), equivariance under rotations and"
        + " reflections (symmetry) and the update rule by sparse regression (rules). Each writes JSON and"
        + " pictures into an output folder."},
        subcommands = {AnalysePerturbCommand.class, AnalyseAdversarialCommand.class, AnalyseSymmetryCommand.class,
            AnalyseRulesCommand.class})
final class AnalyseCommand extends NcaSubcommand {

    @Override
    protected int run() {
        spec().commandLine().usage(err());
        return 2;
    }
}
