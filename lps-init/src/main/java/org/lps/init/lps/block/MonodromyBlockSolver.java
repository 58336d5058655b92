package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.param.CompiledFamily;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.solve.Monodromy;
import org.lps.homotopy.solve.MonodromyOptions;
import org.lps.homotopy.solve.ParameterSolver;
import org.lps.homotopy.solve.PathResult;
import org.lps.homotopy.solve.SolutionSet;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.TraceTest;

/**
 * The block's critical points by monodromy in its symmetric family ({@link BlockFamily}), instead of tracking every path
 * of a linear-product start system (k = 2: 10761 paths for 273 finite solutions):
 * <ol>
 *   <li>a generic member q* of the family, fitted to a random point (the start pair);</li>
 *   <li>for the whole space and every fixed subspace of the group up to conjugacy ({@link FixedSubspace}): monodromy
 *       loops in the family restricted to the subspace from a start pair of its own, until a number of loops find
 *       nothing new (in the whole space, every image under the group is added with a solution), then a parameter
 *       homotopy of those solutions to q*. Solutions on a fixed subspace are a component of their own, which loops in
 *       the whole space never reach;</li>
 *   <li>the images of all of them under the group, and the trace test of that set at q* in the whole family
 *       (docs/solver.md): it passes only if the set is all solutions of the generic member;</li>
 *   <li>the parameter homotopy from q* to the block itself, classified like an ordinary solve, and the real critical
 *       points polished and classified as {@link BlockSolver} does.</li>
 * </ol>
 */
final class MonodromyBlockSolver {

    /** Consecutive loops without a new solution that end a subspace's loops. */
    static final int IDLE_LOOPS = 4;

    /**
     * Rounds of loops: when the trace test of the generic member's solutions fails, every subspace and the whole space
     * get new loops (new random triangles, as many idle ones again) from what they have, and the test is run again.
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

    /** One fixed subspace's monodromy: its family, start pair, solutions at its own base and at the common one. */
    private static final class Stratum {
        final int index;
        final FixedSubspace space;
        final ParameterizedSystem family;
        final CompiledFamily compiled;
        final double[][] pair;
        /** The group elements that keep the subspace, acting on its coordinates: its loops' orbits. */
        final List<BlockSymmetry.SignedPermutation> stabilizer;
        List<double[]> own = List.of();
        final SolutionSet atBase;

