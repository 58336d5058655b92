package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lps.homotopy.endgame.Singularity;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.linalg.ComplexLU;
import org.lps.homotopy.poly.Polynomial;

/**
 * Newton refinement, residual and condition number of an affine point of the original system F. One per
 * thread.
 */
final class Refiner {

    private final int n;
    /**
     * A Newton correction between these fractions of the previous one is a linear step ({@link #stalledLinearly}):
     * at a zero of multiplicity m the corrections fall by (m - 1) / m, 0.5 .. 0.9 for m = 2 .. 10.
     */
    static final double LINEAR_MIN = 0.4, LINEAR_MAX = 0.92;
    /** Corrections up to this (relative) are in Newton's local regime; larger ones still search. */
    static final double LOCAL = 1e-3;
    /**
     * Only a fast fall from a correction above this (relative) ends a linear run: below it, near a double zero, the
     * halving corrections meet roundoff noise, whose random falls prove nothing (a double zero at |x| = 40 reached in
     * 40 steps). Clusters narrower than this look like multiple zeros to Newton.
     */
    static final double SETTLED = 1e-6;
    /** This many linear steps in a row in the last {@link #newton} mean it converged linearly. */
    static final int LINEAR_RUN = 3;

    private final Evaluator eval;
    /** The linear steps since the last superlinear one in the last {@link #newton}. */
    private int linearSteps;
    private final Evaluator absEval;
    private final ComplexLU lu;
    private final double[] f, jac, dx, col, absX, absF;
    /** A coordinate below this (relative to max(1, |x|_inf)) counts as this large in {@link #condition}. */
    private final double zeroCoordinate;
    /** The least uncertainty {@link #relativeResidual} grants a coordinate, relative to max(1, |x|). */
    private final double minUncertainty;

    /**
     * @param system   the original equations, compiled
     * @param absolute the same equations with every coefficient replaced by its modulus (for backward errors)
     * @param options  the refiner's tolerances ({@link EndpointOptions#zeroCoordinate()},
     *                 {@link EndpointOptions#minUncertainty()})
     */
    Refiner(CompiledSystem system, CompiledSystem absolute, EndpointOptions options) {
        this.zeroCoordinate = options.zeroCoordinate();
        this.minUncertainty = options.minUncertainty();
        this.n = system.variableCount();
        this.eval = system.evaluator();
        this.absEval = absolute.evaluator();
        this.absX = new double[2 * n];
        this.absF = new double[2 * system.equationCount()];
        this.lu = new ComplexLU(n);
        this.f = new double[2 * system.equationCount()];
        this.jac = new double[2 * n * n];
        this.dx = new double[2 * n];
        this.col = new double[2 * n];
    }

    /**
     * Newton iterations on x (in place) while the corrections keep shrinking, at most {@code maxIt}; returns
     * the last correction relative to max(1, |x|) (infinity if the Jacobian is singular at once).
     */
    double newton(double[] x, int maxIt) {
        double prev = Double.POSITIVE_INFINITY;
        double rel = Double.POSITIVE_INFINITY;
        linearSteps = 0;
        double prevRel = Double.POSITIVE_INFINITY;
        for (int it = 0; it < maxIt; it++) {
            eval.valuesAndJacobian(x, f, jac);
            if (!lu.factor(jac)) {
                break;
            }
            lu.solve(f, dx);
            double norm = maxAbs(dx);
            if (norm >= prev) {
                break;   // at the noise floor (or diverging): keep the better iterate
            }
            for (int k = 0; k < 2 * n; k++) {
                x[k] -= dx[k];
            }
            rel = norm / Math.max(1, maxAbs(x));
            // a correction between LINEAR_MIN and LINEAR_MAX of the one before, in the local regime (relative size
            // between Singularity.ACCURACY and LOCAL), continues a linear run; a faster fall from above SETTLED ends
            // it (a simple zero reached, maybe after a linear approach from outside a cluster: two zeros 7e-6 |x|
            // apart at |x| = 3e5); the rest is roundoff noise and says nothing
            double ratio = norm / prev;
            if (ratio < LINEAR_MIN && prevRel > SETTLED) {
                linearSteps = 0;
            } else if (rel > Singularity.ACCURACY && rel <= LOCAL && ratio >= LINEAR_MIN && ratio <= LINEAR_MAX) {
                linearSteps++;
            }
            prevRel = rel;
            prev = norm;
            if (rel < 1e-15) {
                break;
            }
        }
        return rel;
    }

