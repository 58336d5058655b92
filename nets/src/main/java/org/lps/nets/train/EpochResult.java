package org.lps.nets.train;

/**
 * One epoch of training: mean training loss over its batches (weighted by batch size), loss and accuracy on
 * the test set after it, and the training throughput (evaluation excluded).
 */
public record EpochResult(int epoch, double trainLoss, double testLoss, double testAccuracy,
                          double imagesPerSecond, double seconds) {
}
