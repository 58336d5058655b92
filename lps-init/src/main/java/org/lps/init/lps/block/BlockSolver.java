package org.lps.init.lps.block;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** How the block's critical points are found. */
    public enum Method {
        /** Every path of docs/design.md's linear-product start system. */
        HOMOTOPY("homotopy"),
        /** Monodromy in the block's symmetric family, then a parameter homotopy to the block ({@link MonodromyBlockSolver}). */
        MONODROMY("monodromy");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** By its label; an IllegalArgumentException naming the choices otherwise. */
        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.label.equals(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("solver must be homotopy or monodromy, got '" + s + "'");
        }
    }

    /** Progress of a monodromy solve, reported after every batch of loop paths and before the final homotopy. */
    public interface Listener {
        void progress(Status status);

        Listener NONE = status -> { };
    }

    /**
     * Where a monodromy block solve is.
     *
     * @param stage       the subspace being solved, 0-based, smallest first; {@code strata - 1} is the whole space,
     *                    {@code strata} the final homotopy to the block
     * @param strata      fixed subspaces including the whole space
     * @param dimension   the subspace's dimension
     * @param round       0, or the round of extra loops after a failed trace test
     * @param loops       loops started in this subspace and round
     * @param paths       loop paths tracked so far (all subspaces and rounds)
     * @param solutions   solutions known in this subspace
     * @param orbits      of them, orbits (the points that go around a loop)
     * @param idleLoops   consecutive loops without a new solution so far
     * @param idleLimit   idle loops that end a subspace's loops (the whole space's: or the trace test passing)
     * @param finalPaths  the paths of the final homotopy (one per orbit), 0 before it
     * @param seconds     since the solve started
     * @param witnesses   the counts are the trace test's extra witnesses (its own monodromy before the whole space's
     *                    loops), not solutions
     * @param traceResidual the residual of the stage's last trace test that failed, NaN if none, infinite if a path
     *                    of its pencil failed
     * @param homotopy    a parameter homotopy under way (a subspace's solutions carried to the common generic member,
     *                    or the final homotopy to the block), or null: the loops' counts
     */
    public record Status(int stage, int strata, int dimension, int round, int loops, long paths, int solutions,
                         int orbits, int idleLoops, int idleLimit, int finalPaths, double seconds, boolean witnesses,
                         double traceResidual, Tracking homotopy) {

        /** A report of the loops (no homotopy under way). */
        public Status(int stage, int strata, int dimension, int round, int loops, long paths, int solutions,
                      int orbits, int idleLoops, int idleLimit, int finalPaths, double seconds, boolean witnesses) {
            this(stage, strata, dimension, round, loops, paths, solutions, orbits, idleLoops, idleLimit, finalPaths,
                    seconds, witnesses, Double.NaN, null);
        }

        /**
         * One line for a person: the stage, the counts, and an estimate of the time to the stage's end if no new
         * solution turns up (the idle loops left, each tracking every orbit, at the rate so far); in a homotopy, its
         * paths done and the time left at its rate so far.
         */
        public String line() {
            if (homotopy != null) {
                return stage >= strata
                        ? String.format(Locale.ROOT, "homotopy to the block%s: %s, %.0f s", homotopy.attempt() == 0 ? ""
                                : ", failed paths again with another gamma (" + (homotopy.attempt() + 1) + " of 3)",
                                homotopy.counts(), seconds)
                        : String.format(Locale.ROOT, "fixed subspace %d of %d (dimension %d)%s, homotopy to the common"
                                        + " generic member: %s, %.0f s", stage + 1, strata, dimension,
                                round > 0 ? ", round " + (round + 1) : "", homotopy.counts(), seconds);
            }
            if (stage >= strata) {
                return String.format(Locale.ROOT, "%d generic solutions; tracking %d paths (one per orbit) to the"
                        + " block, %.0f s", solutions, finalPaths, seconds);
            }
            if (witnesses) {
                return String.format(Locale.ROOT, "%s %d of %d (dimension %d), trace test's extra witnesses,"
                        + " loop %d: %d witnesses, %d loop paths, %d of 2 loops without a new one, %.0f s",
                        stage == strata - 1 ? "whole space" : "fixed subspace", stage + 1, strata, dimension, loops,
                        solutions, paths, idleLoops, seconds);
            }
            double rate = paths / Math.max(seconds, 1e-3);
            double left = Math.max(0, idleLimit - idleLoops) * (double) orbits / Math.max(rate, 1e-9);
            return String.format(Locale.ROOT, "%s %d of %d (dimension %d)%s, loop %d: %d solutions (%d orbits),"
                            + " %d loop paths, %d of %d loops without a new one (about %.0f s more if none)%s, %.0f s",
                    stage == strata - 1 ? "whole space" : "fixed subspace", stage + 1, strata, dimension,
                    round > 0 ? ", round " + (round + 1) : "", loops, solutions, orbits, paths, idleLoops, idleLimit,
                    left, Double.isNaN(traceResidual) ? ""
                            : Double.isInfinite(traceResidual) ? ", trace test failed (a path of its pencil failed)"
                            : String.format(Locale.ROOT, ", trace test failed at %.1e", traceResidual), seconds);
        }
    }

    /**
     * A parameter homotopy of a monodromy solve under way (one path per orbit).
     *
     * @param paths     its paths
     * @param done      of them, tracked by the first pass
     * @param retracked paths tracked again by the retry ladder (conservative steps) so far, after the first pass
     * @param attempt   0, or the final homotopy's retry of its failed paths with another gamma (1 or 2)
     * @param seconds   since this homotopy started
     */
    public record Tracking(long paths, long done, long retracked, int attempt, double seconds) {

        /** Seconds to the first pass's end at its rate so far; NaN before its first path and after its last. */
        public double secondsLeft() {
            return done <= 0 || done >= paths ? Double.NaN : seconds * (paths - done) / done;
        }

        /** "57 of 109 paths, about 40 s more", or with the retries: "109 of 109 paths, 3 tracked again". */
        String counts() {
            String left = Double.isNaN(secondsLeft()) ? ""
                    : String.format(Locale.ROOT, ", about %.0f s more", secondsLeft());
            return String.format(Locale.ROOT, "%d of %d paths%s%s", done, paths, left,
                    retracked > 0 ? ", " + retracked + " tracked again with smaller steps" : "");
        }
    }

    /**
     * A monodromy solve's solution and what it did: fixed subspaces solved, loops, paths tracked in loops and in all,
     * solutions of the generic member, the trace test of those, and the block solutions added as complex conjugates of
     * found ones (the block is real; see MonodromyBlockSolver).
     */
    public record Monodromic(BlockSolution solution, int strata, int loops, long loopPaths, long pathsTracked,
                             long genericSolutions, boolean tracePassed, double traceResidual, int conjugates) {
    }

    /**
     * Monodromy's default budget of loop paths (one orbit representative around one triangle, and the trace test's
     * witnesses around theirs): {@code lps:...:solver=monodromy:budget=N} and {@code lps study counts --loop-budget N}
     * change it.
     */
    public static final long DEFAULT_LOOP_BUDGET = MonodromyBlockSolver.DEFAULT_PATH_BUDGET;

    /** The block's critical points by monodromy ({@link MonodromyBlockSolver}); the same classification as {@link #solve}. */
    public static Monodromic solveMonodromy(BlockProblem problem, long seed, int threads, Listener listener) {
        return solveMonodromy(problem, seed, threads, listener, DEFAULT_LOOP_BUDGET);
    }

    /**
     * The same with a budget of loop paths (0: none): a solve that spends it stops with a
     * {@link BudgetExceededException} whose message names the budget and what to do instead.
     */
    public static Monodromic solveMonodromy(BlockProblem problem, long seed, int threads, Listener listener,
                                            long pathBudget) {
        long t0 = System.nanoTime();
        MonodromyBlockSolver.Result m = MonodromyBlockSolver.solve(problem, seed, threads,
                listener == null ? Listener.NONE : listener, pathBudget);
        BlockSolution s = classify(problem, m.solutions(), m.paths(), m.failed(), m.atInfinity(), m.singular(), t0);
        MonodromyBlockSolver.Stats st = m.stats();
        return new Monodromic(s, st.strata(), st.loops(), st.loopPaths(), st.pathsTracked(), st.genericSolutions(),
                st.trace().passed(), st.trace().residual(), st.conjugates());
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
        List<Endpoint> found = new ArrayList<>();
        for (Solution x : r.solutions()) {
            found.add(new Endpoint(x.interleaved(), x.isReal(), x.isSingular()));
        }
        BlockSolution solution = classify(problem, found, r.paths(), r.failed(), r.atInfinity(), r.singular(), t0);
        return new Certified(solution, certify ? BlockCertifier.certify(problem, r, threads) : null);
    }

    /** A distinct finite solution of grad J = 0 (complex, interleaved), whether real and whether singular. */
    record Endpoint(double[] x, boolean real, boolean singular) {
    }

    /** The real endpoints polished, classified and grouped into orbits; seconds counted from t0. */
    private static BlockSolution classify(BlockProblem problem, List<Endpoint> solutions, long paths, long failed,
                                          long atInfinity, long singular, long t0) {
        Criticality criticality = new Criticality(problem);
        List<CriticalPoint> real = new ArrayList<>();
        for (Endpoint s : solutions) {
            if (!s.real()) {
                continue;
            }
            double[] x = new double[s.x().length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = s.x()[2 * i];
            }
            criticality.atSolution(x, s.singular()).ifPresent(real::add);
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
        return new BlockSolution(problem.spec(), fit.coefficients(), fit.effectiveDegree(), td,
                LinearProductBound.count(problem.designStructure()), paths, failed, atInfinity,
                solutions.size(), singular, real.size(), minima, saddles, maxima, degenerate,
                (System.nanoTime() - t0) * 1e-9);
    }
}
