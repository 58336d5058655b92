package org.lps.nets.train;

/** Told about every batch and every finished epoch, on the training thread. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * After batch {@code done} of {@code total} of {@code epoch}: {@code batchLoss} is that batch's mean loss,
     * {@code meanLoss} the epoch's running mean.
     */
    default void batch(int epoch, int done, int total, double batchLoss, double meanLoss) {
    }

    default void epoch(EpochResult result) {
    }
}
