package org.lps.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The half-open range [from, to) of path (or target) indices one Spark task works through, in order. */
record IndexRange(int from, int to) implements Serializable {

    /**
     * [0, count) cut into consecutive ranges of {@code size} (the last one shorter): in index order, so that the
     * partitions' results concatenated are in index order too.
     */
    static List<IndexRange> split(int count, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a task needs at least one index, not " + size);
        }
        List<IndexRange> out = new ArrayList<>();
        for (int from = 0; from < count; from += size) {
            out.add(new IndexRange(from, Math.min(count, from + size)));
        }
        return out;
    }

    /**
     * Indices per task: about {@link #TASKS_PER_CORE} tasks per core of the cluster, so that a slow task or a lost
     * executor costs a small part of the run and the last wave of tasks leaves few cores idle; at most
     * {@link #MAX_PER_TASK}, so that a retried task repeats little work.
     */
    static int perTask(int count, int cores) {
        long tasks = (long) Math.max(1, cores) * TASKS_PER_CORE;
        return (int) Math.max(1, Math.min(MAX_PER_TASK, (count + tasks - 1) / tasks));
    }

    static final int TASKS_PER_CORE = 16;
    static final int MAX_PER_TASK = 2048;
}