    /**
     * Whether the last {@link #newton} ended in linear convergence: at least {@link #LINEAR_RUN} corrections in the
     * local regime (relative size between {@link Singularity#ACCURACY} and {@link #LOCAL}) each between
     * {@link #LINEAR_MIN} and {@link #LINEAR_MAX} of the one before, and no faster fall since from above
     * {@link #SETTLED}. That is Newton approaching a multiple zero (corrections halve
     * at a double one, fall by 2/3 at a triple one), never a simple zero, where they fall quadratically until the
     * roundoff floor stops the iteration. Near rose's double zeros (condition 1e20) Newton from 1e-3 away halves
     * its way to corrections of 2e-6 in 8 steps and of 4e-10 in 40, with condition numbers of 1e10 .. 7e11 at the
     * last iterate: by accuracy and condition alone such a point passes as regular.
     */
    boolean stalledLinearly() {
        return linearSteps >= LINEAR_RUN;
    }

    /**
     * Newton from x (in place, at most {@code maxIt} steps) converges to a regular zero: the condition number there is
     * below {@link Singularity#CONDITION}, the last correction {@link Singularity#converged} at that condition, and
     * the convergence was not linear ({@link #stalledLinearly}).
     */
    boolean convergesToRegularZero(double[] x, int maxIt) {
        double rel = newton(x, maxIt);
        if (stalledLinearly()) {
            return false;
        }
        double condition = condition(x);
        return condition < Singularity.CONDITION && Singularity.converged(rel, condition);
    }

    /** max_i |f_i(x)|. */
    double residual(double[] x) {
        eval.values(x, f);
        return maxAbs(f);
    }

    /**
     * A normwise backward error: max_i |f_i(x)| / sum_t |c_t| M^deg(t) with M = max(1, |x|_inf), i.e. the
     * residual relative to the size the terms of f_i can have at this scale. Scale-free, so it tells a huge but
     * genuine solution from a point that only nearly solves the equations because x_0 is tiny in projective
     * coordinates. (Measuring against the terms' actual moduli instead would break down at solutions with
     * zero coordinates, where whole equations vanish term by term.)
     */
    double backwardError(double[] x) {
        eval.values(x, f);
        double m = Math.max(1, maxAbs(x));
        for (int k = 0; k < n; k++) {
            absX[2 * k] = m;
            absX[2 * k + 1] = 0;
        }
        absEval.values(absX, absF);
        double worst = 0;
        for (int i = 0; i < f.length / 2; i++) {
            double num = Math.sqrt(f[2 * i] * f[2 * i] + f[2 * i + 1] * f[2 * i + 1]);
            worst = Math.max(worst, num / absF[2 * i]);
        }
        return worst;
    }

    /**
     * The residual relative to the scale of the equations at x, allowing for x's own uncertainty: the largest
     * over i of
     * <pre>
     *   |f_i(x)| / ( sum_t |c_t| |x^(a_t)|  +  sum_j |df_i/dx_j|_abs(|x|) delta ),
     *   delta = max(accuracy, {@link #minUncertainty}) max(1, |x|_inf),
     * </pre>
     * where |df_i/dx_j|_abs(|x|) = sum_t |c_t| a_tj |x^(a_t - e_j)|. The first sum says how large the terms of
     * f_i are at x, so the quotient is about the relative change of the coefficients that would make x an exact
     * zero; the second is how much f_i can change within x's uncertainty, which matters at a solution where a
     * whole equation vanishes term by term (x (y - 1) at x = 1e-17, y = 2: the terms alone give 1/3). A simple
     * zero refined by Newton gives about the unit roundoff; a point that is no zero about 1. 0 when f(x) = 0.
     *
     * <p>For simple zeros only: at a multiple one (x^2 = y^2 = 0, computed at |x| ~ 1e-8 = sqrt(roundoff)) the
     * point's error is as large as the point itself and no componentwise measure can tell; there
     * {@link #backwardError} (normwise at the scale max(1, |x|)) is the test.
     */
    double relativeResidual(double[] x, double accuracy) {
        eval.values(x, f);
        for (int k = 0; k < n; k++) {
            absX[2 * k] = Math.hypot(x[2 * k], x[2 * k + 1]);
            absX[2 * k + 1] = 0;
        }
        absEval.valuesAndJacobian(absX, absF, jac);
        double acc = Double.isNaN(accuracy) ? 1 : Math.min(1, Math.max(accuracy, minUncertainty));
        double delta = acc * Math.max(1, maxAbs(x));
        double worst = 0;
        for (int i = 0; i < f.length / 2; i++) {
            double num = Math.hypot(f[2 * i], f[2 * i + 1]);
            if (num == 0) {
                continue;
            }
            double slack = 0;
            for (int j = 0; j < n; j++) {
                slack += Math.abs(jac[2 * (i * n + j)]);
            }
            worst = Math.max(worst, num / (absF[2 * i] + slack * delta));
        }
        return worst;
    }

