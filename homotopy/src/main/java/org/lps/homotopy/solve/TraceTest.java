package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.lps.homotopy.param.CompiledFamily;
import org.lps.homotopy.param.ParameterHomotopy;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.track.TrackerOptions;

/**
 * The trace test (Leykin, Rodriguez, Sottile, "Trace test", Arnold Math. J. 2018), in the form
 * HomotopyContinuation.jl's {@code verify_solution_completeness} uses for a square system F(x) = F(x; q) at a generic
 * parameter point: is a set of solutions all of them?
 *
 * <p>Move the constant terms along a random direction w: the solutions of F(x) + lambda w = 0 over the lambda-line form
 * a curve C in (x, lambda)-space, and the given solutions are its points on lambda = 0. Slice C by the pencil of
 * quadrics g(x, lambda) = (a . x - a0) lambda = -t (a, a0 random): at t = 0 the slice is the union of lambda = 0 (our
 * solutions W01) and the hyperplane a . x = a0 (the points W10 of C there, found once by monodromy in the family of
 * such slices). g is proper on C (at a point at infinity of C either lambda or a . x grows, and no solution escapes at
 * lambda = 0 because q is generic), so the sum of the points of C on g = -t, each tracked from t = 0, is a polynomial
 * in t whose degree is at most 1 (no coordinate grows faster than g): the trace is affine in t. For a proper subset
 * of C's points (C is irreducible when the monodromy group acts transitively, which the monodromy itself relies on),
 * the sum misses some points' nonlinear motion and is not affine.
 *
 * <p>Test: track all points to two random complex t1, t2; with T(t) the sum, the residual is
 * |(T(t1) - T(0)) / t1 - (T(t2) - T(0)) / t2| (max norm) over the sum of the points' norms, and the set passes below
 * {@link #TOLERANCE}. W10 and its traces are computed once; each {@link #check} tracks only the given solutions.
 */
public final class TraceTest {

    /**
     * Loops without a new extra witness before W10 is taken as complete; when a check fails, W10 gets as many more
     * (its incompleteness would fail the test as surely as a missing solution).
     */
    static final int WITNESS_IDLE_LOOPS = 2;

    /**
     * A complete set passes below this relative residual. Measured (MonodromyTest): complete sets 1e-16 .. 2e-14;
     * one solution removed 1e-5 .. 3e-2 (katsura-4, cyclic-5, noon-3). The residual is relative to the sum of all
     * points' norms, so one missing solution weighs about 1/(number of points): the margin narrows for large sets.
     */
    public static final double TOLERANCE = 1e-8;

    /** A verdict: passed or not, with the relative residual (NaN if a path failed, which fails the test). */
    public record Result(boolean passed, double residual) {
        public String label() {
            return passed ? "passed" : "failed";
        }
    }

    private final int n;
    private final ExecutorService pool;
    private final MonodromyOptions options;
    private final double[] w, a;
    private final double a0Re, a0Im;
    private final double[][] t;
    private final List<List<ParameterHomotopy>> pencils = new ArrayList<>();
    /** The monodromy that finds W10, resumed when a check fails (W10 may be what is incomplete). */
    private final Monodromy.Loops witnesses;
    private List<double[]> w10;
    /** Sums over W10 at t = 0, t1, t2 (n + 1 coordinates each), and the sum of their norms; null if a path failed. */
    private double[][] w10Sums;
    private double w10Norm;
    private long tracked;

