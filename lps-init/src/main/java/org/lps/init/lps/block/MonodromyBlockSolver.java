package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.param.CompiledFamily;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.param.SignedPermutationGroup;
import org.lps.homotopy.param.SignedPermutation;
import org.lps.homotopy.solve.Monodromy;
import org.lps.homotopy.solve.MonodromyOptions;
import org.lps.homotopy.solve.Orbits;
import org.lps.homotopy.solve.ParameterSolver;
import org.lps.homotopy.solve.PathResult;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.SolutionSet;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.TraceTest;

/**
 * The block's critical points by monodromy in its symmetric family ({@link BlockFamily}), instead of tracking every path
 * of a linear-product start system (k = 2: 10761 paths for 273 finite solutions):
 * <ol>
 *   <li>a generic member q* of the family, fitted to a random point (the start pair);</li>
 *   <li>every fixed subspace of the group up to conjugacy ({@link FixedSubspace}), smallest first, at q*: a start pair
 *       of the family restricted to the subspace carried to q* by one path, then monodromy loops over one point per
 *       orbit of the subspace's stabilizer, with the solutions of the smaller subspaces inside it as inert points
 *       (a component of their own, which the loops never reach), until the trace test of the subspace's family passes
 *       (or idle loops run out). Solutions on a fixed subspace form a component of their own, which loops in the
 *       whole space never reach;</li>
 *   <li>the whole space the same way, every fixed subspace's solutions (with their images) inert, until its trace
 *       test passes: it passes only if the set is every solution of the generic member. The trace tests slice by an
 *       invariant of the group ({@link org.lps.homotopy.solve.TraceTest}), so their witnesses come in orbits too;</li>
 *   <li>if the whole space's test fails, another round (at most {@link #ROUNDS}) of loops in every subspace whose test
 *       failed and in the whole space, from what they have;</li>
 *   <li>the parameter homotopy from q* to the block itself, one path per orbit, classified like an ordinary solve, and
 *       the real critical points polished and classified as {@link BlockSolver} does.</li>
 * </ol>
 */
final class MonodromyBlockSolver {

    /** Consecutive loops without a new solution that end a subspace's loops. */
    static final int IDLE_LOOPS = 4;

    /**
     * Rounds of loops: when the trace test of the generic member's solutions fails, every subspace whose own test
     * failed and the whole space get new loops (new random triangles, as many idle ones again) from what they have,
     * and the tests are run again.
     */
    static final int ROUNDS = 3;

    /**
     * Loop paths (one orbit representative around one triangle, and the trace test's witnesses around theirs) after
     * which a solve stops with a message. k = 2 spends about 5000-13000 paths in all (docs/lps.md).
     */
    static final long DEFAULT_PATH_BUDGET = 2_000_000;

    /** What the monodromy route did, beside the solution. */
    record Stats(int strata, int loops, long loopPaths, long pathsTracked, long genericSolutions,
                 TraceTest.Result trace, int conjugates) {
    }

    /** The block's solutions (every image), and the path counts of the final homotopy counted per solution. */
    record Result(List<BlockSolver.Endpoint> solutions, long paths, long failed, long atInfinity, long singular,
                  Stats stats) {
    }

    private MonodromyBlockSolver() {
    }

    /** One fixed subspace's monodromy: its family, start pair, the group acting on it and its solutions at q*. */
    private static final class Stratum {
        final int index;
        final FixedSubspace space;
        final ParameterizedSystem family;
        final CompiledFamily compiled;
        /** The group elements that keep the subspace, acting on its coordinates; null if only the identity does. */
        final SignedPermutationGroup stabilizer;
        /** Its solutions at q* that lie in no smaller fixed subspace (every image under the stabilizer). */
        List<double[]> own = List.of();
        TraceTest.Result trace;

        Stratum(int index, FixedSubspace space, BlockFamily blocks, SignedPermutationGroup group) {
            this.index = index;
            this.space = space;
            List<SignedPermutation> h = new ArrayList<>();
            h.add(SignedPermutation.identity(space.dimension()));
            h.addAll(space.stabilizer(group.elements()));
            this.stabilizer = h.size() > 1 ? SignedPermutationGroup.of(space.dimension(), h) : null;
            this.family = blocks.on(space);
            this.compiled = new CompiledFamily(family);
        }
    }

