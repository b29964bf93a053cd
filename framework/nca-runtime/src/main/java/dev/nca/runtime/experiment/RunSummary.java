package dev.nca.runtime.experiment;

import java.nio.file.Path;

/**
 * How a training run ended.
 *
 * @param directory      the run folder
 * @param epochs         epochs completed
 * @param doNothingLoss  loss of the identity rule on the first epoch's samples
 * @param firstLoss      loss of the first epoch
 * @param finalLoss      loss of the last epoch
 * @param bestLoss       lowest epoch loss
 * @param seconds        wall time of the training loop
 */
public record RunSummary(Path directory, int epochs, double doNothingLoss, double firstLoss, double finalLoss,
                         double bestLoss, double seconds) {
}
