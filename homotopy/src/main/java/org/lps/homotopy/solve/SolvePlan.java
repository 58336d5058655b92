package org.lps.homotopy.solve;

import java.util.SplittableRandom;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.poly.InvalidSystemException;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.SystemChecks;
import org.lps.homotopy.polyhedral.PolyhedralStart;
import org.lps.homotopy.polyhedral.cells.MixedVolume;
import org.lps.homotopy.polyhedral.cells.WorkLimitExceededException;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.start.StartSystem;
import org.lps.homotopy.start.StartSystems;
import org.lps.homotopy.start.TooManyPathsException;
import org.lps.homotopy.track.Homotopy;

/**
 * Everything one path of a solve depends on, decided before any path is tracked: the system as solved (rescaled if
 * its coefficients span many decades, see {@link SystemScaling}), the start system, and the homotopy with its random
 * gamma and patch. It is a function of (system, options) alone, so any process that builds the plan from the same
 * two gets the same paths. The stages of a solve, in the order data flows:
 * <pre>{@code
 * SolvePlan plan = SolvePlan.of(system, options);            // start system, homotopy
 * PathRunner runner = plan.runner();                          // one per thread
 * Endpoint[] ends = new Endpoint[plan.pathCount()];
 * for (int i = 0; i < ends.length; i++) {
 *     ends[i] = runner.track(i, options.preset());            // tracker + endgame + endpoint checks
 * }
 * SolveResult r = plan.complete(ends, 2, null, 0);            // retries, classification, unscaling
 * }</pre>
 * Whatever the order and the threads the paths are tracked in (or the processes: an {@link Endpoint} is
 * serializable), the result is exactly {@link Solver#solve}'s for the same options.
 */
public final class SolvePlan {

    private final PolynomialSystem given;
    private final SystemScaling scaling;
    private final PolynomialSystem system;
    private final SolveOptions options;
    private final StartSystem start;
    private final Homotopy homotopy;
    private final CompiledSystem target;
    private final CompiledSystem absolute;
    private double startSeconds;

    private SolvePlan(PolynomialSystem given, SystemScaling scaling, PolynomialSystem system, SolveOptions options,
                      StartSystem start, long homotopySeed, CompiledSystem target, CompiledSystem absolute) {
        this.given = given;
        this.scaling = scaling;
        this.system = system;
        this.options = options;
        this.start = start;
        this.homotopy = new Homotopy(system, start, new SplittableRandom(homotopySeed));
        this.target = target;
        this.absolute = absolute;
    }

    /**
     * The plan of {@code Solver.solve(system, options)}: checks that the system can be solved (square, not
     * constant, no projective variable groups; {@link InvalidSystemException} otherwise), rescales it when that
     * pays, and builds the start system ({@link StartKind#AUTO} resolved by the root counts, as the solver does) and
     * the homotopy from the seed.
     */
    public static SolvePlan of(PolynomialSystem system, SolveOptions options) {
        return of(system, options, null);
    }

    /**
     * As {@link #of(PolynomialSystem, SolveOptions)}, with {@code meanwhile} told of the total-degree plan while the
     * root counts decide between it and the others ({@link StartKind#AUTO} only, when the counts are worth
     * computing): its paths can be tracked in the meantime, and are kept if total degree wins.
     */
    static SolvePlan of(PolynomialSystem system, SolveOptions options, WhileCounting meanwhile) {
        long t0 = System.nanoTime();
        requireSolvable(system);
        // coefficients spanning many decades: solve the scaled system, report in the original unknowns
        SystemScaling scaling = SystemScaling.of(system);
        PolynomialSystem solved = scaling.applies() ? scaling.scaled(system) : system;
        // two seeds, drawn in a fixed order: the start system's and the homotopy's (gamma, patch)
        SplittableRandom random = new SplittableRandom(options.seed());
        long startSeed = random.nextLong();
        long homotopySeed = random.nextLong();
        Builder b = new Builder(system, scaling.applies() ? scaling : null, solved, options, homotopySeed);
        SolvePlan plan;
        if (options.setStructure() != null) {
            plan = b.plan(StartSystems.linearProduct(solved, options.setStructure(), new SplittableRandom(startSeed)));
        } else if (options.start() == StartKind.AUTO) {
            plan = auto(b, startSeed, meanwhile);
        } else {
            SplittableRandom startRandom = new SplittableRandom(startSeed);
            plan = b.plan(options.start() == StartKind.POLYHEDRAL
                    ? PolyhedralStart.create(solved, startRandom, Math.max(1, options.threads()))
                    : StartSystems.create(solved, options.start(), startRandom));
        }
        plan.startSeconds = (System.nanoTime() - t0) * 1e-9;
        return plan;
    }

