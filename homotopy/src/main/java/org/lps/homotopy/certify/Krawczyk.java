package org.lps.homotopy.certify;

import java.util.Arrays;
import org.lps.homotopy.eval.BoxEvaluator;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.interval.ComplexBoxes;
import org.lps.homotopy.interval.Intervals;
import org.lps.homotopy.linalg.ComplexLU;

/**
 * The Krawczyk test in double-precision interval arithmetic (Moore 1977; Breiding, Rose, Timme 2020). For a point x
 * (refined by Newton's method first), Y ~ J(x)^-1 in floating point, and the box X = x + [-r, r]^n (real and
 * imaginary parts),
 * <pre>
 *   K(X) = x - Y F(x) + (I - Y J(X)) (X - x)
 * </pre>
 * with F(x) and J(X) enclosed by interval evaluation. If K(X) lies in the interior of X, then X holds exactly one
 * zero of F, and it lies in K(X): K is the mean-value form of the Newton-like map x - Y F(x), a contraction on X whose
 * fixed points are the zeros (Y is then nonsingular, as I - Y J(X) has norm below one in a suitable sense). Only
 * the inclusion needs rigor; Y and x are any floating-point numbers.
 *
 * <p>The radius r starts at a few times |Y F(x)| (the Newton step: the zero is about that far) and is inflated from
 * K's own size when the test fails (epsilon-inflation, Rump), a bounded number of times.
 *
 * <p>Per thread: holds its workspace, allocates only the boxes it returns.
 */
final class Krawczyk {

    private static final int W = ComplexBoxes.WIDTH;
    /** Radius inflations tried before giving up. */
    static final int TRIES = 8;

    /** The outcome of one test: boxes on success, a reason otherwise; {@code singular} when J(x) had no inverse. */
    record Attempt(boolean ok, double[] enclosure, double[] domain, String reason, boolean singular) {
        static Attempt fail(String reason, boolean singular) {
            return new Attempt(false, null, null, reason, singular);
        }
    }

    private final int n;
    private final Evaluator eval;
    private final BoxEvaluator box;
    private final ComplexLU lu;
    private final double[] f, jac, dx, col, y;
    private final double[] pt, fb, c, xb, d, jb, m, k;

    Krawczyk(IntervalSystem system) {
        this.n = system.dimension();
        this.eval = system.program().evaluator();
        this.box = system.boxEvaluator();
        this.lu = new ComplexLU(n);
        this.f = new double[2 * n];
        this.jac = new double[2 * n * n];
        this.dx = new double[2 * n];
        this.col = new double[2 * n];
        this.y = new double[2 * n * n];
        this.pt = new double[W * n];
        this.fb = new double[W * n];
        this.c = new double[W * n];
        this.xb = new double[W * n];
        this.d = new double[W * n];
        this.jb = new double[W * n * n];
        this.m = new double[W * n * n];
        this.k = new double[W * n];
    }

    /**
     * Newton's method in double on x (in place) while the steps shrink, at most {@code maxIt} steps; {@code real}
     * keeps the imaginary parts at exactly 0 (for a system with real coefficients Newton from a real point stays
     * real; this only removes signed zeros and rounding noise).
     */
    void newton(double[] x, boolean real, int maxIt) {
        double prev = Double.POSITIVE_INFINITY;
        for (int it = 0; it < maxIt; it++) {
            eval.valuesAndJacobian(x, f, jac);
            if (!lu.factor(jac)) {
                return;
            }
            lu.solve(f, dx);
            double norm = maxAbs(dx);
            if (!(norm < prev)) {
                return;   // at the noise floor, or diverging: keep the better iterate
            }
            for (int i = 0; i < 2 * n; i++) {
                x[i] -= dx[i];
            }
            if (real) {
                for (int i = 0; i < n; i++) {
                    x[2 * i + 1] = 0;
                }
            }
            prev = norm;
        }
    }

    /**
     * The floating-point inverse of J(x) into {@code y} (row-major, interleaved); false when J(x) is singular to
     * working precision (a zero pivot, or an inverse with non-finite entries).
     */
    boolean inverse(double[] x, double[] yOut) {
        eval.valuesAndJacobian(x, f, jac);
        if (!lu.factor(jac)) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            Arrays.fill(col, 0.0);
            col[2 * j] = 1;
            lu.solve(col, col);
            for (int i = 0; i < n; i++) {
                yOut[2 * (i * n + j)] = col[2 * i];
                yOut[2 * (i * n + j) + 1] = col[2 * i + 1];
            }
        }
        for (double v : yOut) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The 1-norm condition number ||J(x)|| ||Y|| of the last {@link #inverse}, given its result Y (a floating-point
     * estimate, for messages only).
     */
    double lastCondition(double[] inverse) {
        return ComplexLU.oneNorm(jac, n) * ComplexLU.oneNorm(inverse, n);
    }

