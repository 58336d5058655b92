package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.param.CompiledFamily;
import org.lps.homotopy.param.ParameterHomotopy;
import org.lps.homotopy.param.SignedPermutation;
import org.lps.homotopy.param.SignedPermutationGroup;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.track.TrackerOptions;

/**
 * The trace test (Leykin, Rodriguez, Sottile, "Trace test", Arnold Math. J. 2018), in the form
 * HomotopyContinuation.jl's {@code verify_solution_completeness} uses for a square system F(x) = F(x; q) at a generic
 * parameter point: is a set of solutions all of them?
 *
 * <p>Deform the system by one parameter lambda ({@link TraceSlice}): its solutions over the lambda-line form a curve C
 * in (x, lambda)-space, and the given solutions are its points on lambda = 0. Slice C by the pencil
 * g(x, lambda) = h(x) lambda = -t (h a random affine function, or a random invariant quadric when the family has a
 * symmetry group): at t = 0 the slice is the union of lambda = 0 (our solutions W01) and h = 0 (the points W10 of C
 * there, found once by monodromy in the family of such slices). g is proper on C (at a point at infinity of C either
 * lambda or h grows, and no solution escapes at lambda = 0 because q is generic), so the sum of the points of C on
 * g = -t, each tracked from t = 0, is a polynomial in t whose degree is at most 1 (no coordinate grows faster than g):
 * the trace is affine in t. For a proper subset of C's points (C is irreducible when the monodromy group acts
 * transitively, which the monodromy itself relies on), the sum misses some points' nonlinear motion and is not affine.
 *
 * <p>Test: track all points to two random complex t1, t2; with T(t) the sum, the residual is
 * |(T(t1) - T(0)) / t1 - (T(t2) - T(0)) / t2| (max norm) over the sum of the points' norms, and the set passes below
 * {@link #TOLERANCE}. W10 and its traces are computed once; each {@link #check} tracks only the given solutions.
 *
 * <p>With a group ({@link MonodromyOptions#groupAction}) and a family affine in its parameters, C and the slice are
 * carried to themselves by the group: W10 is found one point per orbit, and each orbit is tracked along the pencil
 * through one point, its sum being the sum of that point's images (the path of g x is g times the path of x). The
 * work is divided by the orbit size, and the sums of the invariants of degree 2 are tested beside the coordinates'
 * (which the sign changes average to zero on most coordinates).
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

    /**
     * The relative accuracy of a pencil endpoint that is enough on the retry of a failed path: its error weighs
     * |p| * 1e-6 / (sum of all points' norms) in the residual, far below {@link #TOLERANCE} for the sets a retry is
     * needed for (thousands of points).
     */
    static final double PENCIL_ACCURACY = 1e-6;

    /** A verdict: passed or not, with the relative residual (NaN if a path failed, which fails the test). */
    public record Result(boolean passed, double residual) {
        public String label() {
            return passed ? "passed" : "failed";
        }
    }

    private final int n;
    private final ExecutorService pool;
    private final MonodromyOptions options;
    private final TraceSlice slice;
    private final double[][] t;
    private final List<List<ParameterHomotopy>> pencils = new ArrayList<>();
    /** The monodromy that finds W10, resumed when a check fails (W10 may be what is incomplete). */
    private final Monodromy.Loops witnesses;
    private List<double[]> w10;
    /** Sums over W10 of the tested functions at t = 0, t1, t2, and their scale; null if a path failed. */
    private Sums w10Sums;
    private long tracked;
    /** The number of solutions of the last check that failed, -1 before. */
    private int lastFailedCount = -1;

    /**
     * @param seeds solutions at the base point, one on each component the caller knows of (the invariant slice's
     *              witnesses start from them: {@link TraceSlice#invariant})
     */
    TraceTest(CompiledFamily family, double[] base, List<double[]> seeds, MonodromyOptions options,
              ExecutorService pool) {
        this.pool = pool;
        this.options = options;
        this.n = family.family().variableCount();
        SplittableRandom r = new SplittableRandom(options.seed() ^ 0x7F4A7C159E3779B9L);
        SignedPermutationGroup group = options.groupAction();
        TraceSlice invariant = TraceSlice.invariantApplies(family.family(), group)
                ? TraceSlice.invariant(family.family(), base, group, seeds,
                        SolveOptions.defaults().seed(options.seed()).threads(1), r)
                : null;
        this.slice = invariant != null ? invariant : TraceSlice.linear(family.family().at(base), r);
        this.t = new double[][] {ParameterSolver.randomParameters(1, r), ParameterSolver.randomParameters(1, r)};

        // W10 by monodromy over the slice family's parameters, from the start pair, one point per orbit
        MonodromyOptions inner = options.plain(options.seed() + 1)
                .groupAction(slice.group().order() > 1 ? slice.group() : null);
        this.witnesses = new Monodromy.Loops(new CompiledFamily(slice.slices()), slice.sliceBase(), inner, pool,
                slice.starts());
        witnesses.witnesses = true;
        this.w10 = List.copyOf(witnesses.known.points());
        if (witnesses.advance(WITNESS_IDLE_LOOPS, null) == Monodromy.Stop.BUDGET) {
            return;                                                     // overBudget(): no test
        }
        this.w10 = List.copyOf(witnesses.known.points());

        CompiledFamily pencil = new CompiledFamily(slice.pencil());
        for (double[] tk : t) {
            pencils.add(List.of(new ParameterHomotopy(pencil, new double[2], tk, ParameterHomotopy.Path.STRAIGHT, r)));
        }
        this.w10Sums = sums(w10);
    }

    /**
     * The trace test of {@code solutions} of the family at the generic point {@code base}: computes the extra
     * witnesses (a monodromy of their own) and tracks everything along the pencil, on {@code options.threads()}
     * workers. With a group action in the options, {@code solutions} must be closed under it.
     */
    public static Result verify(org.lps.homotopy.param.ParameterizedSystem family, double[] base,
                                List<double[]> solutions, MonodromyOptions options) {
        ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(options.threads(), r -> {
            Thread th = new Thread(r, "lps-trace-test");
            th.setDaemon(true);
            return th;
        });
        try {
            List<double[]> seeds = options.groupAction() == null ? solutions
                    : Orbits.representatives(solutions, options.groupAction(), options.identicalTolerance());
            return new TraceTest(new CompiledFamily(family), base, seeds, options, pool).check(solutions);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the extra witnesses' monodromy spent the path budget ({@link MonodromyOptions#pathBudget}) first. */
    boolean overBudget() {
        return witnesses.overBudget();
    }

    /** The number of W10 points (the extra witnesses on the slice h = 0), every image counted. */
    public int extraWitnesses() {
        return w10.size();
    }

    /** Whether the slice is the group-invariant quadric (the witnesses and the pencil tracked by orbits). */
    public boolean equivariant() {
        return slice.group().order() > 1;
    }

    long pathsTracked() {
        return tracked + witnesses.tracked;
    }

    /**
     * The trace test of the solutions {@code solutions} (affine, at the base point) together with W10. When it fails
     * for the same number of solutions as the last failure, W10 gets more loops and the test is run again: nothing
     * new was found among the solutions in between, so W10 may be what is incomplete. (Loops for W10 after every
     * failure cost as much as the solutions' loops, and mostly find nothing.)
     */
    public Result check(List<double[]> solutions) {
        if (overBudget()) {
            return new Result(false, Double.NaN);
        }
        Result r = checkOnce(solutions);
        if (r.passed()) {
            return r;
        }
        boolean again = solutions.size() == lastFailedCount;
        lastFailedCount = solutions.size();
        if (!again) {
            return r;
        }
        witnesses.advance(WITNESS_IDLE_LOOPS, null);
        if (witnesses.known.size() > w10.size()) {
            w10 = List.copyOf(witnesses.known.points());
            w10Sums = sums(w10);
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
        Sums s = sums(lifted);
        if (s == null || w10Sums == null) {
            return new Result(false, Double.NaN);
        }
        double residual = 0;
        for (int f = 0; f < s.at[0].length / 2; f++) {
            int k = 2 * f;
            double[] d = new double[4];
            for (int j = 0; j < 2; j++) {
                double dr = s.at[j + 1][k] + w10Sums.at[j + 1][k] - s.at[0][k] - w10Sums.at[0][k];
                double di = s.at[j + 1][k + 1] + w10Sums.at[j + 1][k + 1] - s.at[0][k + 1] - w10Sums.at[0][k + 1];
                double tr = t[j][0], ti = t[j][1], td = tr * tr + ti * ti;
                d[2 * j] = (dr * tr + di * ti) / td;
                d[2 * j + 1] = (di * tr - dr * ti) / td;
            }
            // linear functions against the sum of the points' norms, the invariants of degree 2 against the sum of
            // their squares
            boolean quadratic = f > n && slice.functions().get(f - n - 1).degree() > 1;
            double scale = Math.max(1, quadratic ? s.scale[1] + w10Sums.scale[1] : s.scale[0] + w10Sums.scale[0]);
            residual = Math.max(residual, Math.hypot(d[0] - d[2], d[1] - d[3]) / scale);
        }
        return new Result(residual < TOLERANCE, residual);
    }

    /**
     * The sums over {@code points} of the tested functions (the n + 1 coordinates of (x, lambda), then the slice's
     * invariants) at t = 0, t1, t2, one point per orbit tracked; scale: the sums of |p| and |p|^2 (max norm).
     */
    private record Sums(double[][] at, double[] scale) {
    }

    /** Sums at t = 0 and tracked to t1 and t2; null if a path failed. */
    private Sums sums(List<double[]> points) {
        SignedPermutationGroup group = slice.group();
        List<Orbits.Orbit> orbits = Orbits.of(points, group, 1e-8);
        List<double[]> reps = new ArrayList<>(orbits.size());
        for (Orbits.Orbit o : orbits) {
            reps.add(o.representative());
        }
        int width = 2 * (n + 1 + slice.functions().size());
        double[][] out = new double[3][width];
        double[] scale = new double[2];
        for (Orbits.Orbit o : orbits) {
            add(out[0], o, o.representative());
            double norm = Refiner.maxAbs(o.representative());
            scale[0] += o.size() * norm;
            scale[1] += o.size() * norm * norm;
        }
        for (int j = 0; j < 2; j++) {
            double[][] ends = Monodromy.trackAll(pool, options.threads(), pencils.get(j), reps, TrackerOptions.DEFAULT);
            tracked += reps.size();
            // one failed path fails the test: those get the conservative preset before that, and an endpoint known
            // to PENCIL_ACCURACY is enough (LPS k = 3: a few of 1600 orbits' paths end at ill-conditioned points,
            // which Newton does not refine to the loops' 1e-10)
            List<Integer> failed = new ArrayList<>();
            for (int i = 0; i < ends.length; i++) {
                if (ends[i] == null) {
                    failed.add(i);
                }
            }
            if (!failed.isEmpty()) {
                List<double[]> again = new ArrayList<>();
                failed.forEach(i -> again.add(reps.get(i)));
                double[][] retried = Monodromy.trackAll(pool, options.threads(), pencils.get(j), again,
                        TrackerOptions.CONSERVATIVE, PENCIL_ACCURACY);
                tracked += again.size();
                for (int k = 0; k < retried.length; k++) {
                    ends[failed.get(k)] = retried[k];
                }
            }
            for (int i = 0; i < ends.length; i++) {
                if (ends[i] == null) {
                    return null;
                }
                add(out[j + 1], orbits.get(i), ends[i]);
            }
        }
        return new Sums(out, scale);
    }

    /**
     * Adds the tested functions summed over the orbit of {@code o} at the point p on its path: the path of g x is
     * g times the path of x, so the orbit's points there are the images of p, each |G| / |orbit| times among the g.
     */
    private void add(double[] sum, Orbits.Orbit o, double[] p) {
        SignedPermutationGroup group = slice.group();
        double weight = (double) o.size() / group.order();
        for (SignedPermutation g : group.elements()) {
            for (int i = 0; i <= n; i++) {
                double s = g.sign()[i];
                int from = g.index()[i];
                sum[2 * i] += weight * s * p[2 * from];
                sum[2 * i + 1] += weight * s * p[2 * from + 1];
            }
        }
        List<Polynomial> functions = slice.functions();
        if (functions.isEmpty()) {
            return;
        }
        Complex[] x = new Complex[n];
        for (int i = 0; i < n; i++) {
            x[i] = new Complex(p[2 * i], p[2 * i + 1]);
        }
        for (int f = 0; f < functions.size(); f++) {
            Complex v = functions.get(f).evaluate(x);                   // invariant: the same at every image
            sum[2 * (n + 1 + f)] += o.size() * v.getReal();
            sum[2 * (n + 1 + f) + 1] += o.size() * v.getImaginary();
        }
    }
}
