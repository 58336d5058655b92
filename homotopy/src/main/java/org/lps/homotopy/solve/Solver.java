package org.lps.homotopy.solve;

import org.lps.homotopy.poly.InvalidSystemException;
import org.lps.homotopy.poly.SystemChecks;
import org.lps.homotopy.start.TooManyPathsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.polyhedral.PolyhedralStart;
import org.lps.homotopy.polyhedral.cells.MixedVolume;
import org.lps.homotopy.polyhedral.cells.WorkLimitExceededException;
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
 * preset, then those still failed with {@link #STRICT} -> classification: at infinity, finite nonsingular (refined by Newton), finite singular -> nonsingular
 * endpoints reached by two paths (a path jumped) re-tracked conservatively -> singular endpoints clustered,
 * multiplicity = paths per cluster, and each cluster tested for lying on a positive-dimensional component.
 * Results are identical for a seed whatever the thread count: a path's computation depends only on its index.
 */
public final class Solver {

    /** The last retry's settings: a fifth of the conservative steps, a stricter contraction and corrector. */
    static final TrackerOptions STRICT =
            new TrackerOptions("strict", 0.002, 0.004, 1e-15, 200_000, 0.02, 1.5, 4, 1e-10);

    private Solver() {
    }

    public static SolveResult solve(PolynomialSystem system) {
        return solve(system, SolveOptions.defaults());
    }

    public static SolveResult solve(PolynomialSystem system, SolveOptions options) {
        long t0 = System.nanoTime();
        requireSolvable(system);
        // coefficients spanning many decades: solve the scaled system, report in the original unknowns
        SystemScaling scaling = SystemScaling.of(system);
        if (scaling.applies()) {
            SolveResult scaled = solveAsGiven(scaling.scaled(system), options, t0);
            return scaling.unscale(scaled, system, (System.nanoTime() - t0) * 1e-9);
        }
        return solveAsGiven(system, options, t0);
    }

    private static SolveResult solveAsGiven(PolynomialSystem system, SolveOptions options, long t0) {
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
            double[] startSeconds = new double[1];
            if (options.setStructure() != null) {
                StartSystem start = StartSystems.linearProduct(system, options.setStructure(),
                        new SplittableRandom(startSeed));
                run = runAlone(system, start, options, homotopySeed, original, absolute, pool, threads,
                        startSeconds, t0);
            } else if (options.start() == StartKind.AUTO) {
                run = autoStart(system, options, pool, threads, startSeed, homotopySeed, original, absolute,
                        startSeconds, t0);
            } else {
                SplittableRandom startRandom = new SplittableRandom(startSeed);
                StartSystem start = options.start() == StartKind.POLYHEDRAL
                        ? PolyhedralStart.create(system, startRandom, threads)
                        : StartSystems.create(system, options.start(), startRandom);
                run = runAlone(system, start, options, homotopySeed, original, absolute, pool, threads,
                        startSeconds, t0);
            }
            int retracked = run.retry();
            Classification c = Classification.of(system, run.ends);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            return new SolveResult(system.variables(), c.solutions(), c.paths(), run.start.name(), run.ends.length,
                    options.seed(), options.preset().name(), threads, seconds, retracked, startSeconds[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@link StartKind#AUTO}: the root counts and the mixed volume decide between total degree, linear product
     * and polyhedral ({@link StartSystems#cheapest}: paths times their measured relative cost; mixed cells are only
     * looked for when the others have at least {@link StartSystems#MIXED_CELLS_MIN_PATHS} paths), but computing them
     * takes a while (about 0.1 s of set-structure search on katsura-9) and often ends with total degree. So the
     * total-degree paths are tracked meanwhile by all workers but one (the counts have this thread), and thrown
     * away only if another start system wins. The mixed cells get a work budget in linear programs proportional
     * to the paths they could save ({@link StartSystems#mixedCellBudget}); over it, polyhedral is not a candidate.
     * Either way the result is what the chosen start system gives alone: the choice depends on the counts and
     * the budget, both deterministic, never on timing. Up to {@link StartSystems#COUNTS_MIN_PATHS} total-degree
     * paths the counts are not computed at all: they would cost more than they could save.
     */
    private static Run autoStart(PolynomialSystem system, SolveOptions options, ExecutorService pool, int threads,
                                 long startSeed, long homotopySeed, CompiledSystem original, CompiledSystem absolute,
                                 double[] startSeconds, long t0) {
        StartSystem td;
        try {
            td = StartSystems.totalDegree(system, new SplittableRandom(startSeed));
        } catch (TooManyPathsException tooMany) {
            // too many total-degree paths to even consider: one of the others is the only hope
            RootCounts counts = RootCounts.of(system);
            MixedVolume mv = budgetedMixedVolume(system, counts);
            StartKind kind = StartSystems.cheapest(counts, mv == null ? null : mv.pathCount());
            if (kind == StartKind.TOTAL_DEGREE) {
                throw tooMany;
            }
            return runAlone(system, other(system, kind, counts, mv, startSeed, threads), options, homotopySeed,
                    original, absolute, pool, threads, startSeconds, t0);
        }
        if (!StartSystems.countsWorthComputing(td.solutionCount())) {
            return runAlone(system, td, options, homotopySeed, original, absolute, pool, threads, startSeconds, t0);
        }
        Run tdRun = new Run(system, td, homotopySeed, original, absolute, pool, threads);
        // the counts run on this thread, so the total-degree paths get one worker less until they are done
        int[] all = new int[tdRun.ends.length];
        Arrays.setAll(all, i -> i);
        Launched tracking = tdRun.launch(all, options.preset(), options.progress(), threads - 1);
        RootCounts counts;
        MixedVolume mv;
        try {
            counts = RootCounts.of(system);
            mv = budgetedMixedVolume(system, counts);
        } catch (RuntimeException e) {
            tracking.cancel();
            throw e;
        }
        StartKind kind = StartSystems.cheapest(counts, mv == null ? null : mv.pathCount());
        if (kind == StartKind.TOTAL_DEGREE) {
            startSeconds[0] = (System.nanoTime() - t0) * 1e-9;
            tracking.addWorkers(1);
            tracking.await();
            return tdRun;
        }
        tracking.cancel();
        return runAlone(system, other(system, kind, counts, mv, startSeed, threads), options, homotopySeed,
                original, absolute, pool, threads, startSeconds, t0);
    }

    /** The mixed volume within {@link StartSystems#mixedCellBudget}, on this thread; null if over it or none. */
    private static MixedVolume budgetedMixedVolume(PolynomialSystem system, RootCounts counts) {
        long budget = StartSystems.mixedCellBudget(counts);
        if (budget == 0) {
            return null;
        }
        try {
            return MixedVolume.of(system, MixedVolume.DEFAULT_SEED, 1, budget);
        } catch (WorkLimitExceededException e) {
            return null;
        }
    }

    private static StartSystem other(PolynomialSystem system, StartKind kind, RootCounts counts, MixedVolume mv,
                                     long startSeed, int threads) {
        SplittableRandom random = new SplittableRandom(startSeed);
        return kind == StartKind.POLYHEDRAL ? PolyhedralStart.create(system, mv, random, threads, mv.seconds())
                : StartSystems.linearProduct(system, counts, random);
    }

    private static Run runAlone(PolynomialSystem system, StartSystem start, SolveOptions options, long homotopySeed,
                                CompiledSystem original, CompiledSystem absolute, ExecutorService pool, int threads,
                                double[] startSeconds, long t0) {
        Run run = new Run(system, start, homotopySeed, original, absolute, pool, threads);
        startSeconds[0] = (System.nanoTime() - t0) * 1e-9;
        run.launch(options.preset(), options.progress()).await();
        return run;
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
            // what the conservative preset could not save gets one more try with tighter steps still (endpoints
            // that are no solution or a false "at infinity" come back here: a path that jumped or was lost)
            int[] stillFailed = select(ends, e -> e.failed() && !STRICT.name().equals(e.preset()));
            retracked += stillFailed.length;
            launch(stillFailed, STRICT, null, threads).await();
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
            Jobs.await(jobs);
        }
    }

    private static boolean isConservative(Endpoint e) {
        return TrackerOptions.CONSERVATIVE.name().equals(e.preset());
    }

    private static void requireSolvable(PolynomialSystem system) {
        if (system.homogeneousGroupCount() > 0) {
            throw new InvalidSystemException("projective variable groups (hom_variable_group) are not supported by"
                    + " the solver yet: declare the variables with variable_group and dehomogenize");
        }
        SystemChecks.requireSquareNonConstant(system, "the solver");
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
