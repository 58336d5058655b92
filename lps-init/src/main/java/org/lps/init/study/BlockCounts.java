package org.lps.init.study;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
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
     * @param randomMinima     distinct minima found by the random-start local searches
     * @param missedByHomotopy of those, minima not among the homotopy's (0 when the homotopy found them all)
     * @param certifiedFinite  with certification: distinct finite solutions proved ({@link BlockCertifier})
     * @param certifiedReal    of those, proved real
     * @param certifiedMinima  minima up to symmetry proved strict local minima, pairwise inequivalent
     * @param certifySeconds   wall time of the certification
     */
    public record Row(int k, int d, int unknowns, BigInteger totalDegree, BigInteger mhomBezout,
                      BigInteger linearProductBound, BigInteger mixedVolume, Long paths, Long failed, Long finite,
                      Long real, Integer minima, Integer saddles, Double bestLoss, Double seconds, Integer randomStarts,
                      Integer randomMinima, Integer missedByHomotopy, Double randomSeconds, String reason,
                      Integer certifiedFinite, Integer certifiedReal, Integer certifiedMinima, Double certifySeconds) {
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
        List<Row> rows = new ArrayList<>();
        for (int k : ks) {
            for (int d : ds) {
                Row r = one(activation, k, d, lambda, budget, starts, seed, threads, certify, paths);
                rows.add(r);
                if (progress != null) {
                    progress.accept(r);
                }
            }
        }
        return rows;
    }

    static Row one(String activation, int k, int d, double lambda, long budget, int starts, long seed, int threads,
                   boolean certify, SolveOptions.Progress paths) {
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
        if (lpb.compareTo(BigInteger.valueOf(budget)) > 0) {
            return new Row(k, d, n, td, mhom, lpb, mv, null, null, null, null, null, null, null, null, null, null, null,
                    null, String.format(Locale.ROOT, "%s paths over the path budget %d", lpb, budget), null, null, null,
                    null);
        }
        BlockSpec spec = BlockSpec.defaults().activation(activation).degree(d).width(k).lambda(lambda);
        BlockProblem problem = BlockProblem.of(spec);
        BlockSolver.Certified solved = certify ? BlockSolver.solveCertified(problem, seed, threads, paths)
                : new BlockSolver.Certified(BlockSolver.solve(problem, seed, threads, paths), null);
        BlockSolution s = solved.solution();
        BlockCertificate cert = solved.certificate();
        Integer randomMinima = null;
        Integer missed = null;
        Double randomSeconds = null;
        if (starts > 0) {
            LocalSearch.Result r = LocalSearch.run(problem, starts, seed, threads);
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
        return new Row(k, d, n, td, mhom, lpb, mv, s.paths(), s.failed(), s.finite(), s.realCritical(),
                s.minima().size(), s.saddles(), best, s.seconds(), starts > 0 ? starts : null, randomMinima, missed,
                randomSeconds, s.failed() > 0 ? s.failed() + " paths failed" : null,
                cert == null ? null : cert.certifiedFinite(), cert == null ? null : cert.certifiedReal(),
                cert == null ? null : cert.certifiedMinima(), cert == null ? null : cert.seconds());
    }

    /** Writes BASE.json ({@code results} and the settings), BASE.csv and BASE.png. */
    public static void write(StudyOutput out, List<Row> rows, String activation, double lambda, long budget, int starts,
                             long seed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", "counts");
        json.put("system", "grad J = 0 of the LPS block (docs/design.md, LPS step 3); bounds of the generic system of (k, d)");
        json.put("activation", activation);
        json.put("lambda", lambda);
        json.put("pathBudget", budget);
        json.put("randomStarts", starts);
        json.put("seed", seed);
        json.put("results", rows);
        out.writeJson(json);
        List<List<?>> csv = new ArrayList<>();
        for (Row r : rows) {
            csv.add(java.util.Arrays.asList(r.k(), r.d(), r.unknowns(), r.totalDegree(), r.mhomBezout(),
                    r.linearProductBound(), r.mixedVolume(), r.paths(), r.failed(), r.finite(), r.real(), r.minima(),
                    r.saddles(), r.bestLoss(), r.seconds(), r.randomStarts(), r.randomMinima(), r.missedByHomotopy(),
                    r.reason(), r.certifiedFinite(), r.certifiedReal(), r.certifiedMinima(), r.certifySeconds()));
        }
        out.writeCsv(List.of("k", "d", "unknowns", "totalDegree", "mhomBezout", "linearProductBound", "mixedVolume",
                "paths", "failed", "finite", "real", "minima", "saddles", "bestLoss", "seconds", "randomStarts",
                "randomMinima", "missedByHomotopy", "reason", "certifiedFinite", "certifiedReal", "certifiedMinima",
                "certifySeconds"), csv);
        out.writePng(chart(rows));
    }

    private static double positive(BigInteger x) {
        return x == null ? 0.0 : Math.log10(Math.max(1.0, x.doubleValue()));
    }

    /** log10 of the bounds and of the finite solutions per (k, d) (0 for 0, 1 or not computed). */
    static CategoryChart chart(List<Row> rows) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520)
                .title("LPS block systems: root counts and finite solutions")
                .xAxisTitle("k, d").yAxisTitle("log10 count").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> x = new ArrayList<>();
        List<Double> td = new ArrayList<>();
        List<Double> mh = new ArrayList<>();
        List<Double> lp = new ArrayList<>();
        List<Double> mv = new ArrayList<>();
        List<Double> fin = new ArrayList<>();
        for (Row r : rows) {
            x.add("k=" + r.k() + ", d=" + r.d());
            td.add(positive(r.totalDegree()));
            mh.add(positive(r.mhomBezout()));
            lp.add(positive(r.linearProductBound()));
            mv.add(positive(r.mixedVolume()));
            fin.add(r.finite() == null ? 0.0 : Math.log10(Math.max(1.0, r.finite())));
        }
        chart.addSeries("total degree", x, td);
        chart.addSeries("m-hom Bezout", x, mh);
        chart.addSeries("linear product", x, lp);
        chart.addSeries("mixed volume (0 = over work limit)", x, mv);
        chart.addSeries("finite solutions (0 = not solved)", x, fin);
        return chart;
    }
}
