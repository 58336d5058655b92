package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.linalg.ComplexLU;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Does a singular solution x lie on a positive-dimensional solution component?
 *
 * <p>The test: take a null vector v of the Jacobian at x (inverse iteration), step to y0 = x + h v, and
 * project back onto F = 0 within the hyperplane through y0 orthogonal to v, by Gauss-Newton on the
 * overdetermined system [F(y); v^H (y - y0)] = 0. If a curve (or more) of solutions passes through x with
 * tangent v, the hyperplane cuts it near y0 and Gauss-Newton lands there with a residual at rounding level. At
 * an isolated root of multiplicity m the best the hyperplane offers is a residual of order h^m, far above
 * rounding for the step used here ({@link #STEP} relative), up to m of about 7 (equations are scaled to
 * unit largest coefficient, and "rounding level" is measured against the sum of the terms' moduli).
 *
 * <p>Runs once per singular cluster, so it allocates freely.
 */
final class LocalDimension {

    /** The step along the null vector, relative to max(1, |x|). */
    static final double STEP = 0.05;

    private final int n;
    private final Evaluator eval;
    private final Evaluator absEval;
    private final ComplexLU lu;

    LocalDimension(PolynomialSystem system) {
        this.n = system.variableCount();
        List<Polynomial> scaled = new ArrayList<>();
        for (Polynomial p : system.equations()) {
            scaled.add(p.scale(1.0 / p.maxCoefficientModulus()));
        }
        this.eval = CompiledSystem.compile(scaled, n).evaluator();
        this.absEval = Refiner.absolute(scaled, n).evaluator();
        this.lu = new ComplexLU(n);
    }

    boolean positiveDimensional(double[] x) {
        double[] v = nullVector(x);
        if (v == null) {
            return false;   // nonsingular Jacobian: isolated
        }
        double scale = Math.max(1, Refiner.maxAbs(x));
        for (double rel : new double[] {STEP, STEP / 5}) {
            double h = rel * scale;
            double[] y0 = new double[2 * n];
            for (int k = 0; k < 2 * n; k++) {
                y0[k] = x[k] + h * v[k];
            }
            double[] y = gaussNewton(y0, v);
            if (y != null && onComponent(y) && Clusters.distance(y, x) >= 0.5 * h) {
                return true;
            }
        }
        return false;
    }

    /** A unit null vector of J(x) by inverse iteration, or null when J(x) is far from singular. */
    private double[] nullVector(double[] x) {
        double[] f = new double[2 * n];
        double[] jac = new double[2 * n * n];
        eval.valuesAndJacobian(x, f, jac);
        double norm = 0;
        for (int k = 0; k < jac.length; k += 2) {
            norm = Math.max(norm, Math.hypot(jac[k], jac[k + 1]));
        }
        if (norm == 0) {
            double[] e = new double[2 * n];
            e[0] = 1;
            return e;
        }
        if (!lu.factor(jac)) {
            // exactly singular: a tiny diagonal shift keeps inverse iteration going
            for (int i = 0; i < n; i++) {
                jac[2 * (i * n + i)] += 1e-14 * norm;
            }
            if (!lu.factor(jac)) {
                return null;
            }
        }
        double[] v = new double[2 * n];
        for (int k = 0; k < n; k++) {
            v[2 * k] = 1.0 / (k + 1);
            v[2 * k + 1] = 0.3 / (k + 2);
        }
        double grow = 0;
        for (int it = 0; it < 4; it++) {
            normalize(v);
            lu.solve(v, v);
            grow = Refiner.maxAbs(v);
        }
        normalize(v);
        // growth under J^-1 ~ 1/sigma_min: below 1e6 relative to |J| the matrix is not singular enough
        return grow * norm > 1e6 ? v : null;
    }

    private double[] gaussNewton(double[] y0, double[] v) {
        double[] y = y0.clone();
        double[] f = new double[2 * n];
        double[] jac = new double[2 * n * n];
        double[] normal = new double[2 * n * n];
        double[] rhs = new double[2 * n];
        double prev = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 30; it++) {
            eval.valuesAndJacobian(y, f, jac);
            // hyperplane residual c = conj(v) . (y - y0)
            double cr = 0, ci = 0;
            for (int k = 0; k < n; k++) {
                double dr = y[2 * k] - y0[2 * k], di = y[2 * k + 1] - y0[2 * k + 1];
                cr += v[2 * k] * dr + v[2 * k + 1] * di;
                ci += v[2 * k] * di - v[2 * k + 1] * dr;
            }
            // normal matrix J^H J + v v^H, right side J^H f + v c
            double trace = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sr = v[2 * i] * v[2 * j] + v[2 * i + 1] * v[2 * j + 1];
                    double si = v[2 * i + 1] * v[2 * j] - v[2 * i] * v[2 * j + 1];
                    for (int k = 0; k < n; k++) {
                        int a = 2 * (k * n + i), b = 2 * (k * n + j);
                        // conj(J_ki) * J_kj
                        sr += jac[a] * jac[b] + jac[a + 1] * jac[b + 1];
                        si += jac[a] * jac[b + 1] - jac[a + 1] * jac[b];
                    }
                    normal[2 * (i * n + j)] = sr;
                    normal[2 * (i * n + j) + 1] = si;
                    if (i == j) {
                        trace += sr;
                    }
                }
                double rr = v[2 * i] * cr - v[2 * i + 1] * ci, ri = v[2 * i] * ci + v[2 * i + 1] * cr;
                for (int k = 0; k < n; k++) {
                    int a = 2 * (k * n + i);
                    rr += jac[a] * f[2 * k] + jac[a + 1] * f[2 * k + 1];
                    ri += jac[a] * f[2 * k + 1] - jac[a + 1] * f[2 * k];
                }
                rhs[2 * i] = rr;
                rhs[2 * i + 1] = ri;
            }
            for (int i = 0; i < n; i++) {
                normal[2 * (i * n + i)] += 1e-15 * trace;
            }
            if (!lu.factor(normal)) {
                return null;
            }
            lu.solve(rhs, rhs);
            double step = Refiner.maxAbs(rhs);
            for (int k = 0; k < 2 * n; k++) {
                y[k] -= rhs[k];
            }
            double scale = Math.max(1, Refiner.maxAbs(y));
            if (step <= 1e-14 * scale || (step >= prev && step <= 1e-10 * scale)) {
                return y;
            }
            if (step > 10 * scale) {
                return null;
            }
            prev = step;
        }
        return y;
    }

    /**
     * |f_i(y)| at rounding level: below 1e-12 times sum_t |c_t| M^deg(t), M = max(1, |y|_inf) (the size the
     * terms of f_i can have at this scale; see {@link Refiner#backwardError}).
     */
    private boolean onComponent(double[] y) {
        double[] f = new double[2 * n];
        double[] a = new double[2 * n];
        double[] absY = new double[2 * n];
        double m = Math.max(1, Refiner.maxAbs(y));
        for (int k = 0; k < n; k++) {
            absY[2 * k] = m;
        }
        eval.values(y, f);
        absEval.values(absY, a);
        for (int i = 0; i < n; i++) {
            if (Math.hypot(f[2 * i], f[2 * i + 1]) > 1e-12 * Math.max(a[2 * i], 1e-300)) {
                return false;
            }
        }
        return true;
    }

    private static void normalize(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        s = Math.sqrt(s);
        for (int k = 0; k < v.length; k++) {
            v[k] /= s;
        }
    }
}