    /** The same equations with every coefficient replaced by its modulus. */
    static CompiledSystem absolute(List<Polynomial> equations, int variables) {
        List<Polynomial> abs = new ArrayList<>();
        for (org.lps.homotopy.poly.Polynomial p : equations) {
            List<Polynomial> terms = new ArrayList<>();
            for (int t = 0; t < p.termCount(); t++) {
                terms.add(Polynomial.monomial(Math.hypot(p.re(t), p.im(t)), 0,
                        p.exponents(t, variables)));
            }
            abs.add(Polynomial.sum(terms));
        }
        return CompiledSystem.compile(abs, variables);
    }

    /**
     * The condition number of the Jacobian at x, scaled so that it does not depend on the units of the
     * equations or of the variables: J_s = R^-1 J C with C = diag(y_j), y_j = |x_j| (at least
     * {@link #zeroCoordinate} max(1, |x|_inf), for coordinates that are 0), and R = diag(sum_t |c_t| y^(a_t)),
     * the size of each equation's terms there. The result is ||J_s^-1||_1 times the larger of ||J_s||_1 and the
     * 1-norm of the absolute system's Jacobian at y, scaled alike (the size J's entries can have from the terms),
     * which also flags a singular root of a single equation (where a 1 x 1 condition number is always 1).
     * Unscaled, or with every coordinate taken at the largest one's size (as this did before), it grew like
     * |x|^(degree - 1) on solutions whose coordinates differ in size: 1e19 and 1e34 at cassou's solutions
     * (b = 47, d = 0.003; b = 1e-3, d = 9e3) where PHCpack reports rco 1.8e-5. Infinity when J is exactly
     * singular.
     */
    double condition(double[] x) {
        double floor = zeroCoordinate * Math.max(1, maxAbs(x));
        for (int k = 0; k < n; k++) {
            absX[2 * k] = Math.max(floor, Math.hypot(x[2 * k], x[2 * k + 1]));
            absX[2 * k + 1] = 0;
        }
        absEval.valuesAndJacobian(absX, absF, jac);
        scaleRowsAndColumns(jac);
        double scale = oneNorm(jac);
        eval.valuesAndJacobian(x, f, jac);
        scaleRowsAndColumns(jac);
        scale = Math.max(scale, oneNorm(jac));
        if (!lu.factor(jac)) {
            return Double.POSITIVE_INFINITY;
        }
        double normInv = 0;
        for (int j = 0; j < n; j++) {
            Arrays.fill(col, 0.0);
            col[2 * j] = 1;
            lu.solve(col, col);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.sqrt(col[2 * i] * col[2 * i] + col[2 * i + 1] * col[2 * i + 1]);
            }
            normInv = Math.max(normInv, s);
        }
        double c = scale * normInv;
        return Double.isFinite(c) ? c : Double.POSITIVE_INFINITY;
    }

    /** a_ij *= y_j / r_i with y in absX and r in absF (as {@link #condition} left them). */
    private void scaleRowsAndColumns(double[] a) {
        for (int i = 0; i < n; i++) {
            double r = absF[2 * i] > 0 ? 1 / absF[2 * i] : 1;
            for (int j = 0; j < n; j++) {
                double w = r * absX[2 * j];
                int o = 2 * (i * n + j);
                a[o] *= w;
                a[o + 1] *= w;
            }
        }
    }

    private double oneNorm(double[] a) {
        double best = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                int o = 2 * (i * n + j);
                s += Math.sqrt(a[o] * a[o] + a[o + 1] * a[o + 1]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (int k = 0; k < v.length; k += 2) {
            m = Math.max(m, v[k] * v[k] + v[k + 1] * v[k + 1]);
        }
        return Math.sqrt(m);
    }
}
