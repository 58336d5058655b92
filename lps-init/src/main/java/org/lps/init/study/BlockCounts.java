package org.lps.init.study;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.polyhedral.cells.MixedVolume;
import org.lps.homotopy.polyhedral.cells.WorkLimitExceededException;
import org.lps.homotopy.rootcount.LinearProductBound;
import org.lps.homotopy.rootcount.MultiHomogeneous;
import org.lps.homotopy.rootcount.Partition;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.init.lps.block.BlockCertificate;
import org.lps.init.lps.block.BlockCertifier;
import org.lps.init.lps.block.BlockProblem;
import org.lps.init.lps.block.BlockSolution;
import org.lps.init.lps.block.BlockSolver;
import org.lps.init.lps.block.BlockSpec;
import org.lps.init.lps.block.BudgetExceededException;
import org.lps.init.lps.block.CriticalPoint;
import org.lps.init.lps.block.LocalSearch;
import org.lps.init.lps.block.LpsBlockSystem;

/**
 * {@code lps study counts}: the root counts of LPS block systems over block width k and degree d (docs/design.md
 * lps-init step 3), and for those within a path budget the homotopy solve of the activation's block (paths,
 * finite, real, minima up to symmetry, time) with the random-start cross-check of its minima.
 *
 * <p>The bounds are those of the generic block system of (k, d) (random coefficients, the block's monomials): the
 * activation's fit can make some coefficients vanish (ReLU's Gaussian fit of degree 3 has no cubic term) and so
 * lower the true counts, but the linear-product start system, and so the number of paths, is the design's for (k, d).
 */
public final class BlockCounts {

    /** Work limit of the mixed-cell search: beyond it the mixed volume is reported as null. */
    public static final long MIXED_VOLUME_WORK = 2_000_000L;

    /**
     * One (k, d). Null fields: not computed (mixed volume over its work limit; the solve over the path budget,
     * with {@code reason}).
     *
     * @param mhomBezout       the m-homogeneous Bezout number of the design's grouping: one group {w_j, b_j} per neuron
     *                         and V = {v_1..v_k, c}
     * @param real             real finite critical points (solutions, not orbits)
     * @param minima           local minima up to neuron permutation and sign symmetry
     * @param bestLoss         the smallest J among the minima: the solve's, or without a solve the local searches'
     * @param randomMinima     distinct minima found by the random-start local searches
     * @param missedByHomotopy of those, minima not among the homotopy's (0 when the homotopy found them all)
     * @param certifiedFinite  with certification: distinct finite solutions proved ({@link BlockCertifier})
     * @param certifiedReal    of those, proved real
     * @param certifiedMinima  minima up to symmetry proved strict local minima, pairwise inequivalent
     * @param certifySeconds   wall time of the certification
     * @param solver           homotopy (every path of the linear-product start system), monodromy (then
     *                         {@code paths} counts every path it tracked: loops, trace test and final homotopy) or
     *                         none (the local searches alone)
     * @param traceTest        monodromy's trace test: "passed" or "failed", with its residual
     * @param randomLosses     J of each distinct minimum the local searches found, ascending (null: none ran)
     */
    public record Row(int k, int d, int unknowns, BigInteger totalDegree, BigInteger mhomBezout,
                      BigInteger linearProductBound, BigInteger mixedVolume, Long paths, Long failed, Long finite,
                      Long real, Integer minima, Integer saddles, Double bestLoss, Double seconds, Integer randomStarts,
                      Integer randomMinima, Integer missedByHomotopy, Double randomSeconds, String reason,
                      Integer certifiedFinite, Integer certifiedReal, Integer certifiedMinima, Double certifySeconds,
                      String solver, String traceTest, List<Double> randomLosses) {

        /** A row without the local searches' J values. */
        public Row(int k, int d, int unknowns, BigInteger totalDegree, BigInteger mhomBezout,
                   BigInteger linearProductBound, BigInteger mixedVolume, Long paths, Long failed, Long finite,
                   Long real, Integer minima, Integer saddles, Double bestLoss, Double seconds, Integer randomStarts,
                   Integer randomMinima, Integer missedByHomotopy, Double randomSeconds, String reason,
                   Integer certifiedFinite, Integer certifiedReal, Integer certifiedMinima, Double certifySeconds,
                   String solver, String traceTest) {
            this(k, d, unknowns, totalDegree, mhomBezout, linearProductBound, mixedVolume, paths, failed, finite, real,
                    minima, saddles, bestLoss, seconds, randomStarts, randomMinima, missedByHomotopy, randomSeconds,
                    reason, certifiedFinite, certifiedReal, certifiedMinima, certifySeconds, solver, traceTest, null);
        }
    }

