package org.lps.app;

import java.io.PrintWriter;
import org.lps.nets.train.EpochResult;
import org.lps.nets.train.ProgressListener;

/**
 * A one-line progress bar per epoch on stderr ({@code epoch 1/2 [#####.....] 45% loss 0.53}), redrawn at
 * most ten times a second and erased at the end of the epoch. It also keeps the training-loss curve for
 * the plot: the mean batch loss over each hundredth of an epoch.
 */
final class TrainProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final int epochs;
    private final boolean enabled;
    private long lastDraw;
    private final java.util.List<double[]> lossCurve = new java.util.ArrayList<>();
    private int lastSample = 0;
    private double windowLoss;
    private int windowBatches;

    TrainProgressBar(PrintWriter err, int epochs, boolean enabled) {
        this.err = err;
        this.epochs = epochs;
        this.enabled = enabled;
    }

    @Override
    public void batch(int epoch, int done, int total, double batchLoss, double meanLoss) {
        int percent = (int) (100L * done / total);
        windowLoss += batchLoss;
        windowBatches++;
        if (percent != lastSample || done == total) {
            lastSample = percent;
            lossCurve.add(new double[] {epoch - 1 + (double) done / total, windowLoss / windowBatches});
            windowLoss = 0;
            windowBatches = 0;
        }
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * done / total);
        err.print("\repoch " + epoch + "/" + epochs + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%% loss %.4f", percent, meanLoss));
        err.flush();
    }

    @Override
    public void epoch(EpochResult r) {
        lastSample = 0;
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }

    /** (fractional epoch, mean batch loss since the previous point) pairs. */
    java.util.List<double[]> lossCurve() {
        return lossCurve;
    }
}
