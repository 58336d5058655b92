package org.lps.nets.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that run one task with ids 0..n-1 and wait for all of them; the caller is id 0.
 * Training calls it twice per batch, so it parks and unparks instead of allocating futures or latches.
 */
final class Workers implements AutoCloseable {
    /**
     * How long to spin before parking: about ten times an unpark's latency, and short on purpose: on a busy
     * machine a long spin steals the core from the very thread being waited for (spinning up to a
     * millisecond ran the MLP at a third of the speed it reached with short spins).
     */
    private static final long SPIN_NANOS = 20_000L;

    private final int n;
    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile int generation;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    Workers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + n);
        }
        this.n = n;
        this.threads = new Thread[n - 1];
        for (int i = 1; i < n; i++) {
            int id = i;
            Thread t = new Thread(() -> loop(id), "nets-worker-" + id);
            t.setDaemon(true);
            threads[i - 1] = t;
            t.start();
        }
    }

    int size() {
        return n;
    }

    /** Runs {@code t.accept(id)} for every id, id 0 on the calling thread; rethrows the first failure. */
    void run(IntConsumer t) {
        if (n == 1) {
            t.accept(0);
            return;
        }
        failure = null;
        task = t;
        caller = Thread.currentThread();
        pending.set(n - 1);
        generation++;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
        try {
            t.accept(0);
        } catch (Throwable e) {
            failure = e;
        }
        long spinStart = System.nanoTime();
        while (pending.get() > 0) {
            if (System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private void loop(int id) {
        int seen = 0;
        while (!closed) {
            int g = generation;
            if (g == seen) {
                long spinStart = System.nanoTime();
                while (generation == seen && !closed && System.nanoTime() - spinStart < SPIN_NANOS) {
                    Thread.onSpinWait();
                }
                if (generation == seen && !closed) {
                    LockSupport.park(this);
                }
                continue;
            }
            seen = g;
            try {
                task.accept(id);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
    }
}
