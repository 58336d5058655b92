package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Worker threads that track paths into an endpoint array: each worker has its own {@link PathRunner} and pulls path
 * indices from a shared counter, and path i's endpoint goes to {@code ends[i]}. Since a path's endpoint depends only
 * on its index and preset, what the workers compute does not depend on how many there are or who takes which path.
 */
final class PathPool implements AutoCloseable {

    private final ExecutorService pool;
    private final int threads;

    PathPool(int threads, String name) {
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    /** Tracks the given paths with the preset on every thread; returns when all are done. */
    void track(Supplier<PathRunner> runners, Endpoint[] ends, int[] paths, TrackerOptions preset,
               SolveOptions.Progress progress) {
        launch(runners, ends, paths, preset, progress, threads).await();
    }

    /**
     * Starts tracking the given paths with {@code workers} tasks (more can join later with
     * {@link Launched#addWorkers}); {@code progress}, if not null, hears of every path done, out of all of
     * {@code ends}.
     */
    Launched launch(Supplier<PathRunner> runners, Endpoint[] ends, int[] paths, TrackerOptions preset,
                    SolveOptions.Progress progress, int workers) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        long total = ends.length;
        Callable<Void> worker = () -> {
            PathRunner runner = runners.get();
            for (int k = next.getAndIncrement(); k < paths.length && !cancelled.get(); k = next.getAndIncrement()) {
                int i = paths[k];
                ends[i] = runner.track(i, preset);
                long d = done.incrementAndGet();
                if (progress != null) {
                    progress.pathsDone(d, total);
                }
            }
            return null;
        };
        Launched launched = new Launched(pool, worker, new ArrayList<>(), cancelled);
        launched.addWorkers(Math.min(workers, paths.length));
        return launched;
    }

    /** 0, 1, ..., n - 1. */
    static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Worker tasks under way. */
    record Launched(ExecutorService pool, Callable<Void> worker, List<Future<?>> jobs, AtomicBoolean cancelled) {
        void addWorkers(int k) {
            for (int w = 0; w < k; w++) {
                jobs.add(pool.submit(worker));
            }
        }

        /** Stops the workers after their current path and waits for them. */
        void cancel() {
            cancelled.set(true);
            await();
        }

        void await() {
            Jobs.await(jobs);
        }
    }
}
