package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.lps.homotopy.param.CompiledFamily;
import org.lps.homotopy.param.ParameterHomotopy;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.param.SignedPermutationGroup;
import org.lps.homotopy.param.Symmetry;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Monodromy solving: all solutions of a {@link ParameterizedSystem} at one generic parameter point from a single
 * start pair, by tracking the known solutions around loops in parameter space. A loop base -> p1 -> p2 -> base
 * ("triangle", p1 and p2 random complex points, straight edges) permutes the solutions at the base; the endpoints not
 * yet known are new solutions. The work grows with the number of solutions, not with a root-count bound.
 *
 * <p>Schedule, chosen for determinism: loop l (its vertices drawn from the seed and l) is applied to every known
 * solution, then to the new ones it produced, and so on until it produces nothing new (the set is closed under
 * that loop); then the next loop. Each batch is tracked in parallel and its results are taken in solution order, so
 * the solutions and their order are the same on any number of threads. Stops when {@link MonodromyOptions#targetCount}
 * solutions are known, when the trace test passes ({@link MonodromyOptions#verify}), or after
 * {@link MonodromyOptions#loopsWithoutProgress} consecutive loops with nothing new (a heuristic stop), or when the
 * {@link MonodromyOptions#pathBudget} is spent.
 *
 * <p>With a group action ({@link MonodromyOptions#groupAction}) only one point per orbit goes around a loop. That is
 * exact when every member of the family is symmetric (the family the group action comes with is): then the path of
 * g x around a loop is g times the path of x, so the loop maps the orbit of x onto the orbit of x's endpoint, and the
 * set of orbits is closed under a loop exactly when the representatives' endpoints are in it. The work per loop is
 * divided by the orbit size (4 for the k = 2 LPS block, 12 for k = 3).
 *
 * <pre>{@code
 * Monodromy.Solve s = Monodromy.solve(StandardSystems.cyclic(7), MonodromyOptions.defaults().targetCount(924));
 * s.result().nonsingular();     // 924, by a parameter homotopy from the generic solutions to cyclic-7 itself
 * s.run().loops();
 * }</pre>
 */
public final class Monodromy {

    /** Why the loops stopped. */
    public enum Stop {
        TARGET_COUNT("target-count"), NO_PROGRESS("no-progress"), TRACE_TEST("trace-test"), BUDGET("budget");

        private final String label;

        Stop(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The solutions found at the base point, and how: loops run, paths tracked (one per solution per loop, a loop
     * being three edges), why it stopped, and the trace test (null if not run).
     */
    public record Run(double[] parameters, List<double[]> solutions, int loops, long pathsTracked, long pathsFailed,
                      Stop stop, TraceTest.Result traceTest) {
    }

    /** A system solved by monodromy: the run in its coefficient family, and the solve of the system itself. */
    public record Solve(Run run, SolveResult result) {
    }

    private Monodromy() {
    }

    /**
     * Solves a system without declared parameters: monodromy in the family of all systems of its support (every
     * coefficient a parameter, a constant term added where missing) from a random start pair (random x0, constant
     * terms fitted so x0 solves), then a parameter homotopy from the generic solutions to the system's own
     * coefficients, whose endgame reports solutions at infinity, singular ones and the rest as the ordinary solver
     * does.
     */
    public static Solve solve(PolynomialSystem system, MonodromyOptions options) {
        ParameterizedSystem family = ParameterizedSystem.coefficientFamily(system);
        return solve(family, family.coefficientValues(system), options);
    }

    /**
     * Solves a system with a symmetry group: monodromy in the family of systems that keep the symmetry (one
     * parameter per orbit of terms, {@link Symmetry#family}), every image of a solution added as it is found, then
     * the parameter homotopy to the system itself.
     */
    public static Solve solve(PolynomialSystem system, Symmetry symmetry, MonodromyOptions options) {
        Symmetry.Family f = symmetry.family(system);
        return solve(f.family(), f.actual(), options.groupAction(symmetry.group()));
    }

    /**
     * Monodromy in {@code family} from a random start pair (random x0, constant terms fitted so that x0 solves), then
     * a parameter homotopy from the solutions found to the point {@code actual}.
     */
    public static Solve solve(ParameterizedSystem family, double[] actual, MonodromyOptions options) {
        long t0 = System.nanoTime();
        CompiledFamily compiled = new CompiledFamily(family);
        SplittableRandom random = new SplittableRandom(options.seed());
        double[] x0 = ParameterSolver.randomParameters(family.variableCount(), random);
        double[] p = ParameterSolver.randomParameters(family.parameterCount(), random);
        double[] base = family.fitConstants(x0, p);
        Run run = run(compiled, base, List.of(x0), options);
        // the loops may use a fast preset (a jump there only finds another solution); the final homotopy to a
        // special system is tracked as the ordinary solver tracks, conservative retries included
        SolveOptions solveOptions = SolveOptions.defaults().seed(options.seed()).threads(options.threads());
        try (ParameterSolver ps = new ParameterSolver(family, compiled, solveOptions)) {
            SolveResult r = ps.track(base, run.solutions(), actual);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            SolveResult timed = new SolveResult(r.variables(), r.solutions(), r.pathResults(), "monodromy",
                    r.startSolutionCount(), options.seed(), options.preset().name(), options.threads(), seconds,
                    r.retracked(), seconds - r.seconds());
            return new Solve(run, timed);
        }
    }

    /** Monodromy in {@code family} from the start solutions {@code starts} at the parameter point {@code base}. */
    public static Run run(ParameterizedSystem family, double[] base, List<double[]> starts, MonodromyOptions options) {
        return run(new CompiledFamily(family), base, starts, options);
    }

    public static Run run(CompiledFamily family, double[] base, List<double[]> starts, MonodromyOptions options) {
        return run(family, base, starts, List.of(), options);
    }

    /**
     * As above, with solutions {@code inert} known to lie on components of the family's solution variety that the
     * loops cannot leave (for a symmetric family, solutions fixed by a group element: every member keeps the element's
     * fixed subspace). They are not tracked around the loops, but are part of the result (their images with them) and
     * of the trace test, which needs every component.
     */
    public static Run run(CompiledFamily family, double[] base, List<double[]> starts, List<double[]> inert,
                          MonodromyOptions options) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "lps-monodromy");
            t.setDaemon(true);
            return t;
        });
        try {
            Loops l = new Loops(family, base, options, pool, starts);
            for (double[] x : inert) {
                l.addInert(x.clone());
            }
            return l.run();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same on a caller's pool of (at least {@code options.threads()}) workers. */
    static Run run(CompiledFamily family, double[] base, List<double[]> starts, MonodromyOptions options,
                   ExecutorService pool) {
        return new Loops(family, base, options, pool, starts).run();
    }

    /**
     * The state of one monodromy computation, resumable: {@link #advance} runs loops until a stop, and can be called
     * again to go on with new loops (the trace test does that with its extra witnesses).
     */
    static final class Loops {
        final CompiledFamily family;
        final double[] base;
        final MonodromyOptions options;
        final ExecutorService pool;
        /** Every solution known, images included. */
        final SolutionSet known;
        /** One point per orbit, in the order found: what goes around the loops (all of known without a group action). */
        final List<double[]> orbits = new ArrayList<>();
        long tracked, failed;
        int loops, idle;
        /** The residual of the last trace test that failed, NaN if none (for progress reports). */
        double failedResidual = Double.NaN;
        /** One point of each orbit of inert solutions ({@link #addInert}). */
        final List<double[]> inertOrbits = new ArrayList<>();
        /** This run finds the trace test's extra witnesses (for progress reports). */
        boolean witnesses;
        /** The trace test of this run, whose own monodromy spends the same budget, or null. */
        TraceTest trace;

        Loops(CompiledFamily family, double[] base, MonodromyOptions options, ExecutorService pool,
              List<double[]> starts) {
            this.family = family;
            this.base = base;
            this.options = options;
            this.pool = pool;
            this.known = new SolutionSet(family.family().variableCount(), options.identicalTolerance());
            for (double[] x : starts) {
                addWithOrbit(x.clone());
            }
        }

        Run run() {
            if (options.verify()) {
                // the witnesses' seeds: a generic solution and one point of every inert orbit (each on a component
                // of its own, which the witnesses' loops from the generic one never reach)
                List<double[]> seeds = new ArrayList<>(List.of(known.get(0)));
                seeds.addAll(inertOrbits);
                trace = new TraceTest(family, base, seeds, options, pool);
            }
            if (trace != null && trace.overBudget()) {
                tracked += trace.pathsTracked();
                return new Run(base.clone(), List.copyOf(known.points()), loops, tracked, failed, Stop.BUDGET,
                        new TraceTest.Result(false, Double.NaN));
            }
            TraceTest.Result[] last = new TraceTest.Result[1];
            Stop stop = advance(options.loopsWithoutProgress(), trace == null ? null : () -> {
                last[0] = trace.check(known.points());
                // infinite: a pencil path failed
                failedResidual = last[0].passed() ? Double.NaN
                        : Double.isNaN(last[0].residual()) ? Double.POSITIVE_INFINITY : last[0].residual();
                return last[0].passed();
            });
            if (trace != null && (last[0] == null || stop == Stop.TARGET_COUNT) && stop != Stop.BUDGET) {
                last[0] = trace.check(known.points());
            }
            if (trace != null) {
                tracked += trace.pathsTracked();
            }
            return new Run(base.clone(), List.copyOf(known.points()), loops, tracked, failed, stop, last[0]);
        }

        /**
         * Runs loops until the target count, or {@code idleLimit} consecutive loops with nothing new, or (after a
         * loop with nothing new) {@code complete} says the set is complete.
         */
        Stop advance(int idleLimit, java.util.function.BooleanSupplier complete) {
            idle = 0;
            while (true) {
                if (reached()) {
                    return Stop.TARGET_COUNT;
                }
                if (overBudget()) {
                    return Stop.BUDGET;
                }
                int before = known.size();
                applyLoop(loops);
                loops++;
                if (overBudget()) {
                    return Stop.BUDGET;
                }
                if (known.size() > before) {
                    idle = 0;
                    continue;
                }
                idle++;
                // the test costs about as much as a loop: after every second loop with nothing new
                if (complete != null && (idle % 2 == 0 || idle >= idleLimit) && complete.getAsBoolean()) {
                    return Stop.TRACE_TEST;
                }
                if (idle >= idleLimit) {
                    return Stop.NO_PROGRESS;
                }
            }
        }

        boolean overBudget() {
            return options.pathBudget() > 0 && tracked >= options.pathBudget()
                    || trace != null && trace.overBudget();
        }

        boolean reached() {
            return options.targetCount() > 0 && known.size() >= options.targetCount();
        }

        /** Loop l applied until the known set is closed under it (or the target count is reached). */
        void applyLoop(int l) {
            SplittableRandom r = new SplittableRandom(options.seed() ^ (0x632BE59BD9B4E019L * (l + 1)));
            int m = family.family().parameterCount();
            double[] p1 = ParameterSolver.randomParameters(m, r);
            double[] p2 = ParameterSolver.randomParameters(m, r);
            List<ParameterHomotopy> edges = List.of(
                    new ParameterHomotopy(family, base, p1, ParameterHomotopy.Path.STRAIGHT, r),
                    new ParameterHomotopy(family, p1, p2, ParameterHomotopy.Path.STRAIGHT, r),
                    new ParameterHomotopy(family, p2, base, ParameterHomotopy.Path.STRAIGHT, r));
            int from = 0;
            while (from < orbits.size() && !reached() && !overBudget()) {
                int to = orbits.size();
                List<double[]> batch = new ArrayList<>(orbits.subList(from, to));
                double[][] ends = trackAll(pool, options.threads(), edges, batch, options.preset());
                tracked += batch.size();
                for (double[] e : ends) {
                    if (e == null) {
                        failed++;
                    } else {
                        addWithOrbit(e);
                    }
                }
                from = to;
                if (options.progress() != null) {
                    options.progress().accept(new MonodromyOptions.Progress(loops + 1, tracked, known.size(),
                            orbits.size(), idle, witnesses, failedResidual));
                }
            }
        }

        /** Adds x and its images to the known solutions without tracking them (see {@link Monodromy#run}). */
        void addInert(double[] x) {
            int before = orbits.size();
            addWithOrbit(x);
            if (orbits.size() > before) {
                inertOrbits.add(orbits.remove(before));
            }
        }

        /**
         * Adds x (a new orbit's representative) and, with a group action, its orbit: the images under every element
         * the group lists.
         */
        void addWithOrbit(double[] x) {
            if (!known.add(x)) {
                return;
            }
            orbits.add(x);
            SignedPermutationGroup g = options.groupAction();
            if (g != null) {
                g.apply(x).forEach(known::add);
            }
        }
    }

    /** Carries every point of {@code batch} along {@code edges} over the pool; results in batch order, null if failed. */
    static double[][] trackAll(ExecutorService pool, int threads, List<ParameterHomotopy> edges, List<double[]> batch,
                               TrackerOptions preset) {
        return trackAll(pool, threads, edges, batch, preset, LoopTracker.VERTEX_ACCURACY);
    }

    /** As above, a vertex refined to {@code accuracy} being good enough ({@link LoopTracker#track}). */
    static double[][] trackAll(ExecutorService pool, int threads, List<ParameterHomotopy> edges, List<double[]> batch,
                               TrackerOptions preset, double accuracy) {
        double[][] ends = new double[batch.size()][];
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            LoopTracker loop = new LoopTracker(edges);
            for (int k = next.getAndIncrement(); k < ends.length; k = next.getAndIncrement()) {
                ends[k] = loop.track(batch.get(k), preset, accuracy);
            }
            return null;
        };
        List<Future<Void>> jobs = new ArrayList<>();
        for (int w = 0; w < Math.min(threads, ends.length); w++) {
            jobs.add(pool.submit(worker));
        }
        Jobs.await(jobs);
        return ends;
    }
}
