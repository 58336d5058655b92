package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.linalg.ComplexLU;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Does a singular solution x lie on a positive-dimensional solution component?
 *
 * <p>The test slices: it intersects F = 0 with a random hyperplane L = {a . (y - x) = eps} near x and looks
 * for a solution on it, by damped Gauss-Newton (Levenberg-Marquardt) on the overdetermined system [F; L]
 * started at the point of L closest to x. If a curve (or more) of solutions passes through x, a generic L cuts
 * it at distance of order eps and the iteration lands there with a residual at rounding level. At an isolated
 * root, however singular, F stays of order eps^m on L, far above rounding for the slice distances used here
 * ({@link #STEPS}, relative to max(1, |x|)) unless the multiplicity m is beyond about 7.
 *
 * <p>Simpler tests fail on real systems: moving along a null vector of the Jacobian and projecting back
 * misses the component where the null space is larger than the tangent space, and projecting a random
 * perturbation back onto F = 0 can fall back onto x itself. Both happen on cyclic-4, whose paths end at the
 * special points (1, 1, -1, -1), (i, i, -i, -i), ... of its solution curves, where the Jacobian has corank 2.
 * Several fixed pseudo-random hyperplanes and two distances are tried; one success is enough.
 *
 * <p>Runs once per singular cluster, so it allocates freely.
 */
final class LocalDimension {

    /** Slice distances, relative to max(1, |x|). */
    static final double[] STEPS = {0.05, 0.01};
    private static final int DIRECTIONS = 3;
    private static final int MAX_ITERATIONS = 60;

    private final int n;
    private final Evaluator eval;
    private final Evaluator absEval;
    private final ComplexLU lu;
    private final double[][] directions;

    LocalDimension(PolynomialSystem system) {
        this.n = system.variableCount();
        List<Polynomial> scaled = new ArrayList<>();
        for (Polynomial p : system.equations()) {
            scaled.add(p.scale(1.0 / p.maxCoefficientModulus()));
        }
        this.eval = CompiledSystem.compile(scaled, n).evaluator();
        this.absEval = Refiner.absolute(scaled, n).evaluator();
        this.lu = new ComplexLU(n);
        // fixed directions: the result must not depend on anything but x
        SplittableRandom r = new SplittableRandom(0x5eed);
        directions = new double[DIRECTIONS][2 * n];
        for (double[] d : directions) {
            for (int k = 0; k < d.length; k++) {
                d[k] = r.nextGaussian();
            }
            double norm = Refiner.maxAbs(d);
            for (int k = 0; k < d.length; k++) {
                d[k] /= norm;
            }
        }
    }

    boolean positiveDimensional(double[] x) {
        double scale = Math.max(1, Refiner.maxAbs(x));
        for (double rel : STEPS) {
            double eps = rel * scale;
            for (double[] a : directions) {
                // the point of L nearest x: x + eps conj(a) / |a|^2
                double aa = 0;
                for (double v : a) {
                    aa += v * v;
                }
                double[] y = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    y[2 * k] = x[2 * k] + eps * a[2 * k] / aa;
                    y[2 * k + 1] = x[2 * k + 1] - eps * a[2 * k + 1] / aa;
                }
                if (project(y, x, a, eps) && onComponent(y) && sliceResidual(y, x, a, eps) <= 1e-12 * scale) {
                    return true;
                }
            }
        }
        return false;
    }

    /** |a . (y - x) - eps|. */
    private double sliceResidual(double[] y, double[] x, double[] a, double eps) {
        double r = -eps, i = 0;
        for (int k = 0; k < n; k++) {
            double dr = y[2 * k] - x[2 * k], di = y[2 * k + 1] - x[2 * k + 1];
            r += a[2 * k] * dr - a[2 * k + 1] * di;
            i += a[2 * k] * di + a[2 * k + 1] * dr;
        }
        return Math.hypot(r, i);
    }

    /**
     * Levenberg-Marquardt on [F(y); a . (y - x) - eps] = 0 in place: (A^H A + lambda I) d = A^H r, lambda small
     * relative to the trace. Returns false if it blew up.
     */
    private boolean project(double[] y, double[] x, double[] a, double eps) {
        double[] f = new double[2 * n];
        double[] jac = new double[2 * n * n];
        double[] normal = new double[2 * n * n];
        double[] rhs = new double[2 * n];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            eval.valuesAndJacobian(y, f, jac);
            // slice residual c = a . (y - x) - eps
            double cr = -eps, ci = 0;
            for (int k = 0; k < n; k++) {
                double dr = y[2 * k] - x[2 * k], di = y[2 * k + 1] - x[2 * k + 1];
                cr += a[2 * k] * dr - a[2 * k + 1] * di;
                ci += a[2 * k] * di + a[2 * k + 1] * dr;
            }
            double trace = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // conj(a_i) a_j + sum_k conj(J_ki) J_kj
                    double sr = a[2 * i] * a[2 * j] + a[2 * i + 1] * a[2 * j + 1];
                    double si = a[2 * i] * a[2 * j + 1] - a[2 * i + 1] * a[2 * j];
                    for (int k = 0; k < n; k++) {
                        int p = 2 * (k * n + i), q = 2 * (k * n + j);
                        sr += jac[p] * jac[q] + jac[p + 1] * jac[q + 1];
                        si += jac[p] * jac[q + 1] - jac[p + 1] * jac[q];
                    }
                    normal[2 * (i * n + j)] = sr;
                    normal[2 * (i * n + j) + 1] = si;
                    if (i == j) {
                        trace += sr;
                    }
                }
                // conj(a_i) c + sum_k conj(J_ki) f_k
                double rr = a[2 * i] * cr + a[2 * i + 1] * ci, ri = a[2 * i] * ci - a[2 * i + 1] * cr;
                for (int k = 0; k < n; k++) {
                    int p = 2 * (k * n + i);
                    rr += jac[p] * f[2 * k] + jac[p + 1] * f[2 * k + 1];
                    ri += jac[p] * f[2 * k + 1] - jac[p + 1] * f[2 * k];
                }
                rhs[2 * i] = rr;
                rhs[2 * i + 1] = ri;
            }
            double lambda = 1e-12 * trace + Double.MIN_NORMAL;
            for (int i = 0; i < n; i++) {
                normal[2 * (i * n + i)] += lambda;
            }
            if (!lu.factor(normal)) {
                return false;
            }
            lu.solve(rhs, rhs);
            double step = Refiner.maxAbs(rhs);
            for (int k = 0; k < 2 * n; k++) {
                y[k] -= rhs[k];
            }
            double scale = Math.max(1, Refiner.maxAbs(y));
            if (!(step <= 1e3 * scale)) {
                return false;
            }
            if (step <= 1e-15 * scale) {
                break;
            }
        }
        return true;
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
}
