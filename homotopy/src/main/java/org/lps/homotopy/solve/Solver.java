package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.start.StartSystem;
import org.lps.homotopy.start.StartSystems;
import org.lps.homotopy.track.Homotopy;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Finds all isolated solutions of a square polynomial system by homotopy continuation.
 *
 * <pre>{@code
 * SolveResult r = Solver.solve(StandardSystems.katsura(6), SolveOptions.defaults().seed(1));
 * r.nonsingular();                         // 64
 * for (Solution s : r.realSolutions()) { s.coordinates(); s.condition(); }
 * }</pre>
 *
 * <p>The pipeline runs one way: start system and homotopy (randomness from the seed only) -> every path
 * tracked and its endgame run on a pool of worker threads -> failed paths re-tracked with the conservative
 * preset -> classification: at infinity, finite nonsingular (refined by Newton), finite singular -> nonsingular
 * endpoints reached by two paths (a path jumped) re-tracked conservatively -> singular endpoints clustered,
 * multiplicity = paths per cluster, and each cluster tested for lying on a positive-dimensional component.
 * Results are identical for a seed whatever the thread count: a path's computation depends only on its index.
 */
public final class Solver {

    /** A finite endpoint with a Jacobian condition number beyond this is singular. */
    static final double SINGULAR_CONDITION = 1e12;

    private Solver() {
    }

    public static SolveResult solve(PolynomialSystem system) {
        return solve(system, SolveOptions.defaults());
    }