    /**
     * @param pathBudget loop paths (all subspaces and rounds) after which the solve stops with a
     *                   BudgetExceededException naming the budget; 0 for none
     */
    static Result solve(BlockProblem problem, long seed, int threads, BlockSolver.Listener listener, long pathBudget) {
        long t0 = System.nanoTime();
        int n = problem.unknowns();
        BlockFamily family = BlockFamily.of(problem);
        SignedPermutationGroup group = problem.symmetry().group();
        List<FixedSubspace> spaces = FixedSubspace.strata(n, group.elements());
        SplittableRandom random = new SplittableRandom(seed);
        FixedSubspace whole = spaces.get(0);
        ParameterizedSystem wholeFamily = family.on(whole);
        CompiledFamily wholeCompiled = new CompiledFamily(wholeFamily);
        double[][] start = BlockFamily.startPair(wholeFamily, random);
        double[] base = start[1];
        SolveOptions solveOptions = SolveOptions.defaults().seed(seed).threads(threads);
        MonodromyOptions loopOptions = MonodromyOptions.defaults().seed(seed).threads(threads)
                .loopsWithoutProgress(IDLE_LOOPS).verify(true);
        List<Stratum> strata = new ArrayList<>();
        for (int s = spaces.size() - 1; s >= 1; s--) {
            strata.add(new Stratum(s, spaces.get(s), family, group));
        }
        Budget budget = new Budget(pathBudget, listener, t0, spaces.size());

        // Every subspace is solved at the common generic member q* (the whole space's start pair): from a start pair
        // of its own carried there, by loops over its stabilizer's orbits, with the solutions of the smaller
        // subspaces inside it as inert points (a component of their own), until the trace test of the subspace's
        // family passes. Smallest first, so that each one's inert points are complete.
        int loops = 0;
        long tracked = 0;
        List<double[]> generic = List.of(start[0]);
        TraceTest.Result trace = null;
        List<double[]> all = List.of();
        for (int round = 0; round < ROUNDS; round++) {
            SolutionSet fixed = new SolutionSet(n, loopOptions.identicalTolerance());
            for (Stratum st : strata) {
                budget.stage(strata.indexOf(st), st.space.dimension(), round);
                if (st.space.dimension() == 0) {
                    if (maxAbs(wholeFamily.evaluate(new double[2 * n], base)) < 1e-12) {
                        fixed.add(new double[2 * n]);
                    }
                    continue;
                }
                if (st.trace == null || !st.trace.passed()) {
                    List<double[]> inert = inside(st.space, fixed.points());
                    List<double[]> starts = st.own;
                    if (starts.isEmpty()) {
                        Carried c = carriedStart(st, base, solveOptions, random);
                        tracked += c.paths;
                        starts = c.points;
                    }
                    if (!starts.isEmpty()) {
                        Monodromy.Run run = Monodromy.run(st.compiled, base, starts, inert,
                                budget.options(loopOptions.seed(seed + 31L * (st.index + 1) + 7919L * round)
                                        .groupAction(st.stabilizer)));
                        loops += run.loops();
                        budget.spent(run);
                        st.trace = run.traceTest();
                        SolutionSet inertSet = new SolutionSet(st.space.dimension(), loopOptions.identicalTolerance());
                        inert.forEach(inertSet::add);
                        List<double[]> own = new ArrayList<>();
                        for (double[] y : run.solutions()) {
                            if (inertSet.indexOf(y) < 0) {
                                own.add(y);
                            }
                        }
                        st.own = own;
                    }
                }
                for (double[] y : st.own) {
                    double[] x = st.space.embed(y);
                    fixed.add(x);
                    group.apply(x).forEach(fixed::add);
                }
            }
            List<double[]> fixedPoints = List.copyOf(fixed.points());
            budget.stage(strata.size(), n, round);
            // twice the subspaces' idle loops before another round: a round builds the trace test's witnesses anew
            Monodromy.Run run = Monodromy.run(wholeCompiled, base, generic, fixedPoints,
                    budget.options(loopOptions.seed(seed + 7919L * round).groupAction(group)
                            .loopsWithoutProgress(2 * IDLE_LOOPS)));
            loops += run.loops();
            budget.spent(run);
            trace = run.traceTest();
            all = run.solutions();
            // the generic component's solutions, the starting points of another round's loops
            generic = new ArrayList<>();
            for (double[] x : all) {
                if (fixed.indexOf(x) < 0) {
                    generic.add(x);
                }
            }
            if (trace.passed()) {
                break;
            }
        }
        tracked += budget.loopPaths;
        // the homotopy to the block is equivariant (the path of g x is g times the path of x): one path per orbit
        List<double[]> reps = Orbits.representatives(all, group, loopOptions.identicalTolerance());
        budget.finalPaths(reps.size(), all.size());
        ToBlock end = toBlock(wholeFamily, base, family.actual(), reps, group, solveOptions, seed,
                attempt -> TrackingProgress.toBlock(listener, spaces.size(), budget.loopPaths, attempt, t0));
        tracked += end.tracked;
        return new Result(end.solutions, all.size(), end.failed, end.atInfinity, end.singular,
                new Stats(spaces.size(), loops, budget.loopPaths, tracked, all.size(), trace, end.conjugates));
    }