    TraceTest(CompiledFamily family, double[] base, MonodromyOptions options, ExecutorService pool) {
        this.pool = pool;
        this.options = options;
        PolynomialSystem f = family.family().at(base);
        this.n = f.variableCount();
        SplittableRandom r = new SplittableRandom(options.seed() ^ 0x7F4A7C159E3779B9L);
        double[] xs = ParameterSolver.randomParameters(n, r);
        double[] lambda = ParameterSolver.randomParameters(1, r);
        this.a = ParameterSolver.randomParameters(n, r);
        // the start pair of the slice family: w = -F(x*) / lambda*, a0 = a . x*
        double[] fx = ParameterizedSystem.of(f, List.of()).evaluate(xs, new double[0]);
        this.w = new double[2 * n];
        double lr = lambda[0], li = lambda[1], ld = lr * lr + li * li;
        for (int i = 0; i < n; i++) {
            double fr = -fx[2 * i], fi = -fx[2 * i + 1];
            w[2 * i] = (fr * lr + fi * li) / ld;
            w[2 * i + 1] = (fi * lr - fr * li) / ld;
        }
        double sr = 0, si = 0;
        for (int k = 0; k < n; k++) {
            sr += a[2 * k] * xs[2 * k] - a[2 * k + 1] * xs[2 * k + 1];
            si += a[2 * k] * xs[2 * k + 1] + a[2 * k + 1] * xs[2 * k];
        }
        this.a0Re = sr;
        this.a0Im = si;
        this.t = new double[][] {ParameterSolver.randomParameters(1, r), ParameterSolver.randomParameters(1, r)};

        // W10 by monodromy over the slice family's parameters (w, a, a0), from the start pair
        ParameterizedSystem slices = sliceFamily(f);
        double[] sliceBase = new double[2 * (2 * n + 1)];
        System.arraycopy(w, 0, sliceBase, 0, 2 * n);
        System.arraycopy(a, 0, sliceBase, 2 * n, 2 * n);
        sliceBase[4 * n] = a0Re;
        sliceBase[4 * n + 1] = a0Im;
        double[] start = new double[2 * (n + 1)];
        System.arraycopy(xs, 0, start, 0, 2 * n);
        start[2 * n] = lr;
        start[2 * n + 1] = li;
        MonodromyOptions inner = options.plain(options.seed() + 1);
        this.witnesses = new Monodromy.Loops(new CompiledFamily(slices), sliceBase, inner, pool, List.of(start));
        witnesses.witnesses = true;
        this.w10 = List.copyOf(witnesses.known.points());
        if (witnesses.advance(WITNESS_IDLE_LOOPS, null) == Monodromy.Stop.BUDGET) {
            return;                                                     // overBudget(): no test
        }
        this.w10 = List.copyOf(witnesses.known.points());

        CompiledFamily pencil = new CompiledFamily(pencilFamily(f));
        for (double[] tk : t) {
            pencils.add(List.of(new ParameterHomotopy(pencil, new double[2], tk, ParameterHomotopy.Path.STRAIGHT, r)));
        }
        this.w10Sums = sums(w10);
        this.w10Norm = normSum(w10);
    }

