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

    /** What the monodromy route did, beside the solution. */
    record Stats(int strata, int loops, long loopPaths, long pathsTracked, long genericSolutions,
                 TraceTest.Result trace) {
    }

    /** The block's solutions (every image), and the path counts of the final homotopy counted per solution. */
    record Result(List<BlockSolver.Endpoint> solutions, long paths, long failed, long atInfinity, long singular, Stats stats) {
    }

    private MonodromyBlockSolver() {
    }

    static Result solve(BlockProblem problem, long seed, int threads, BlockSolver.Listener listener) {
        int n = problem.unknowns();
        BlockFamily family = BlockFamily.of(problem);
        List<BlockSymmetry.SignedPermutation> group = problem.symmetry().elements();
        List<FixedSubspace> strata = FixedSubspace.strata(n, group);
        SplittableRandom random = new SplittableRandom(seed);
        FixedSubspace whole = strata.get(0);
        ParameterizedSystem wholeFamily = family.on(whole);
        double[][] start = BlockFamily.startPair(wholeFamily, random);
        double[] base = start[1];
        SolveOptions solveOptions = SolveOptions.defaults().seed(seed).threads(threads);
        MonodromyOptions loopOptions = MonodromyOptions.defaults().seed(seed).threads(threads)
                .loopsWithoutProgress(IDLE_LOOPS);

        SolutionSet known = new SolutionSet(n, loopOptions.identicalTolerance());
        int loops = 0;
        long loopPaths = 0;
        long tracked = 0;
        // the fixed subspaces first: their solutions are then known when the whole space's loops run, and the trace
        // test of the whole set can stop those loops as soon as they have closed the generic component
        TraceTest.Result trace = null;
        int traced = -1;
        for (int s = strata.size() - 1; s >= 0; s--) {
            FixedSubspace l = strata.get(s);
            listener.stratum(strata.size() - 1 - s, strata.size(), l.dimension(), known.size());
            List<double[]> found;
            if (l.dimension() == 0) {
                double[] f = wholeFamily.evaluate(new double[2 * n], base);
                found = maxAbs(f) < 1e-12 ? List.of(new double[0]) : List.of();
            } else if (l == whole) {
                List<double[]> starts = new ArrayList<>(known.points());
                starts.add(start[0]);
                Monodromy.Run run = Monodromy.run(wholeFamily, base, starts,
                        loopOptions.groupAction(action(group)).verify(true));
                loops += run.loops();
                loopPaths += run.pathsTracked();
                trace = run.traceTest();
                traced = run.solutions().size();
                found = run.solutions();
            } else {
                ParameterizedSystem sub = family.on(l);
                CompiledFamily compiled = new CompiledFamily(sub);
                double[][] pair = BlockFamily.startPair(sub, random);
                Monodromy.Run run = Monodromy.run(compiled, pair[1], List.of(pair[0]),
                        loopOptions.seed(seed + 31L * (s + 1)));
                loops += run.loops();
                loopPaths += run.pathsTracked();
                try (ParameterSolver ps = new ParameterSolver(sub, compiled, solveOptions)) {
                    SolveResult r = ps.track(pair[1], run.solutions(), base);
                    tracked += r.paths();
                    found = new ArrayList<>();
                    for (Solution x : r.nonsingularSolutions()) {
                        found.add(interleave(x.coordinates()));
                    }
                }
            }
            for (double[] y : found) {
                double[] x = l == whole ? y : l.embed(y);
                for (BlockSymmetry.SignedPermutation g : group) {
                    known.add(apply(g, x));
                }
            }
        }
        tracked += loopPaths;
        List<double[]> generic = List.copyOf(known.points());
        listener.stratum(strata.size(), strata.size(), 0, generic.size());
        if (trace == null || generic.size() != traced) {
            trace = TraceTest.verify(wholeFamily, base, generic, loopOptions);
        }
        // the homotopy to the block is equivariant (the path of g x is g times the path of x): one path per orbit
        List<double[]> reps = representatives(generic, group, loopOptions.identicalTolerance());
        listener.stratum(strata.size(), strata.size(), -reps.size(), generic.size());
        SolutionSet finite = new SolutionSet(n, 1e-8);
        List<BlockSolver.Endpoint> solutions = new ArrayList<>();
        long failed = 0;
        long atInfinity = 0;
        long singular = 0;
        List<double[]> pending = reps;
        for (int attempt = 0; attempt < 3 && !pending.isEmpty(); attempt++) {
            // a path that fails is tried again with another gamma (another seed), at most twice
            try (ParameterSolver ps = new ParameterSolver(wholeFamily, solveOptions.seed(seed + 1000L * attempt))) {
                SolveResult r = ps.track(base, pending, family.actual());
                tracked += r.paths();
                List<double[]> again = new ArrayList<>();
                for (PathResult pr : r.pathResults()) {
                    switch (pr.status()) {
                        case FAILED -> again.add(pending.get((int) pr.index()));
                        case AT_INFINITY, POSITIVE_DIMENSIONAL -> atInfinity += orbitSize(pending.get((int) pr.index()),
                                group);
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
        return new Result(solutions, generic.size(), failed, atInfinity, singular,
                new Stats(strata.size(), loops, loopPaths, tracked, generic.size(), trace));
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