    /**
     * {@link StartKind#AUTO}: the root counts and the mixed volume decide between total degree, linear product
     * and polyhedral ({@link StartSystems#cheapest}: paths times their measured relative cost). Computing them
     * takes a while (about 0.1 s of set-structure search on katsura-9) and often ends with total degree, so
     * {@code meanwhile} gets the total-degree plan to work on while they run. The mixed cells get a work budget in
     * linear programs proportional to the paths they could save ({@link StartSystems#mixedCellBudget}), at any
     * size; over it, polyhedral is not a candidate. The choice depends on the counts and the budget, both deterministic, never on
     * timing. Up to {@link StartSystems#COUNTS_MIN_PATHS} total-degree paths the counts are not computed at all:
     * they would cost more than they could save.
     */
    private static SolvePlan auto(Builder b, long startSeed, WhileCounting meanwhile) {
        StartSystem td;
        try {
            td = StartSystems.totalDegree(b.system, new SplittableRandom(startSeed));
        } catch (TooManyPathsException tooMany) {
            // too many total-degree paths to even consider: one of the others is the only hope
            RootCounts counts = RootCounts.of(b.system);
            MixedVolume mv = budgetedMixedVolume(b.system, counts);
            StartKind kind = StartSystems.cheapest(counts, mv == null ? null : mv.pathCount());
            if (kind == StartKind.TOTAL_DEGREE) {
                throw tooMany;
            }
            return b.plan(other(b, kind, counts, mv, startSeed));
        }
        SolvePlan tdPlan = b.plan(td);
        if (!StartSystems.countsWorthComputing(td.solutionCount())) {
            return tdPlan;
        }
        if (meanwhile != null) {
            meanwhile.start(tdPlan);
        }
        RootCounts counts;
        MixedVolume mv;
        try {
            counts = RootCounts.of(b.system);
            mv = budgetedMixedVolume(b.system, counts);
        } catch (RuntimeException e) {
            if (meanwhile != null) {
                meanwhile.cancel();
            }
            throw e;
        }
        StartKind kind = StartSystems.cheapest(counts, mv == null ? null : mv.pathCount());
        if (kind == StartKind.TOTAL_DEGREE) {
            if (meanwhile != null) {
                meanwhile.keep();
            }
            return tdPlan;
        }
        if (meanwhile != null) {
            meanwhile.cancel();
        }
        return b.plan(other(b, kind, counts, mv, startSeed));
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

    private static StartSystem other(Builder b, StartKind kind, RootCounts counts, MixedVolume mv, long startSeed) {
        SplittableRandom random = new SplittableRandom(startSeed);
        return kind == StartKind.POLYHEDRAL
                ? PolyhedralStart.create(b.system, mv, random, Math.max(1, b.options.threads()), mv.seconds())
                : StartSystems.linearProduct(b.system, counts, random);
    }

    private static void requireSolvable(PolynomialSystem system) {
        if (system.homogeneousGroupCount() > 0) {
            throw new InvalidSystemException("projective variable groups (hom_variable_group) are not supported by"
                    + " the solver yet: declare the variables with variable_group and dehomogenize");
        }
        SystemChecks.requireSquareNonConstant(system, "the solver");
    }

    /** What every candidate plan of one {@link #of} call shares. */
    private static final class Builder {
        final PolynomialSystem given;
        final SystemScaling scaling;
        final PolynomialSystem system;
        final SolveOptions options;
        final long homotopySeed;
        final CompiledSystem target;
        final CompiledSystem absolute;

        Builder(PolynomialSystem given, SystemScaling scaling, PolynomialSystem system, SolveOptions options,
                long homotopySeed) {
            this.given = given;
            this.scaling = scaling;
            this.system = system;
            this.options = options;
            this.homotopySeed = homotopySeed;
            this.target = CompiledSystem.compile(system);
            this.absolute = Refiner.absolute(system.equations(), system.variableCount());
        }

        SolvePlan plan(StartSystem start) {
            return new SolvePlan(given, scaling, system, options, start, homotopySeed, target, absolute);
        }
    }

    /** Told of the total-degree plan while {@link StartKind#AUTO}'s root counts run (see {@link #auto}). */
    interface WhileCounting {
        /** The total-degree plan, before the counts start: its paths may be tracked until {@link #keep}/{@link #cancel}. */
        void start(SolvePlan totalDegree);

        /** Total degree won: the plan given to {@link #start} is the one returned. */
        void keep();

        /** Another start system won, or the counts failed: the work on the total-degree plan is of no use. */
        void cancel();
    }

    /** The number of paths: one per start solution. */
    public int pathCount() {
        return (int) start.solutionCount();
    }

    /** The start system's name, as in {@link SolveResult#startSystem()}. */
    public String startName() {
        return start.name();
    }

    /** The options the plan was made with. */
    public SolveOptions options() {
        return options;
    }

    /** The system whose paths are tracked: the given one, or its rescaled form (see {@link SystemScaling}). */
    public PolynomialSystem system() {
        return system;
    }

    /** The start-to-target homotopy. */
    public Homotopy homotopy() {
        return homotopy;
    }

    /** Wall time of {@link #of}: root counts, mixed cells, start system and homotopy. */
    public double startSeconds() {
        return startSeconds;
    }

    /** A fresh runner for this plan's paths: not thread-safe, one per thread. */
    public PathRunner runner() {
        return new PathRunner(homotopy, target, absolute, options.endgame(), options.endpoint());
    }

    /**
     * The result from every path's endpoint ({@code ends[i]} tracked with {@code runner().track(i,
     * options().preset())}, none null): paths that failed or jumped are re-tracked here on {@code threads} threads
     * ({@link SolveOptions#retries()}), the endpoints classified, and the solutions given in the original unknowns.
     * {@code ends} is not modified.
     *
     * @param progress hears of the re-tracked paths (out of all), or null
     * @param seconds  wall time spent on the solve before this call (start system and tracking), reported in the
     *                 result with this call's own time added
     */
    public SolveResult complete(Endpoint[] ends, int threads, SolveOptions.Progress progress, double seconds) {
        try (PathPool pool = new PathPool(threads, "lps-path-retry")) {
            return complete(pool, ends, progress, seconds);
        }
    }

    /** {@link #complete(Endpoint[], int, SolveOptions.Progress, double)} with the threads of the options. */
    public SolveResult complete(Endpoint[] ends) {
        return complete(ends, options.threads(), null, 0);
    }

    SolveResult complete(PathPool pool, Endpoint[] endpoints, SolveOptions.Progress progress, double seconds) {
        long t0 = System.nanoTime();
        if (endpoints.length != pathCount()) {
            throw new IllegalArgumentException(endpoints.length + " endpoints for a plan of " + pathCount() + " paths");
        }
        Endpoint[] ends = endpoints.clone();
        for (int i = 0; i < ends.length; i++) {
            if (ends[i] == null) {
                throw new IllegalArgumentException("path " + i + " has no endpoint");
            }
            if (ends[i].index() != i) {
                throw new IllegalArgumentException("endpoint " + i + " is path " + ends[i].index() + "'s");
            }
        }
        int retracked = options.retries().climb(pool, this::runner, ends, options.classification(), progress);
        Classification c = Classification.of(system, ends, options.classification());
        double total = seconds + (System.nanoTime() - t0) * 1e-9;
        SolveResult r = new SolveResult(system.variables(), c.solutions(), c.paths(), start.name(), ends.length,
                options.seed(), options.preset().name(), pool.threads(), total, retracked, startSeconds);
        return scaling == null ? r : scaling.unscale(r, given, total);
    }
}
