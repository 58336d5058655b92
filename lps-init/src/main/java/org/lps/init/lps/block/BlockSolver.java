package org.lps.init.lps.block;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.rootcount.LinearProductBound;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.Solver;

/**
 * Solves a block problem by homotopy continuation and classifies what it finds (docs/design.md, LPS steps 3-4): every path
 * of the linear-product start system on docs/design.md's variable groups is tracked, in parallel, by the homotopy
 * solver; its real finite solutions are polished in real arithmetic, classified by the Hessian of J and grouped into
 * symmetry orbits.
 */
public final class BlockSolver {

    /** How far Newton may move a real endpoint while polishing it (relative to max(1, |theta|)). */
    static final double POLISH_MOVE = 1e-6;

    private BlockSolver() {
    }

    /**
     * @param seed     the solver's seed (start system and homotopy constants); results are identical for a seed
     *                 whatever the thread count
     * @param threads  path-tracking threads
     * @param progress receives (paths done, total) from the workers, or null
     */
    public static BlockSolution solve(BlockProblem problem, long seed, int threads, SolveOptions.Progress progress) {
        return run(problem, seed, threads, progress, false).solution();
    }

    /** A block solve and the certificate of its counts ({@link BlockCertifier}). */
    public record Certified(BlockSolution solution, BlockCertificate certificate) {
    }

    /**
     * {@link #solve} followed by the certification of every solution and of the minima ({@link BlockCertifier}); the
     * solution's {@code seconds} is the solve's, the certificate's its own.
     */
    public static Certified solveCertified(BlockProblem problem, long seed, int threads, SolveOptions.Progress progress) {
        return run(problem, seed, threads, progress, true);
    }

    private static Certified run(BlockProblem problem, long seed, int threads, SolveOptions.Progress progress,
                                 boolean certify) {
        long t0 = System.nanoTime();
        SolveOptions options = SolveOptions.defaults().seed(seed).threads(threads)
                .setStructure(problem.designStructure());
        if (progress != null) {
            options = options.progress(progress);
        }
        SolveResult r = Solver.solve(problem.gradientSystem(), options);
        Criticality criticality = new Criticality(problem);
        List<CriticalPoint> real = new ArrayList<>();
        for (Solution s : r.solutions()) {
            if (!s.isReal()) {
                continue;
            }
            Complex[] z = s.coordinates();
            double[] x = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                x[i] = z[i].getReal();
            }
            Optional<CriticalPoint> c = criticality.polish(x, POLISH_MOVE);
            if (c.isPresent()) {
                real.add(c.get());
            } else if (s.isSingular()) {
                // a singular root is accurate to ~1e-10 only and Newton stalls on it: classify it where it is
                real.add(criticality.classify(x, maxAbs(problem.gradient(x))));
            }
        }
        List<CriticalPoint> orbits = Orbits.distinct(real, problem.symmetry());
        List<CriticalPoint> minima = new ArrayList<>();
        int saddles = 0;
        int maxima = 0;
        int degenerate = 0;
        for (CriticalPoint c : orbits) {
            switch (c.kind()) {
                case MINIMUM -> minima.add(c);
                case SADDLE -> saddles++;
                case MAXIMUM -> maxima++;
                case DEGENERATE -> degenerate++;
            }
        }
        BigInteger td = BigInteger.ONE;
        for (int d : problem.gradientSystem().degrees()) {
            td = td.multiply(BigInteger.valueOf(Math.max(1, d)));
        }
        ActivationFit fit = problem.fit();
        BlockSolution solution = new BlockSolution(problem.spec(), fit.coefficients(), fit.effectiveDegree(), td,
                LinearProductBound.count(problem.designStructure()), r.paths(), r.failed(), r.atInfinity(),
                r.solutions().size(), r.singular(), real.size(), minima, saddles, maxima, degenerate,
                (System.nanoTime() - t0) * 1e-9);
        return new Certified(solution, certify ? BlockCertifier.certify(problem, r, threads) : null);
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
