package dev.nca.runtime.experiment;

import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import dev.nca.runtime.evaluate.Evaluation;
import dev.nca.runtime.evaluate.Evaluator;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a model during training as {@code nca evaluate} does: every trajectory's first frame is
 * rolled over the trained horizon (the training trajectories' frame count times the frame
 * spacing) and compared with the data at every frame time ({@link Evaluator}).
 *
 * <p>The trajectories are the dataset's held-out split with as many frames as the training data;
 * a dataset that has no held-out split (or gives it another lattice size) is validated on the
 * training trajectories, from their first frames. The update masks use one fixed seed, so scores
 * of different epochs differ only by the model.
 *
 * <p>The score ({@link #score}) is the <em>validation error</em>: the mean over frame times after
 * the first and over trajectories of {@code ||x - y||}, divided by the mean of {@code ||y||} over the
 * same frames (Euclidean norms over the observable channels); 0 is perfect, 1 is as far from the
 * data as an all-zero state. A rollout that produces NaN or Infinity scores +Infinity.
 */
final class ValidationRollouts {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationRollouts.class);

    private final NcaEngine engine;
    private final Trajectories truth;
    private final int frameSpacing;
    private final long seed;
    private final String source;

    private ValidationRollouts(NcaEngine engine, Trajectories truth, int frameSpacing, long seed,
                               String source) {
        this.engine = engine;
        this.truth = truth;
        this.frameSpacing = frameSpacing;
        this.seed = seed;
        this.source = source;
    }

    /**
     * Prepares the validation data: the held-out split, else the training trajectories.
     *
     * @param plan         the run's plan (dataset, seed)
     * @param engine       the training engine (its lattice size is the training data's)
     * @param training     the training trajectories
     * @param frameSpacing NCA steps between frames
     */
    static ValidationRollouts prepare(ExperimentPlan plan, NcaEngine engine, Trajectories training, int frameSpacing) {
        Trajectories truth;
        String source;
        try {
            truth = plan.generate(Split.HELD_OUT, OptionalInt.of(training.length()));
            source = "held-out";
            if (truth.size() != training.size() || truth.channels() != training.channels()
                    || truth.length() != training.length()) {
                LOG.info("validation: the held-out split has another shape ({} frames of {} channels on {}x{}) than"
                        + " the training data; validating on the training trajectories instead", truth.length(),
                        truth.channels(), truth.size(), truth.size());
                truth = training;
                source = "training";
            }
        } catch (NcaException e) {
            LOG.info("validation: no held-out trajectories ({}); validating on the training trajectories from their"
                    + " first frames", e.getMessage());
            truth = training;
            source = "training";
        }
        LOG.info("validation: {} {} trajectories rolled {} steps from their first frames", truth.trajectories(),
                source, (long) (truth.length() - 1) * frameSpacing);
        return new ValidationRollouts(engine, truth, frameSpacing,
                plan.random().derive("validate"), source);
    }

    /** "held-out" or "training": which trajectories are rolled. */
    String source() {
        return source;
    }

    /**
     * The validation error of a model (see the class comment).
     *
     * @param params the model's parameters; not modified
     * @return a value >= 0, or +Infinity when the rollout is not finite
     */
    double score(NcaParameters params) {
        return score(new Evaluator(engine, params).evaluate(truth, frameSpacing, seed));
    }

    /** The validation error of an evaluation (frame times after the first). */
    static double score(Evaluation evaluation) {
        double error = 0;
        double norm = 0;
        int count = 0;
        for (int i = 1; i < evaluation.frames(); i++) {
            for (int r = 0; r < evaluation.trajectories(); r++) {
                error += evaluation.error()[i][r];
                norm += evaluation.truthNorm()[i][r];
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double value = norm > 0 ? error / norm : error / count;
        return Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
    }
}
