package org.lps.init.lps.block;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.lps.homotopy.solve.SolveOptions;

/**
 * Solved blocks, in memory for the life of the JVM (and on disk between runs, {@link BlockStore}), by (block spec,
 * solver seed, solver): studies initialize thousands of
 * small networks with the same activation and settings and must not re-solve each time. Concurrent callers of the
 * same key wait for one solve (a future per key); a failed solve is not cached. The thread count is not part of the
 * key: the solver's results do not depend on it.
 */
public final class BlockCache {

    private record Key(BlockSpec spec, long seed, BlockSolver.Method method) {
    }

    private static final ConcurrentHashMap<Key, FutureTask<BlockSolution>> CACHE = new ConcurrentHashMap<>();

    /** The keys whose solution was read from a {@link BlockStore} rather than solved in this JVM. */
    private static final java.util.Set<Key> FROM_STORE = ConcurrentHashMap.newKeySet();

    private BlockCache() {
    }

    /** The solution of {@code spec} by the homotopy, solved now (with {@code progress}) or remembered. */
    public static BlockSolution solve(BlockSpec spec, long seed, int threads, SolveOptions.Progress progress) {
        return solve(spec, seed, threads, BlockSolver.Method.HOMOTOPY, null, progress, null);
    }

    /** As below, monodromy with its default loop-path budget ({@link BlockSolver#DEFAULT_LOOP_BUDGET}). */
    public static BlockSolution solve(BlockSpec spec, long seed, int threads, BlockSolver.Method method,
                                      BlockStore store, SolveOptions.Progress progress,
                                      BlockSolver.Listener listener) {
        return solve(spec, seed, threads, method, store, progress, listener, BlockSolver.DEFAULT_LOOP_BUDGET);
    }

    /**
     * The solution of {@code spec} by {@code method}: remembered in this JVM, else read from {@code store} (null: no
     * disk cache), else solved now (with {@code progress} for the homotopy, {@code listener} for monodromy) and
     * written to the store. {@code loopBudget} is monodromy's ({@link BlockSolver#solveMonodromy(BlockProblem, long,
     * int, BlockSolver.Listener, long)}); it is not part of the key: a solve that completes gives the same solution
     * under any budget, and one that spends it throws {@link BudgetExceededException} and is neither remembered nor
     * stored (a caller waiting on the same key at that moment gets the same exception).
     */
    public static BlockSolution solve(BlockSpec spec, long seed, int threads, BlockSolver.Method method,
                                      BlockStore store, SolveOptions.Progress progress,
                                      BlockSolver.Listener listener, long loopBudget) {
        Key key = new Key(Objects.requireNonNull(spec), seed, method);
        FutureTask<BlockSolution> task = new FutureTask<>(() -> {
            if (store != null) {
                java.util.Optional<BlockSolution> stored = store.load(spec, seed, method);
                if (stored.isPresent()) {
                    FROM_STORE.add(key);
                    return stored.get();
                }
            }
            BlockSolution s;
            if (method == BlockSolver.Method.MONODROMY) {
                BlockSolver.Monodromic m = BlockSolver.solveMonodromy(BlockProblem.of(spec), seed, threads, listener,
                        loopBudget);
                if (!m.tracePassed()) {
                    // an incomplete set of critical points could miss the best minimum: never lift from it
                    throw new IncompleteSolveException("the block " + spec + " solved by monodromy failed the trace test"
                            + " (residual " + m.traceResidual() + "): its critical points may be incomplete; use"
                            + " solver=homotopy or another solver seed");
                }
                s = m.solution();
            } else {
                s = BlockSolver.solve(BlockProblem.of(spec), seed, threads, progress);
            }
            if (store != null) {
                store.store(s, seed, method);
            }
            return s;
        });
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
        return contains(spec, seed, BlockSolver.Method.HOMOTOPY);
    }

    public static boolean contains(BlockSpec spec, long seed, BlockSolver.Method method) {
        FutureTask<BlockSolution> t = CACHE.get(new Key(spec, seed, method));
        return t != null && t.isDone();
    }

    /**
     * Was this block's solution read from the disk store rather than solved in this JVM? Then, as for a solution
     * remembered in memory, its solve time is the original solve's.
     */
    public static boolean fromStore(BlockSpec spec, long seed, BlockSolver.Method method) {
        return FROM_STORE.contains(new Key(spec, seed, method));
    }

    /** Forgets every solution held in memory (tests; a new JVM). */
    public static void clear() {
        CACHE.clear();
        FROM_STORE.clear();
    }
}
