package dev.nca.runtime.experiment;

import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.io.SavedSchedule;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.train.Trainer;
import dev.nca.render.LossPlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a {@link TrainingRun} records as it goes: the checkpoints (atomically) and the loss
 * plot, with the training loss of every epoch and the validation error of every validated epoch.
 * Not thread-safe.
 */
final class RunRecorder {

    private final RunDirectory dir;
    private final NcaConfig config;
    private final String recipeText;
    private final Map<String, Object> provenance;
    private final int firstEpoch;
    private final PictureWriter pictures;
    private final List<Double> losses = new ArrayList<>();
    private final List<double[]> validation = new ArrayList<>();
    private double doNothing = Double.NaN;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int lastCheckpointEpoch = -1;

    /**
     * @param firstEpoch the first epoch this run trains (0, or the epoch after a resumed checkpoint's)
     * @param bestLoss   the lowest epoch loss before {@code firstEpoch} (a resumed checkpoint's),
     *                   +Infinity for a fresh run
     * @param pictures   writes the loss plot
     */
    RunRecorder(RunDirectory dir, NcaConfig config, String recipeText, Map<String, Object> provenance,
                int firstEpoch, double bestLoss, PictureWriter pictures) {
        this.dir = dir;
        this.config = config;
        this.recipeText = recipeText;
        this.provenance = provenance;
        this.firstEpoch = firstEpoch;
        this.bestLoss = bestLoss;
        this.pictures = pictures;
    }

    /** Records the loss of the next epoch (epochs are recorded in order). */
    void loss(double loss) {
        losses.add(loss);
        bestLoss = Math.min(bestLoss, loss);
    }

    /** Records the do-nothing baseline of epoch 0. */
    void doNothing(double value) {
        doNothing = value;
    }

    /** Records the validation error after {@code epoch}. */
    void validation(int epoch, double error) {
        validation.add(new double[] {epoch, error});
    }

    List<Double> losses() {
        return losses;
    }

    double doNothing() {
        return doNothing;
    }

    double bestLoss() {
        return bestLoss;
    }

    /** The epoch of the last written {@code last.nca}, -1 when none was written. */
    int lastCheckpointEpoch() {
        return lastCheckpointEpoch;
    }

    /** Writes best.nca, when there is a best model; its metadata say how it was chosen. */
    void writeBest(BestModel best) {
        if (!best.exists()) {
            return;
        }
        Map<String, Object> prov = new LinkedHashMap<>(provenance);
        prov.put("best_by", Map.of("criterion", best.criterion(), "value", best.score(), "epoch", best.epoch()));
        write(dir.bestCheckpoint(), best.params(), null, null, best.epoch(), best.loss(), prov);
    }

    /**
     * Writes last.nca (and, unless only the last is kept, the numbered checkpoint) after {@code epoch}:
     * the checkpoints a run resumes from, so they carry the optimiser and the schedule state.
     *
     * @param schedule the schedule's state after {@code epoch}, or {@code null} if it cannot save one
     */
    void writeLast(NcaParameters params, Trainer trainer, SavedSchedule schedule, int epoch, double loss,
                   boolean keepLast) {
        write(dir.lastCheckpoint(), params, trainer, schedule, epoch, loss, provenance);
        if (!keepLast) {
            write(dir.checkpoint(epoch + 1), params, trainer, schedule, epoch, loss, provenance);
        }
        lastCheckpointEpoch = epoch;
    }

    private void write(Path file, NcaParameters params, Trainer trainer, SavedSchedule schedule, int epoch,
                       double loss, Map<String, Object> prov) {
        CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(config), params,
                trainer == null ? null : trainer.optimizer(), epoch, loss, bestLoss, recipeText,
                Checkpoint.metadataOf(prov)).withSchedule(schedule));
    }

    /** Writes loss.png: the loss per epoch, the validation error and the do-nothing baseline. */
    void writeLossPlot() {
        if (losses.isEmpty()) {
            return;
        }
        double[] x = new double[losses.size()];
        double[] y = new double[losses.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = firstEpoch + i;
            y[i] = losses.get(i);
        }
        LossPlot.Builder b = LossPlot.builder().title("training loss and validation error").xLabel("epoch")
                .yLabel("loss / validation error").series("training loss", x, y);
        double[][] finite = validation.stream().filter(p -> Double.isFinite(p[1])).toArray(double[][]::new);
        if (finite.length > 0) {
            double[] vx = new double[finite.length];
            double[] vy = new double[finite.length];
            for (int i = 0; i < finite.length; i++) {
                vx[i] = finite[i][0];
                vy[i] = finite[i][1];
            }
            b.series("validation error (relative)", vx, vy);
        }
        if (Double.isFinite(doNothing)) {
            b.horizontalLine("do-nothing rule (loss)", doNothing);
        }
        pictures.png(b.build().render(), dir.lossPlot());
    }
}
