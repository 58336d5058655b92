package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_ZDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Does a singular solution x lie on a positive-dimensional solution component?
 *
 * <p>The test slices: it intersects F = 0 with a random hyperplane L = {a . (y - x) = eps} near x and looks
 * for a solution on it, by lightly damped Gauss-Newton (least squares by QR) on the overdetermined system [F; L]
 * started at the point of L closest to x. If a curve (or more) of solutions passes through x, a generic L cuts
 * it at distance of order eps and the iteration lands there with a residual at rounding level. At an isolated
 * root, however singular, F stays of order eps^m on L, far above rounding for the slice distances used here
 * ({@link #STEPS}, relative to max(1, |x|)) unless the multiplicity m is high: from m = 4 on, some generated
 * roots (LocalDimensionTest) already fall under the threshold.
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
    /** Slices per distance: 3 missed redcyc8's point (1, -1, -1, -3 - 2 sqrt 2, 1, -1, 3 + 2 sqrt 2) of a curve, where
     * about 1 slice in 3 converges; one success is enough, and an isolated root fails every slice. */
    private static final int DIRECTIONS = 6;
    private static final int MAX_ITERATIONS = 60;
    /** Tikhonov damping of the Gauss-Newton step, relative to |[J; a]|_F: keeps QR defined, changes nothing else. */
    static final double DAMPING = 1e-12;

    private final int n;
    private final Evaluator eval;
    private final Evaluator absEval;
    private final LinearSolverDense<ZMatrixRMaj> qr;
    private final double[][] directions;

    LocalDimension(PolynomialSystem system) {
        this.n = system.variableCount();
        List<Polynomial> scaled = new ArrayList<>();
        for (Polynomial p : system.equations()) {
            scaled.add(p.scale(1.0 / p.maxCoefficientModulus()));
        }
        this.eval = CompiledSystem.compile(scaled, n).evaluator();
        this.absEval = Refiner.absolute(scaled, n).evaluator();
        this.qr = LinearSolverFactory_ZDRM.qr(2 * n + 1, n);
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
     * Damped Gauss-Newton on [F(y); a . (y - x) - eps] = 0 in place: each step is the least-squares solution of
     * [J; a; mu I] d = [F; c; 0] by Householder QR, mu = {@link #DAMPING} |[J; a]|_F. QR on the stacked matrix, not
     * the normal equations: near a non-reduced component (the Jacobian's corank above the component's dimension,
     * as on redcyc7's curves with three zero coordinates) the useful singular values of [J; a] are ~1e-5, whose
     * squares a normal-equations damping of 1e-12 trace swamps, so the iteration crept along the slice and
     * stalled at residuals ~1e-9 (the cluster was reported as an isolated singular root). Returns false if it
     * blew up.
     */
    private boolean project(double[] y, double[] x, double[] a, double eps) {
        double[] f = new double[2 * n];
        double[] jac = new double[2 * n * n];
        ZMatrixRMaj m = new ZMatrixRMaj(2 * n + 1, n);
        ZMatrixRMaj rhs = new ZMatrixRMaj(2 * n + 1, 1);
        ZMatrixRMaj step = new ZMatrixRMaj(n, 1);
        double[] md = m.data, rd = rhs.data, sd = step.data;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            eval.valuesAndJacobian(y, f, jac);
            // rows 0..n-1: J and F; row n: a and the slice residual a . (y - x) - eps; rows n+1..2n: mu I and 0
            System.arraycopy(jac, 0, md, 0, 2 * n * n);
            System.arraycopy(f, 0, rd, 0, 2 * n);
            double cr = -eps, ci = 0;
            for (int k = 0; k < n; k++) {
                double dr = y[2 * k] - x[2 * k], di = y[2 * k + 1] - x[2 * k + 1];
                cr += a[2 * k] * dr - a[2 * k + 1] * di;
                ci += a[2 * k] * di + a[2 * k + 1] * dr;
                md[2 * (n * n + k)] = a[2 * k];
                md[2 * (n * n + k) + 1] = a[2 * k + 1];
            }
            rd[2 * n] = cr;
            rd[2 * n + 1] = ci;
            double frob = 0;
            for (int k = 0; k < 2 * n * (n + 1); k++) {
                frob += md[k] * md[k];
            }
            double mu = DAMPING * Math.sqrt(frob) + Double.MIN_NORMAL;
            Arrays.fill(md, 2 * n * (n + 1), md.length, 0);
            Arrays.fill(rd, 2 * (n + 1), rd.length, 0);
            for (int k = 0; k < n; k++) {
                md[2 * ((n + 1 + k) * n + k)] = mu;
            }
            if (!qr.setA(m)) {
                return false;
            }
            qr.solve(rhs, step);
            double size = Refiner.maxAbs(sd);
            for (int k = 0; k < 2 * n; k++) {
                y[k] -= sd[k];
            }
            double scale = Math.max(1, Refiner.maxAbs(y));
            if (!(size <= 1e3 * scale)) {
                return false;
            }
            if (size <= 1e-15 * scale) {
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