    /**
     * The trace test of {@code solutions} of the family at the generic point {@code base}: computes the extra
     * witnesses (a monodromy of their own) and tracks everything along the pencil, on {@code options.threads()}
     * workers.
     */
    public static Result verify(ParameterizedSystem family, double[] base, List<double[]> solutions,
                                MonodromyOptions options) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                options.threads(), r -> {
                    Thread th = new Thread(r, "lps-trace-test");
                    th.setDaemon(true);
                    return th;
                });
        try {
            return new TraceTest(new CompiledFamily(family), base, options, pool).check(solutions);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the extra witnesses' monodromy spent the path budget ({@link MonodromyOptions#pathBudget}) first. */
    boolean overBudget() {
        return witnesses.overBudget();
    }

    /** The number of W10 points (the extra witnesses on the hyperplane a . x = a0). */
    public int extraWitnesses() {
        return w10.size();
    }

    long pathsTracked() {
        return tracked + witnesses.tracked;
    }

    /** The trace test of the solutions {@code solutions} (affine, at the base point) together with W10. */
    public Result check(List<double[]> solutions) {
        if (overBudget()) {
            return new Result(false, Double.NaN);
        }
        Result r = checkOnce(solutions);
        if (r.passed()) {
            return r;
        }
        witnesses.advance(WITNESS_IDLE_LOOPS, null);
        if (witnesses.known.size() > w10.size()) {
            w10 = List.copyOf(witnesses.known.points());
            w10Sums = sums(w10);
            w10Norm = normSum(w10);
            r = checkOnce(solutions);
        }
        return r;
    }

    private Result checkOnce(List<double[]> solutions) {
        List<double[]> lifted = new ArrayList<>();
        for (double[] x : solutions) {
            double[] y = new double[2 * (n + 1)];
            System.arraycopy(x, 0, y, 0, 2 * n);
            lifted.add(y);
        }
        double[][] s = sums(lifted);
        if (s == null || w10Sums == null) {
            return new Result(false, Double.NaN);
        }
        double scale = Math.max(1, w10Norm + normSum(lifted));
        double residual = 0;
        for (int k = 0; k < 2 * (n + 1); k += 2) {
            double[] d = new double[4];
            for (int j = 0; j < 2; j++) {
                double dr = s[j + 1][k] + w10Sums[j + 1][k] - s[0][k] - w10Sums[0][k];
                double di = s[j + 1][k + 1] + w10Sums[j + 1][k + 1] - s[0][k + 1] - w10Sums[0][k + 1];
                double tr = t[j][0], ti = t[j][1], td = tr * tr + ti * ti;
                d[2 * j] = (dr * tr + di * ti) / td;
                d[2 * j + 1] = (di * tr - dr * ti) / td;
            }
            residual = Math.max(residual, Math.hypot(d[0] - d[2], d[1] - d[3]));
        }
        residual /= scale;
        return new Result(residual < TOLERANCE, residual);
    }

    /** Sums of the points at t = 0 and tracked to t1 and t2; null if a path failed. */
    private double[][] sums(List<double[]> points) {
        double[][] out = new double[3][2 * (n + 1)];
        for (double[] p : points) {
            add(out[0], p);
        }
        for (int j = 0; j < 2; j++) {
            double[][] ends = Monodromy.trackAll(pool, options.threads(), pencils.get(j), points,
                    TrackerOptions.DEFAULT);
            tracked += points.size();
            for (double[] e : ends) {
                if (e == null) {
                    return null;
                }
                add(out[j + 1], e);
            }
        }
        return out;
    }

    private static void add(double[] sum, double[] p) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += p[k];
        }
    }

    private static double normSum(List<double[]> points) {
        double s = 0;
        for (double[] p : points) {
            s += Refiner.maxAbs(p);
        }
        return s;
    }

    /** [F(x) + lambda w; a . x - a0] in (x, lambda), parameters (w, a, a0). */
    private ParameterizedSystem sliceFamily(PolynomialSystem f) {
        int lam = n, wk = n + 1, ak = 2 * n + 1, a0 = 3 * n + 1;
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            eqs.add(f.equation(i).add(Polynomial.variable(lam).multiply(Polynomial.variable(wk + i))));
        }
        Polynomial last = Polynomial.variable(a0).negate();
        for (int k = 0; k < n; k++) {
            last = last.add(Polynomial.variable(ak + k).multiply(Polynomial.variable(k)));
        }
        eqs.add(last);
        List<String> names = new ArrayList<>(f.variables());
        names.add("$lambda");
        List<String> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            params.add("$w" + i);
        }
        for (int k = 0; k < n; k++) {
            params.add("$a" + k);
        }
        params.add("$b");
        names.addAll(params);
        return ParameterizedSystem.of(new PolynomialSystem(names, eqs), params);
    }

    /** [F(x) + lambda w; (a . x - a0) lambda + t] in (x, lambda), parameter t. */
    private ParameterizedSystem pencilFamily(PolynomialSystem f) {
        int lam = n, tv = n + 1;
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            eqs.add(f.equation(i).add(Polynomial.variable(lam).multiply(Polynomial.constant(w[2 * i], w[2 * i + 1]))));
        }
        Polynomial slice = Polynomial.constant(-a0Re, -a0Im);
        for (int k = 0; k < n; k++) {
            slice = slice.add(Polynomial.variable(k).multiply(Polynomial.constant(a[2 * k], a[2 * k + 1])));
        }
        eqs.add(slice.multiply(Polynomial.variable(lam)).add(Polynomial.variable(tv)));
        List<String> names = new ArrayList<>(f.variables());
        names.add("$lambda");
        names.add("$t");
        return ParameterizedSystem.of(new PolynomialSystem(names, eqs), List.of("$t"));
    }
}
