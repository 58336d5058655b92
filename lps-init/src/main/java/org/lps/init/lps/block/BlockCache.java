package org.lps.init.lps.block;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.lps.homotopy.solve.SolveOptions;

/**
 * Solved blocks, in memory for the life of the JVM, by (block spec, solver seed): studies initialize thousands of
 * small networks with the same activation and settings and must not re-solve each time. Concurrent callers of the
 * same key wait for one solve (a future per key); a failed solve is not cached. The thread count is not part of the
 * key: the solver's results do not depend on it.
 */
public final class BlockCache {

    private record Key(BlockSpec spec, long seed) {
    }

    private static final ConcurrentHashMap<Key, FutureTask<BlockSolution>> CACHE = new ConcurrentHashMap<>();

    private BlockCache() {
    }

    /** The solution of {@code spec}, solved now (with {@code progress}) or remembered. */
    public static BlockSolution solve(BlockSpec spec, long seed, int threads, SolveOptions.Progress progress) {
        Key key = new Key(Objects.requireNonNull(spec), seed);
        FutureTask<BlockSolution> task = new FutureTask<>(
                () -> BlockSolver.solve(BlockProblem.of(spec), seed, threads, progress));
        FutureTask<BlockSolution> existing = CACHE.putIfAbsent(key, task);
        if (existing == null) {
            existing = task;
            task.run();
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving the block " + spec, e);
        } catch (ExecutionException e) {
            CACHE.remove(key, existing);
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Is this block solved already? */
    public static boolean contains(BlockSpec spec, long seed) {
        FutureTask<BlockSolution> t = CACHE.get(new Key(spec, seed));
        return t != null && t.isDone();
    }

    /** Forgets every solution (tests). */
    static void clear() {
        CACHE.clear();
    }
}
