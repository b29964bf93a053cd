package dev.nca.core.train;

/** Observes a training run. Called on the training thread; keep work short or hand it off. */
public interface TrainingListener {

    /** After each epoch's update. Throwing stops training. */
    void onEpoch(EpochResult result);
}