    /** J of each distinct minimum the local searches found, ascending. */
    private static List<Double> losses(LocalSearch.Result r) {
        return r == null ? null : r.minima().stream().map(CriticalPoint::loss).toList();
    }

    /** How each (k, d) is solved: by {@link BlockSolver.Method}, or not at all (the bounds and the local searches). */
    public enum Solve {
        HOMOTOPY(BlockSolver.Method.HOMOTOPY),
        MONODROMY(BlockSolver.Method.MONODROMY),
        /**
         * No solve: the bounds, and the random-start local searches alone, whose distinct minima are a lower bound on
         * the block's (a local method finds only the minima whose basins its starts hit).
         */
        NONE(null);

        private final BlockSolver.Method method;

        Solve(BlockSolver.Method method) {
            this.method = method;
        }

        /** The solver, or null for none. */
        public BlockSolver.Method method() {
            return method;
        }

        public String label() {
            return method == null ? "none" : method.label();
        }

        public static Solve of(BlockSolver.Method m) {
            return m == BlockSolver.Method.HOMOTOPY ? HOMOTOPY : MONODROMY;
        }

        /** By label; an IllegalArgumentException naming the choices otherwise. */
        public static Solve parse(String s) {
            for (Solve v : values()) {
                if (v.label().equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("solver must be homotopy, monodromy or none (the local searches alone),"
                    + " got '" + s + "'");
        }
    }

    private BlockCounts() {
    }

    /**
     * @param activation polyapprox activation name (relu, tanh, ...)
     * @param budget     solve only systems whose linear-product bound (the number of paths) is at most this
     * @param starts     random-start local searches per solved system (0: none)
     * @param paths      told the paths done of each solve, or null; {@code progress} follows each system's row
     */
    public static List<Row> run(String activation, int[] ks, int[] ds, double lambda, long budget, int starts,
                                long seed, int threads, SolveOptions.Progress paths, Consumer<Row> progress) {
        return run(activation, ks, ds, lambda, budget, starts, seed, threads, false, paths, progress);
    }

    /** As above; with {@code certify}, each solved system's counts are also certified ({@link BlockCertifier}). */
    public static List<Row> run(String activation, int[] ks, int[] ds, double lambda, long budget, int starts,
                                long seed, int threads, boolean certify, SolveOptions.Progress paths,
                                Consumer<Row> progress) {
        return run(activation, ks, ds, lambda, budget, starts, seed, threads, certify,
                List.of(BlockSolver.Method.HOMOTOPY), paths, null, progress);
    }

    /**
     * As above, each (k, d) by each of {@code solvers} in turn (the same run, so their times compare); the path
     * budget limits the homotopy only (monodromy's paths are not known before it runs).
     */
    public static List<Row> run(String activation, int[] ks, int[] ds, double lambda, long budget, int starts,
                                long seed, int threads, boolean certify, List<BlockSolver.Method> solvers,
                                SolveOptions.Progress paths, BlockSolver.Listener stages, Consumer<Row> progress) {
        return run(activation, ks, ds, lambda, budget, BlockSolver.DEFAULT_LOOP_BUDGET, starts, seed, threads, certify,
                solvers.stream().map(Solve::of).toList(), paths, stages, progress);
    }

    /**
     * As above, with monodromy's budget of loop paths ({@code loopBudget}; a solve that spends it gives a row with
     * the reason, and the study goes on) and {@link Solve#NONE} among the solvers (the local searches alone).
     */
    public static List<Row> run(String activation, int[] ks, int[] ds, double lambda, long budget, long loopBudget,
                                int starts, long seed, int threads, boolean certify, List<Solve> solvers,
                                SolveOptions.Progress paths, BlockSolver.Listener stages, Consumer<Row> progress) {
        List<Row> rows = new ArrayList<>();
        for (int k : ks) {
            for (int d : ds) {
                Bounds b = Bounds.of(k, d, seed, threads);                  // the same for every solver
                for (Solve m : solvers) {
                    Row r = one(activation, k, d, b, lambda, budget, loopBudget, starts, seed, threads, certify, m,
                            paths, stages);
                    rows.add(r);
                    if (progress != null) {
                        progress.accept(r);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The root counts of the generic block system of (k, d) (not of an activation's block): total degree, the
     * m-homogeneous Bezout number of the design's grouping, the linear-product bound, and the mixed volume (null over
     * {@link #MIXED_VOLUME_WORK}).
     */
    private record Bounds(int n, BigInteger td, BigInteger mhom, BigInteger lpb, BigInteger mv) {

        static Bounds of(int k, int d, long seed, int threads) {
            PolynomialSystem generic = LpsBlockSystem.generic(k, d, seed);
            int n = generic.variableCount();
            BigInteger td = BigInteger.ONE;
            for (int deg : generic.degrees()) {
                td = td.multiply(BigInteger.valueOf(deg));
            }
            int[][] groups = new int[k + 1][];
            int[] v = new int[k + 1];
            for (int j = 0; j < k; j++) {
                groups[j] = new int[] {LpsBlockSystem.w(j), LpsBlockSystem.b(j)};
                v[j] = LpsBlockSystem.v(j);
            }
            v[k] = LpsBlockSystem.c(k);
            groups[k] = v;
            BigInteger mhom = MultiHomogeneous.bezout(generic, Partition.of(n, groups));
            BigInteger lpb = LinearProductBound.count(LpsBlockSystem.designStructure(k, d));
            BigInteger mv;
            try {
                mv = MixedVolume.of(generic, seed, threads, MIXED_VOLUME_WORK).mixedVolume();
            } catch (WorkLimitExceededException e) {
                mv = null;
            }
            return new Bounds(n, td, mhom, lpb, mv);
        }
    }

    static Row one(String activation, int k, int d, Bounds bounds, double lambda, long budget, long loopBudget,
                   int starts, long seed, int threads, boolean certify, Solve solve, SolveOptions.Progress paths,
                   BlockSolver.Listener stages) {
        boolean monodromy = solve == Solve.MONODROMY;
        int n = bounds.n();
        BigInteger td = bounds.td();
        BigInteger mhom = bounds.mhom();
        BigInteger lpb = bounds.lpb();
        BigInteger mv = bounds.mv();
        if (solve == Solve.HOMOTOPY && lpb.compareTo(BigInteger.valueOf(budget)) > 0) {
            return unsolved(k, d, n, td, mhom, lpb, mv, null,
                    String.format(Locale.ROOT, "%s paths over the path budget %d", lpb, budget), solve);
        }
        BlockSpec spec = BlockSpec.defaults().activation(activation).degree(d).width(k).lambda(lambda);
        BlockProblem problem = BlockProblem.of(spec);
        if (solve == Solve.NONE) {
            return unsolved(k, d, n, td, mhom, lpb, mv, starts > 0 ? LocalSearch.run(problem, starts, seed, threads)
                    : null, "not solved: local searches only (their minima are a lower bound)", solve);
        }
        BlockSolver.Certified solved;
        String trace = null;
        long tracked;
        if (monodromy) {
            BlockSolver.Monodromic m;
            try {
                m = BlockSolver.solveMonodromy(problem, seed, threads, stages, loopBudget);
            } catch (BudgetExceededException e) {
                return unsolved(k, d, n, td, mhom, lpb, mv, null, e.getMessage(), solve);
            }
            solved = new BlockSolver.Certified(m.solution(), null);
            trace = String.format(Locale.ROOT, "%s %.1e", m.tracePassed() ? "passed" : "failed", m.traceResidual());
            tracked = m.pathsTracked();
        } else {
            solved = certify ? BlockSolver.solveCertified(problem, seed, threads, paths)
                    : new BlockSolver.Certified(BlockSolver.solve(problem, seed, threads, paths), null);
            tracked = solved.solution().paths();
        }
        BlockSolution s = solved.solution();
        BlockCertificate cert = solved.certificate();
        Integer randomMinima = null;
        Integer missed = null;
        Double randomSeconds = null;
        LocalSearch.Result r = null;
        if (starts > 0) {
            r = LocalSearch.run(problem, starts, seed, threads);
            randomMinima = r.minima().size();
            int m = 0;
            for (CriticalPoint c : r.minima()) {
                if (!s.contains(c)) {
                    m++;
                }
            }
            missed = m;
            randomSeconds = r.seconds();
        }
        Double best = s.minima().isEmpty() ? null : s.best().loss();
        return new Row(k, d, n, td, mhom, lpb, mv, tracked, s.failed(), s.finite(), s.realCritical(),
                s.minima().size(), s.saddles(), best, s.seconds(), starts > 0 ? starts : null, randomMinima, missed,
                randomSeconds, s.failed() > 0 ? s.failed() + " paths failed" : null,
                cert == null ? null : cert.certifiedFinite(), cert == null ? null : cert.certifiedReal(),
                cert == null ? null : cert.certifiedMinima(), cert == null ? null : cert.seconds(), solve.label(), trace,
                losses(r));
    }

    /** A row without a solve: the bounds, the reason, and the local searches' minima when they ran. */
    private static Row unsolved(int k, int d, int n, BigInteger td, BigInteger mhom, BigInteger lpb, BigInteger mv,
                                LocalSearch.Result local, String reason, Solve solve) {
        return new Row(k, d, n, td, mhom, lpb, mv, null, null, null, null, null, null,
                local == null || local.minima().isEmpty() ? null : local.minima().get(0).loss(), null,
                local == null ? null : local.starts(), local == null ? null : local.minima().size(), null,
                local == null ? null : local.seconds(), reason, null, null, null, null, solve.label(), null,
                losses(local));
    }

    /** Writes BASE.json ({@code results} and the settings), BASE.csv and BASE.png. */
    public static void write(StudyOutput out, List<Row> rows, String activation, double lambda, long budget, int starts,
                             long seed) {
        write(out, rows, activation, lambda, budget, BlockSolver.DEFAULT_LOOP_BUDGET, starts, seed);
    }

    /** As above, with monodromy's loop-path budget among the settings. */
    public static void write(StudyOutput out, List<Row> rows, String activation, double lambda, long budget,
                             long loopBudget, int starts, long seed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", "counts");
        json.put("system", "grad J = 0 of the LPS block (docs/design.md, LPS step 3); bounds of the generic system of (k, d)");
        json.put("activation", activation);
        json.put("lambda", lambda);
        json.put("pathBudget", budget);
        json.put("loopBudget", loopBudget);
        json.put("randomStarts", starts);
        json.put("seed", seed);
        json.put("results", rows);
        out.writeJson(json);
        List<List<?>> csv = new ArrayList<>();
        for (Row r : rows) {
            csv.add(java.util.Arrays.asList(r.k(), r.d(), r.unknowns(), r.totalDegree(), r.mhomBezout(),
                    r.linearProductBound(), r.mixedVolume(), r.paths(), r.failed(), r.finite(), r.real(), r.minima(),
                    r.saddles(), r.bestLoss(), r.seconds(), r.randomStarts(), r.randomMinima(), r.missedByHomotopy(),
                    r.reason(), r.certifiedFinite(), r.certifiedReal(), r.certifiedMinima(), r.certifySeconds(),
                    r.solver(), r.traceTest()));
        }
        out.writeCsv(List.of("k", "d", "unknowns", "totalDegree", "mhomBezout", "linearProductBound", "mixedVolume",
                "paths", "failed", "finite", "real", "minima", "saddles", "bestLoss", "seconds", "randomStarts",
                "randomMinima", "missedByHomotopy", "reason", "certifiedFinite", "certifiedReal", "certifiedMinima",
                "certifySeconds", "solver", "traceTest"), csv);
        out.writePng(CountsPlot.charts(rows));
    }
}
