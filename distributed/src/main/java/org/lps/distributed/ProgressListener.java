package org.lps.distributed;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.lps.homotopy.solve.SolveOptions;

/**
 * Progress on the driver: at the end of every task, the items done so far, from a Spark accumulator the tasks add to.
 * Spark merges a task's accumulator updates (before it posts the task's end to the listeners) only when the task
 * succeeds, so a failed and retried task counts once.
 */
final class ProgressListener extends SparkListener {

    private final LongAccumulator done;
    private final long total;
    private final SolveOptions.Progress progress;

    ProgressListener(LongAccumulator done, long total, SolveOptions.Progress progress) {
        this.done = done;
        this.total = total;
        this.progress = progress;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        progress.pathsDone(done.value(), total);
    }
}
