package org.lps.distributed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an executor JVM builds once and reuses for every task of a job: a solve's plan (start system, homotopy,
 * compiled evaluators), a family's compiled form. Keyed by the job's description, so a task of another solve never
 * gets this one's; the few most recent are kept (a JVM runs one job at a time, a sweep two: the generic solve, then
 * the targets). Building holds the lock: the tasks that arrive meanwhile wait for the one build instead of repeating it.
 */
final class JvmCache<V> {

    private final int capacity;
    private final Map<String, V> entries;

    JvmCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    synchronized V get(String key, Supplier<V> build) {
        V v = entries.get(key);
        if (v == null) {
            v = build.get();
            entries.put(key, v);
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return v;
    }
}