    public static SolveResult solve(PolynomialSystem system, SolveOptions options) {
        long t0 = System.nanoTime();
        requireSolvable(system);
        // two seeds, drawn in a fixed order: the start system's and the homotopy's (gamma, patch)
        SplittableRandom random = new SplittableRandom(options.seed());
        long startSeed = random.nextLong();
        long homotopySeed = random.nextLong();
        CompiledSystem original = CompiledSystem.compile(system);
        CompiledSystem absolute = Refiner.absolute(system.equations(), system.variableCount());
        int threads = Math.max(1, options.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lps-path-tracker");
            t.setDaemon(true);
            return t;
        });
        try {
            Run run;
            if (options.setStructure() != null) {
                StartSystem start = StartSystems.linearProduct(system, options.setStructure(),
                        new SplittableRandom(startSeed));
                run = new Run(system, start, homotopySeed, original, absolute, pool, threads);
                run.launch(options.preset(), options.progress()).await();
            } else if (options.start() == StartKind.AUTO) {
                run = autoStart(system, options, pool, threads, startSeed, homotopySeed, original, absolute);
            } else {
                StartSystem start = StartSystems.create(system, options.start(), new SplittableRandom(startSeed));
                run = new Run(system, start, homotopySeed, original, absolute, pool, threads);
                run.launch(options.preset(), options.progress()).await();
            }
            int retracked = run.retry();
            Classification c = Classification.of(system, run.ends);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            return new SolveResult(system.variables(), c.solutions(), c.paths(), run.start.name(), run.ends.length,
                    options.seed(), options.preset().name(), threads, seconds, retracked);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@link StartKind#AUTO}: the root counts decide between total degree and linear product, but their search
     * takes a while (about 0.1 s on katsura-9) and usually ends with total degree. So the total-degree paths are
     * tracked meanwhile by all workers but one (the search has this thread), and thrown away only if the linear
     * product wins. Either way the result is what the chosen start system gives alone: the choice depends on the
     * counts only, never on timing.
     */
    private static Run autoStart(PolynomialSystem system, SolveOptions options, ExecutorService pool, int threads,
                                 long startSeed, long homotopySeed, CompiledSystem original, CompiledSystem absolute) {
        StartSystem td;
        try {
            td = StartSystems.totalDegree(system, new SplittableRandom(startSeed));
        } catch (IllegalArgumentException tooMany) {
            // too many total-degree paths to even consider: the linear product is the only hope
            RootCounts counts = RootCounts.of(system);
            if (!StartSystems.prefersLinearProduct(counts)) {
                throw tooMany;
            }
            StartSystem lp = StartSystems.linearProduct(system, counts, new SplittableRandom(startSeed));
            Run lpRun = new Run(system, lp, homotopySeed, original, absolute, pool, threads);
            lpRun.launch(options.preset(), options.progress()).await();
            return lpRun;
        }
        Run tdRun = new Run(system, td, homotopySeed, original, absolute, pool, threads);
        // the search runs on this thread, so the total-degree paths get one worker less until it is done
        int[] all = new int[tdRun.ends.length];
        Arrays.setAll(all, i -> i);
        Launched tracking = tdRun.launch(all, options.preset(), options.progress(), threads - 1);
        RootCounts counts;
        try {
            counts = RootCounts.of(system);
        } catch (RuntimeException e) {
            tracking.cancel();
            throw e;
        }
        if (!StartSystems.prefersLinearProduct(counts)) {
            tracking.addWorkers(1);
            tracking.await();
            return tdRun;
        }
        tracking.cancel();
        StartSystem lp = StartSystems.linearProduct(system, counts, new SplittableRandom(startSeed));
        Run lpRun = new Run(system, lp, homotopySeed, original, absolute, pool, threads);
        lpRun.launch(options.preset(), options.progress()).await();
        return lpRun;
    }

    /** One start system's homotopy and its paths' endpoints. */
    private static final class Run {
        final StartSystem start;
        final Homotopy homotopy;
        final CompiledSystem original, absolute;
        final Endpoint[] ends;
        final ExecutorService pool;
        final int threads;

        Run(PolynomialSystem system, StartSystem start, long homotopySeed, CompiledSystem original,
            CompiledSystem absolute, ExecutorService pool, int threads) {
            this.start = start;
            this.homotopy = new Homotopy(system, start, new SplittableRandom(homotopySeed));
            this.original = original;
            this.absolute = absolute;
            this.ends = new Endpoint[(int) start.solutionCount()];
            this.pool = pool;
            this.threads = threads;
        }

        Launched launch(TrackerOptions options, SolveOptions.Progress progress) {
            int[] all = new int[ends.length];
            Arrays.setAll(all, i -> i);
            return launch(all, options, progress, threads);
        }

        /**
         * Starts tracking the given paths with {@code workers} tasks on the pool (more can join later); each
         * worker has its own {@link PathRunner} and pulls path indices from a shared counter.
         */
        Launched launch(int[] paths, TrackerOptions options, SolveOptions.Progress progress, int workers) {
            AtomicInteger next = new AtomicInteger();
            AtomicLong done = new AtomicLong();
            AtomicBoolean cancelled = new AtomicBoolean();
            long total = ends.length;
            Callable<Void> worker = () -> {
                PathRunner runner = new PathRunner(homotopy, original, absolute);
                for (int k = next.getAndIncrement(); k < paths.length && !cancelled.get(); k = next.getAndIncrement()) {
                    int i = paths[k];
                    ends[i] = runner.track(i, options);
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

        /**
         * Re-tracks with the conservative preset the failed paths, then those that reached the same nonsingular
         * solution (one of them jumped); returns how many paths were re-tracked.
         */
        int retry() {
            int retracked = 0;
            int[] failed = select(ends, e -> e.failed() && !isConservative(e));
            retracked += failed.length;
            launch(failed, TrackerOptions.CONSERVATIVE, null, threads).await();
            // a nonsingular solution is the end of exactly one path: two paths there means one jumped
            for (int round = 0; round < 2; round++) {
                int[] jumped = Classification.duplicatedNonsingular(ends).stream()
                        .mapToInt(Integer::intValue).filter(i -> !isConservative(ends[i])).toArray();
                if (jumped.length == 0) {
                    break;
                }
                retracked += jumped.length;
                launch(jumped, TrackerOptions.CONSERVATIVE, null, threads).await();
            }
            return retracked;
        }
    }

    /** Worker tasks under way. */
    private record Launched(ExecutorService pool, Callable<Void> worker, List<Future<?>> jobs, AtomicBoolean cancelled) {
        void addWorkers(int k) {
            for (int w = 0; w < k; w++) {
                jobs.add(pool.submit(worker));
            }
        }

        void cancel() {
            cancelled.set(true);
            await();
        }

        void await() {
            for (Future<?> f : jobs) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while tracking paths", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        }
    }

    private static boolean isConservative(Endpoint e) {
        return TrackerOptions.CONSERVATIVE.name().equals(e.preset());
    }

    private static void requireSolvable(PolynomialSystem system) {
        if (system.homogeneousGroupCount() > 0) {
            throw new IllegalArgumentException("projective variable groups (hom_variable_group) are not supported by"
                    + " the solver yet: declare the variables with variable_group and dehomogenize");
        }
        int m = system.equationCount(), n = system.variableCount();
        if (m != n) {
            throw new IllegalArgumentException(m + " equation" + (m == 1 ? "" : "s") + " in " + n + " unknown"
                    + (n == 1 ? "" : "s") + ": the solver needs a square system");
        }
        if (n == 0) {
            throw new IllegalArgumentException("no equations to solve");
        }
    }

    private static int[] select(Endpoint[] ends, java.util.function.Predicate<Endpoint> p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ends.length; i++) {
            if (p.test(ends[i])) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