    /** A start point of a subspace's family at q*, and the paths it took. */
    private record Carried(List<double[]> points, long paths) {
    }

    /**
     * A random start pair of the subspace's family carried to q* by a parameter homotopy (one path; a new pair if it
     * fails, at most three): the subspace's loops run at q*, where the smaller subspaces' solutions already are.
     */
    private static Carried carriedStart(Stratum st, double[] base, SolveOptions solveOptions, SplittableRandom random) {
        long paths = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            double[][] pair = BlockFamily.startPair(st.family, random);
            try (ParameterSolver ps = new ParameterSolver(st.family, st.compiled, solveOptions.threads(1))) {
                SolveResult r = ps.track(pair[1], List.of(pair[0]), base);
                paths += r.paths();
                for (Solution x : r.nonsingularSolutions()) {
                    return new Carried(List.of(interleave(x.coordinates())), paths);
                }
            }
        }
        return new Carried(List.of(), paths);
    }

    /** The points of {@code points} (theta, interleaved) that lie in the subspace, in its coordinates. */
    private static List<double[]> inside(FixedSubspace space, List<double[]> points) {
        List<double[]> out = new ArrayList<>();
        for (double[] x : points) {
            double[] y = space.project(x);
            double[] back = space.embed(y);
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                d = Math.max(d, Math.abs(back[i] - x[i]));
            }
            if (d <= 1e-8 * Math.max(1, maxAbs(x))) {
                out.add(y);
            }
        }
        return out;
    }

    /** The final homotopy's outcome: the block's solutions (every image) and the path counts per solution. */
    private record ToBlock(List<BlockSolver.Endpoint> solutions, long failed, long atInfinity, long singular,
                           long tracked, int conjugates) {
    }

    /**
     * From the generic member's orbit representatives to the block, one path per orbit (the homotopy is equivariant);
     * a path that fails is tried again with another gamma (another seed), at most twice. Each endpoint brings its
     * images.
     */
    private static ToBlock toBlock(ParameterizedSystem wholeFamily, double[] base, double[] actual, List<double[]> reps,
                                   SignedPermutationGroup group, SolveOptions solveOptions, long seed,
                                   java.util.function.IntFunction<SolveOptions.Progress> progress) {
        int n = wholeFamily.variableCount();
        SolutionSet finite = new SolutionSet(n, 1e-8);
        List<BlockSolver.Endpoint> solutions = new ArrayList<>();
        long failed = 0;
        long atInfinity = 0;
        long singular = 0;
        long tracked = 0;
        int conjugates = 0;
        List<double[]> pending = reps;
        for (int attempt = 0; attempt < 3 && !pending.isEmpty(); attempt++) {
            try (ParameterSolver ps = new ParameterSolver(wholeFamily, solveOptions.seed(seed + 1000L * attempt))) {
                SolveResult r = ps.track(base, pending, actual, progress.apply(attempt));
                tracked += r.paths();
                List<double[]> again = new ArrayList<>();
                for (PathResult pr : r.pathResults()) {
                    double[] from = pending.get((int) pr.index());
                    switch (pr.status()) {
                        case FAILED -> again.add(from);
                        case AT_INFINITY, POSITIVE_DIMENSIONAL -> atInfinity += Orbits.size(from, group, 1e-8);
                        default -> {
                            Solution x = r.solutions().get(pr.solution());
                            for (SignedPermutation g : group.elements()) {
                                double[] y = g.applyInterleaved(x.interleaved());
                                if (finite.add(y)) {
                                    solutions.add(new BlockSolver.Endpoint(y, x.isReal(), x.isSingular()));
                                    singular += x.isSingular() ? 1 : 0;
                                }
                            }
                        }
                    }
                }
                pending = again;
            }
        }
        for (double[] x : pending) {
            failed += Orbits.size(x, group, 1e-8);
        }
        // the block's coefficients are real, so the complex conjugate of a solution is one: close the set under it.
        // Which generic solution's path reaches which block solution depends on gamma, and a path to a regular
        // solution can be lost in the endgame among the paths to infinity (k = 2, seed 2: one orbit of 4, whose
        // conjugate orbit was found); its conjugate's path is another path, tracked separately
        int found = solutions.size();
        for (int i = 0; i < found; i++) {
            BlockSolver.Endpoint e = solutions.get(i);
            if (e.real()) {
                continue;
            }
            double[] c = e.x().clone();
            for (int k = 1; k < c.length; k += 2) {
                c[k] = -c[k];
            }
            // F(conj x) = conj F(x) exactly for real coefficients; the check guards against a family that is not real
            if (finite.indexOf(c) >= 0 || maxAbs(wholeFamily.evaluate(c, actual))
                    > 10 * maxAbs(wholeFamily.evaluate(e.x(), actual)) + 1e-12) {
                continue;
            }
            finite.add(c);
            solutions.add(new BlockSolver.Endpoint(c, false, e.singular()));
            singular += e.singular() ? 1 : 0;
            conjugates++;
        }
        return new ToBlock(solutions, failed, atInfinity, singular, tracked, conjugates);
    }

    /**
     * The loop-path budget across all the runs of one solve, and the progress reports: each run gets what is left
     * of the budget, and a run that spends it ends the solve with a message naming the budget.
     */
    private static final class Budget {
        final long limit;
        final BlockSolver.Listener listener;
        final long t0;
        final int strata;
        static final long REPORT_NANOS = 2_000_000_000L;
        long loopPaths;
        long lastReport;
        int stage;
        int dimension;
        int round;

        Budget(long limit, BlockSolver.Listener listener, long t0, int strata) {
            this.limit = limit;
            this.listener = listener;
            this.t0 = t0;
            this.strata = strata;
        }

        /** Starting subspace {@code stage} (of strata; strata - 1 is the whole space; -1 the trace test done). */
        void stage(int stage, int dimension, int round) {
            this.stage = stage;
            this.dimension = dimension;
            this.round = round;
        }

        MonodromyOptions options(MonodromyOptions o) {
            long spentBefore = loopPaths;
            lastReport = Long.MIN_VALUE;
            return o.pathBudget(limit > 0 ? Math.max(1, limit - spentBefore) : 0).progress(p -> {
                // at most one line every REPORT_NANOS (a small subspace closes a loop in milliseconds), the first
                // of each run always
                long now = System.nanoTime();
                if (lastReport != Long.MIN_VALUE && now - lastReport < REPORT_NANOS) {
                    return;
                }
                lastReport = now;
                listener.progress(new BlockSolver.Status(stage, strata, dimension, round, p.loops(),
                        spentBefore + p.paths(), p.solutions(), p.orbits(), p.idleLoops(), o.loopsWithoutProgress(), 0,
                        seconds(), p.witnesses(), p.traceResidual(), null));
            });
        }

        void spent(Monodromy.Run run) {
            loopPaths += run.pathsTracked();
            if (run.stop() == Monodromy.Stop.BUDGET) {
                throw new BudgetExceededException(String.format(java.util.Locale.ROOT,
                        "the block solve by monodromy passed its budget of %d loop paths (%d solutions known in"
                                + " subspace %d of %d, %.0f s) and stopped: solve a smaller block (lower k), or with"
                                + " solver=homotopy where its path count allows (k <= 2), or with a larger budget:"
                                + " lps:...:solver=monodromy:budget=N, lps study counts --loop-budget N",
                        limit, run.solutions().size(), stage + 1, strata, seconds()));
            }
        }

        void finalPaths(int orbits, int solutions) {
            listener.progress(new BlockSolver.Status(strata, strata, 0, round, 0, loopPaths, solutions, orbits, 0, 0,
                    orbits, seconds(), false));
        }

        double seconds() {
            return (System.nanoTime() - t0) * 1e-9;
        }
    }

    private static double[] interleave(Complex[] z) {
        double[] x = new double[2 * z.length];
        for (int i = 0; i < z.length; i++) {
            x[2 * i] = z[i].getReal();
            x[2 * i + 1] = z[i].getImaginary();
        }
        return x;
    }

    private static double maxAbs(double[] f) {
        double m = 0;
        for (double v : f) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