        Stratum(int index, FixedSubspace space, BlockFamily blocks, List<BlockSymmetry.SignedPermutation> group,
                SplittableRandom random) {
            this.index = index;
            this.space = space;
            this.stabilizer = space.stabilizer(group);
            this.family = blocks.on(space);
            this.compiled = new CompiledFamily(family);
            this.pair = BlockFamily.startPair(family, random);
            this.atBase = new SolutionSet(space.dimension(), 1e-6);
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
        List<BlockSymmetry.SignedPermutation> group = problem.symmetry().elements();
        List<FixedSubspace> spaces = FixedSubspace.strata(n, group);
        SplittableRandom random = new SplittableRandom(seed);
        FixedSubspace whole = spaces.get(0);
        ParameterizedSystem wholeFamily = family.on(whole);
        CompiledFamily wholeCompiled = new CompiledFamily(wholeFamily);
        double[][] start = BlockFamily.startPair(wholeFamily, random);
        double[] base = start[1];
        SolveOptions solveOptions = SolveOptions.defaults().seed(seed).threads(threads);
        MonodromyOptions loopOptions = MonodromyOptions.defaults().seed(seed).threads(threads)
                .loopsWithoutProgress(IDLE_LOOPS);
        List<Stratum> strata = new ArrayList<>();
        for (int s = spaces.size() - 1; s >= 1; s--) {
            strata.add(new Stratum(s, spaces.get(s), family, group, random));
        }
        Budget budget = new Budget(pathBudget, listener, t0, spaces.size());

        int loops = 0;
        long tracked = 0;
        List<double[]> generic = List.of(start[0]);
        List<double[]> fixedPoints = List.of();
        TraceTest.Result trace = null;
        List<double[]> all = List.of();
        for (int round = 0; round < ROUNDS; round++) {
            // the fixed subspaces first (smallest first): their solutions are a component of their own, known to the
            // whole space's loops as inert points (never tracked there), and counted by its trace test
            SolutionSet fixed = new SolutionSet(n, loopOptions.identicalTolerance());
            for (Stratum st : strata) {
                budget.stage(strata.indexOf(st), st.space.dimension(), round);
                if (st.space.dimension() == 0) {
                    double[] f = wholeFamily.evaluate(new double[2 * n], base);
                    if (maxAbs(f) < 1e-12) {
                        st.atBase.add(new double[0]);
                    }
                } else {
                    Monodromy.Run run = Monodromy.run(st.compiled, st.pair[1],
                            st.own.isEmpty() ? List.of(st.pair[0]) : st.own,
                            budget.options(loopOptions.seed(seed + 31L * (st.index + 1) + 7919L * round)
                                    .groupAction(st.stabilizer.isEmpty() ? null : action(st.stabilizer))));
                    loops += run.loops();
                    budget.spent(run);
                    List<double[]> fresh = new ArrayList<>(
                            run.solutions().subList(st.own.size(), run.solutions().size()));
                    st.own = run.solutions();
                    if (!fresh.isEmpty()) {
                        // one path per orbit of the stabilizer: the images come back with the whole group below
                        List<double[]> paths = st.stabilizer.isEmpty() ? fresh
                                : representatives(fresh, st.stabilizer, loopOptions.identicalTolerance());
                        try (ParameterSolver ps = new ParameterSolver(st.family, st.compiled, solveOptions)) {
                            SolveResult r = ps.track(st.pair[1], paths, base, TrackingProgress.toGeneric(listener,
                                    strata.indexOf(st), spaces.size(), st.space.dimension(), round, budget.loopPaths, t0));
                            tracked += r.paths();
                            for (Solution x : r.nonsingularSolutions()) {
                                st.atBase.add(interleave(x.coordinates()));
                            }
                        }
                    }
                }
                for (double[] y : st.atBase.points()) {
                    double[] x = st.space.embed(y);
                    for (BlockSymmetry.SignedPermutation g : group) {
                        fixed.add(apply(g, x));
                    }
                }
            }
            fixedPoints = List.copyOf(fixed.points());
            budget.stage(strata.size(), n, round);
            Monodromy.Run run = Monodromy.run(wholeCompiled, base, generic, fixedPoints,
                    budget.options(loopOptions.seed(seed + 7919L * round).groupAction(action(group)).verify(true)));
            loops += run.loops();
            budget.spent(run);
            trace = run.traceTest();
            all = run.solutions();
            // the generic component's solutions, the starting points of another round's loops
            SolutionSet fixedSet = fixed;
            generic = new ArrayList<>();
            for (double[] x : all) {
                if (fixedSet.indexOf(x) < 0) {
                    generic.add(x);
                }
            }
            if (trace.passed()) {
                break;
            }
        }
        tracked += budget.loopPaths;
        // the homotopy to the block is equivariant (the path of g x is g times the path of x): one path per orbit
        List<double[]> reps = representatives(all, group, loopOptions.identicalTolerance());
        budget.finalPaths(reps.size(), all.size());
        ToBlock end = toBlock(wholeFamily, base, family.actual(), reps, group, solveOptions, seed,
                attempt -> TrackingProgress.toBlock(listener, spaces.size(), budget.loopPaths, attempt, t0));
        tracked += end.tracked;
        return new Result(end.solutions, all.size(), end.failed, end.atInfinity, end.singular,
                new Stats(spaces.size(), loops, budget.loopPaths, tracked, all.size(), trace, end.conjugates));
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
                                   List<BlockSymmetry.SignedPermutation> group, SolveOptions solveOptions, long seed,
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
                        case AT_INFINITY, POSITIVE_DIMENSIONAL -> atInfinity += orbitSize(from, group);
                        default -> {
                            Solution x = r.solutions().get(pr.solution());
                            for (BlockSymmetry.SignedPermutation g : group) {
                                double[] y = apply(g, x.interleaved());
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
            failed += orbitSize(x, group);
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
                        spentBefore + p.paths(), p.solutions(), p.orbits(), p.idleLoops(), IDLE_LOOPS, 0, seconds(),
                        p.witnesses()));
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

    /** One point per group orbit of {@code points}, in order. */
    private static List<double[]> representatives(List<double[]> points, List<BlockSymmetry.SignedPermutation> group,
                                                  double tolerance) {
        SolutionSet covered = new SolutionSet(points.get(0).length / 2, tolerance);
        List<double[]> reps = new ArrayList<>();
        for (double[] x : points) {
            if (covered.indexOf(x) >= 0) {
                continue;
            }
            reps.add(x);
            covered.add(x);
            for (BlockSymmetry.SignedPermutation g : group) {
                covered.add(apply(g, x));
            }
        }
        return reps;
    }

    private static int orbitSize(double[] x, List<BlockSymmetry.SignedPermutation> group) {
        SolutionSet orbit = new SolutionSet(x.length / 2, 1e-8);
        for (BlockSymmetry.SignedPermutation g : group) {
            orbit.add(apply(g, x));
        }
        return orbit.size();
    }

    /** The group acting on complex interleaved points (identity left out). */
    private static Function<double[], List<double[]>> action(List<BlockSymmetry.SignedPermutation> group) {
        return x -> {
            List<double[]> out = new ArrayList<>(group.size());
            for (BlockSymmetry.SignedPermutation g : group) {
                out.add(apply(g, x));
            }
            return out;
        };
    }

    private static double[] apply(BlockSymmetry.SignedPermutation g, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length / 2; i++) {
            y[2 * i] = g.sign()[i] * x[2 * g.index()[i]];
            y[2 * i + 1] = g.sign()[i] * x[2 * g.index()[i] + 1];
        }
        return y;
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
