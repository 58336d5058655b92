package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.poly.PolynomialSystem;
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
        SplittableRandom random = new SplittableRandom(options.seed());
        StartSystem start = StartSystems.create(system, options.start(), random.split());
        long count = start.solutionCount();
        Homotopy homotopy = new Homotopy(system, start, random.split());
        CompiledSystem original = CompiledSystem.compile(system);
        CompiledSystem absolute = Refiner.absolute(system.equations(), system.variableCount());
        Endpoint[] ends = new Endpoint[(int) count];
        int threads = (int) Math.max(1, Math.min(options.threads(), count));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lps-path-tracker");
            t.setDaemon(true);
            return t;
        });
        int retracked = 0;
        try {
            int[] all = new int[(int) count];
            Arrays.setAll(all, i -> i);
            run(pool, threads, homotopy, original, absolute, all, options.preset(), ends, options.progress(), count);
            int[] failed = select(ends, e -> e.failed() && !isConservative(e));
            retracked += failed.length;
            run(pool, threads, homotopy, original, absolute, failed, TrackerOptions.CONSERVATIVE, ends, null, count);
            // a nonsingular solution is the end of exactly one path: two paths there means one jumped
            for (int round = 0; round < 2; round++) {
                int[] jumped = Classification.duplicatedNonsingular(ends).stream()
                        .mapToInt(Integer::intValue).filter(i -> !isConservative(ends[i])).toArray();
                if (jumped.length == 0) {
                    break;
                }
                retracked += jumped.length;
                run(pool, threads, homotopy, original, absolute, jumped, TrackerOptions.CONSERVATIVE, ends, null, count);
            }
        } finally {
            pool.shutdownNow();
        }
        Classification c = Classification.of(system, ends);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new SolveResult(system.variables(), c.solutions(), c.paths(), start.name(), count, options.seed(),
                options.preset().name(), threads, seconds, retracked);
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

    /** Tracks the given paths on the pool, each worker with its own runner, pulling indices from a counter. */
    private static void run(ExecutorService pool, int threads, Homotopy homotopy, CompiledSystem original,
                            CompiledSystem absolute, int[] paths, TrackerOptions options, Endpoint[] ends, SolveOptions.Progress progress,
                            long total) {
        if (paths.length == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < Math.min(threads, paths.length); w++) {
            jobs.add(pool.submit(() -> {
                PathRunner runner = new PathRunner(homotopy, original, absolute);
                for (int k = next.getAndIncrement(); k < paths.length; k = next.getAndIncrement()) {
                    int i = paths[k];
                    ends[i] = runner.track(i, options);
                    long d = done.incrementAndGet();
                    if (progress != null) {
                        progress.pathsDone(d, total);
                    }
                }
                return null;
            }));
        }
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