    /**
     * Krawczyk's test around the point x (2n doubles, not modified). With {@code real}, x's imaginary parts must be
     * 0 and every box is symmetric about the real subspace.
     */
    Attempt test(double[] x, boolean real) {
        if (!inverse(x, y)) {
            return Attempt.fail("singular Jacobian at the point (no floating-point inverse)", true);
        }
        for (int i = 0; i < n; i++) {
            ComplexBoxes.point(x[2 * i], x[2 * i + 1], pt, W * i);
        }
        box.values(pt, fb);
        // c = -Y [F(x)]
        Arrays.fill(c, 0.0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int o = 2 * (i * n + j);
                ComplexBoxes.pointMulAdd(y[o], y[o + 1], fb, W * j, c, W * i);
            }
            negate(c, W * i);
        }
        double step = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            step = Math.max(step, Math.max(Intervals.mag(c[W * i], c[W * i + 1]), Intervals.mag(c[W * i + 2], c[W * i + 3])));
            scale = Math.max(scale, Math.max(Math.abs(x[2 * i]), Math.abs(x[2 * i + 1])));
        }
        if (!Double.isFinite(step)) {
            return Attempt.fail("F(x) or its Newton step is not finite", false);
        }
        double r = Math.max(Math.max(4 * step, 8 * Math.ulp(scale)), Double.MIN_NORMAL);
        double worst = Double.NaN;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            for (int i = 0; i < n; i++) {
                int b = W * i;
                xb[b] = Intervals.subDown(x[2 * i], r);
                xb[b + 1] = Intervals.addUp(x[2 * i], r);
                xb[b + 2] = Intervals.subDown(x[2 * i + 1], r);
                xb[b + 3] = Intervals.addUp(x[2 * i + 1], r);
            }
            ComplexBoxes.sub(xb, 0, pt, 0, d, 0);
            for (int i = 1; i < n; i++) {
                ComplexBoxes.sub(xb, W * i, pt, W * i, d, W * i);
            }
            box.jacobian(xb, jb);
            krawczyk();
            boolean inside = true;
            double dev = 0;
            for (int i = 0; i < n; i++) {
                inside &= ComplexBoxes.strictlyInside(k, W * i, xb, W * i);
                dev = Math.max(dev, Math.max(
                        Math.max(Math.abs(k[W * i] - x[2 * i]), Math.abs(k[W * i + 1] - x[2 * i])),
                        Math.max(Math.abs(k[W * i + 2] - x[2 * i + 1]), Math.abs(k[W * i + 3] - x[2 * i + 1]))));
            }
            if (inside) {
                return new Attempt(true, k.clone(), xb.clone(), null, false);
            }
            worst = dev / r;
            if (!Double.isFinite(dev)) {
                break;
            }
            r = Math.max(2 * r, 1.5 * dev);
        }
        return Attempt.fail(String.format(java.util.Locale.ROOT,
                "Krawczyk test failed in double precision: K(X) not inside X (last |K(X) - x| / r = %.3g)", worst), false);
    }

    /** k = x + c + (I - Y J(X)) (X - x), from pt, c, y, jb, d. */
    private void krawczyk() {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int o = W * (i * n + j);
                m[o] = 0;
                m[o + 1] = 0;
                m[o + 2] = 0;
                m[o + 3] = 0;
                for (int l = 0; l < n; l++) {
                    int yo = 2 * (i * n + l);
                    ComplexBoxes.pointMulAdd(y[yo], y[yo + 1], jb, W * (l * n + j), m, o);
                }
                // m = delta_ij - m
                double delta = i == j ? 1 : 0;
                double lo = Intervals.subDown(delta, m[o + 1]);
                double hi = Intervals.subUp(delta, m[o]);
                m[o] = lo;
                m[o + 1] = hi;
                negate2(m, o + 2);
            }
        }
        for (int i = 0; i < n; i++) {
            ComplexBoxes.add(pt, W * i, c, W * i, k, W * i);
            for (int j = 0; j < n; j++) {
                ComplexBoxes.mulAdd(m, W * (i * n + j), d, W * j, k, W * i);
            }
        }
    }

    /** box = -box (exact). */
    private static void negate(double[] b, int o) {
        negate2(b, o);
        negate2(b, o + 2);
    }

    /** [lo, hi] = [-hi, -lo] (exact). */
    private static void negate2(double[] b, int o) {
        double lo = -b[o + 1];
        b[o + 1] = -b[o];
        b[o] = lo;
    }

    static double maxAbs(double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i += 2) {
            s = Math.max(s, Math.hypot(v[i], v[i + 1]));
        }
        return s;
    }
}
