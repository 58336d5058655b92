package org.lps.distributed;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.TaskContext;

/**
 * A test hook: the first attempt of the listed partitions throws after half of its work, as a crashed task would,
 * so that tests can check that Spark's retry (spark.task.maxFailures) gives a complete, identical result. Off in
 * every run but those tests.
 */
final class FaultInjection implements Serializable {

    private static final long serialVersionUID = 1L;

    static final FaultInjection NONE = new FaultInjection(new int[0]);

    private final int[] partitions;

    private FaultInjection(int[] partitions) {
        this.partitions = partitions.clone();
    }

    /** The first attempt of each of these partitions fails. */
    static FaultInjection failFirstAttemptOf(int... partitions) {
        return new FaultInjection(partitions);
    }

    /** Throws if this is the first attempt of a listed partition and {@code done} of {@code total} items are done. */
    void maybeFail(int done, int total) {
        if (partitions.length == 0 || done != total / 2) {
            return;
        }
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0 && Arrays.stream(partitions).anyMatch(p -> p == task.partitionId())) {
            throw new IllegalStateException("injected failure (test hook) in partition " + task.partitionId()
                    + ", attempt 0, after " + done + " of " + total + " items");
        }
    }
}
