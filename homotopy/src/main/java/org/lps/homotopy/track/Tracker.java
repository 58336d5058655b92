package org.lps.homotopy.track;

import org.lps.homotopy.linalg.ComplexLU;

/**
 * Follows one solution path of a {@link PathHomotopy} (usually the solver's {@link Homotopy}) along straight segments
 * of the complex s-plane, one adaptive predictor-corrector step at a time.
 *
 * <p>Predictor: classical Runge-Kutta (order 4) on the path's differential equation dz/ds = -H_z^-1 H_s.
 * Corrector: Newton at the new s with the contraction test of {@link TrackerOptions}, at least two iterations
 * unless the first correction is already far below the tolerance. Step size: see {@link #grow}. The tangent at
 * an accepted point reuses the last corrector Jacobian (evaluated within the tolerance of the point), so a step
 * usually costs 5 evaluations of H with its Jacobian and 5 LU factorizations (3 predictor, 2 corrector).
 *
 * <p>The caller drives it: {@link #begin} at a point on the path, {@link #target} a segment end, then
 * {@link #step()} until it returns {@link Step#ARRIVED} or {@link Step#FAILED}; the endgame looks at every
 * accepted point. Segments can follow each other without losing the step size or tangent, which is how the
 * endgame goes around circles. Not thread-safe, allocation-free after construction: one per thread.
 */
public final class Tracker {

    /** The outcome of one {@link #step()}. */
    public enum Step { ACCEPTED, REJECTED, ARRIVED, FAILED }

    /** Why a path failed. */
    public enum Failure {
        NONE("none"),
        STEP_SIZE_TOO_SMALL("step size too small"),
        MAX_STEPS("too many steps"),
        SINGULAR_START("singular Jacobian at the start point");

        private final String text;

        Failure(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final PathHomotopy homotopy;
    private final PathHomotopy.Evaluation eval;
    private final ComplexLU lu;
    private final int size;
    private TrackerOptions opt = TrackerOptions.DEFAULT;

    // the current point on the path, the tangent dz/ds there, and the parameter
    private final double[] z;
    private final double[] tangent;
    private double sRe, sIm;
    // the segment being followed: towards (toRe, toIm) along the unit direction (uRe, uIm)
    private double toRe, toIm, uRe, uIm, remaining;
    private double h;
    private double maxFraction = 1;
    private double minStepFraction;
    private int steps, accepted, rejected;
    private Failure failure = Failure.NONE;
    private double lastContraction;
    private double lastCorrection;

    // workspace
    private final double[] hv, jac, hs, k2, k3, k4, zs, zp, dx;
    private final double[] hv2, jac2, hs2;

    public Tracker(PathHomotopy homotopy) {
        this.homotopy = homotopy;
        this.eval = homotopy.evaluation();
        this.size = homotopy.size();
        this.lu = new ComplexLU(size);
        int v = 2 * size;
        z = new double[v];
        tangent = new double[v];
        hv = new double[v];
        hs = new double[v];
        k2 = new double[v];
        k3 = new double[v];
        k4 = new double[v];
        zs = new double[v];
        zp = new double[v];
        dx = new double[v];
        jac = new double[2 * size * size];
        hv2 = new double[v];
        hs2 = new double[v];
        jac2 = new double[2 * size * size];
    }

    public PathHomotopy homotopy() {
        return homotopy;
    }

    /**
     * Uses these settings from now on, zeroes the step counters and goes back to the homotopy's random patch:
     * call once per path, before {@link #begin} at its start point.
     */
    public void reset(TrackerOptions options) {
        this.opt = options;
        steps = accepted = rejected = 0;
        eval.resetPatch();
    }

    /**
     * Moves to the patch orthogonal to the current point (see {@link PathHomotopy.Evaluation#orthogonalPatch}) and
     * recomputes the tangent there. The point itself does not change. Returns false if the Jacobian is
     * singular there.
     */
    public boolean orthogonalPatch() {
        eval.orthogonalPatch(z);
        return tangentAt(z, sRe, sIm);
    }

    /**
     * Moves to the patch through {@code point} orthogonal to it (see {@link PathHomotopy.Evaluation#orthogonalPatch}),
     * before a {@link #begin} there: how a point on another tracker's patch is taken over.
     */
    public void orthogonalPatch(double[] point) {
        eval.orthogonalPatch(point);
    }

    /**
     * Rescales the current point to unit length and moves to the patch orthogonal to it, then recomputes the
     * tangent; for projective homotopies only (where z and any multiple of it are the same point). On a fixed
     * random patch a path's representative can grow large (near the hyperplane the patch misses), and at high
     * degree d its d-th powers overflow or lose all relative accuracy long before that: |z| = 2 is 2^1000 at
     * d = 1000. Returns false if the Jacobian is singular there.
     */
    public boolean unitPatch() {
        unitPatch(z);
        return tangentAt(z, sRe, sIm);
    }

    /**
     * Rescales {@code point} (in place) to unit length and moves to the patch orthogonal to it, before a
     * {@link #begin} there; projective homotopies only (see {@link #unitPatch()}).
     */
    public void unitPatch(double[] point) {
        double norm2 = 0;
        for (int k = 0; k < 2 * size; k++) {
            norm2 += point[k] * point[k];
        }
        double inv = 1 / Math.sqrt(norm2);
        for (int k = 0; k < 2 * size; k++) {
            point[k] *= inv;
        }
        eval.orthogonalPatch(point);
    }

    public TrackerOptions options() {
        return opt;
    }

    /**
     * Starts at the point z0 of the path at parameter s (not corrected: it must be on the path), with the
     * initial step size of the options. Step counters keep counting (see {@link #reset}). Returns false
     * (failure {@link Failure#SINGULAR_START}) when the Jacobian there is singular.
     */
    public boolean begin(double[] z0, double s0Re, double s0Im) {
        System.arraycopy(z0, 0, z, 0, 2 * size);
        sRe = s0Re;
        sIm = s0Im;
        failure = Failure.NONE;
        maxFraction = 1;
        minStepFraction = 0;
        h = opt.initialStepSize();
        remaining = 0;
        if (!tangentAt(z, sRe, sIm)) {
            failure = Failure.SINGULAR_START;
            return false;
        }
        return true;
    }

    /** Resets the step size to the given value (used when the endgame changes scale). */
    public void stepSize(double step) {
        this.h = Math.max(step, minStepSize());
    }

    /**
     * Until the next {@link #begin}, the smallest step is this fraction of the distance left to the target instead
     * of the preset's absolute {@link TrackerOptions#minStepSize()} (0: back to that). For the descent of a path far
     * below s = 1e-14 in u = -ln s ({@link LogParameter}), where the way left is tens of units: a step that has to
     * shrink below this fraction of it is a path that can no longer be followed there, and fails at once instead of
     * crawling.
     */
    public void minStepFraction(double fraction) {
        this.minStepFraction = fraction;
    }

    private double minStepSize() {
        return minStepFraction > 0 ? minStepFraction * remaining : opt.minStepSize();
    }

    public double stepSize() {
        return h;
    }

    /**
     * Caps every step at this fraction of the distance left to the target (1: no cap, the step may land on
     * the target). Below 1 the approach to the target is geometric, which is what a path heading for a
     * singular endpoint needs: there every attempt to jump onto the target fails.
     */
    public void maxFraction(double fraction) {
        this.maxFraction = fraction;
    }

    /** Aims the next steps at the parameter value (toRe, toIm), along a straight segment. */
    public void target(double tRe, double tIm) {
        toRe = tRe;
        toIm = tIm;
        double dr = tRe - sRe, di = tIm - sIm;
        remaining = Math.sqrt(dr * dr + di * di);
        if (remaining > 0) {
            uRe = dr / remaining;
            uIm = di / remaining;
        }
    }

    /** Steps until the segment's end is reached or the path fails; returns ARRIVED or FAILED. */
    public Step trackToTarget() {
        while (true) {
            Step st = step();
            if (st == Step.ARRIVED || st == Step.FAILED) {
                return st;
            }
        }
    }

    /** One predictor-corrector step towards the target. */
    public Step step() {
        if (remaining == 0) {
            return Step.ARRIVED;
        }
        if (steps >= opt.maxSteps()) {
            failure = Failure.MAX_STEPS;
            return Step.FAILED;
        }
        steps++;
        double cap = maxFraction * remaining;
        boolean last = maxFraction >= 1 && h >= remaining;
        double hh = last ? remaining : Math.min(h, cap);
        double dRe = hh * uRe, dIm = hh * uIm;
        double nRe = last ? toRe : sRe + dRe, nIm = last ? toIm : sIm + dIm;
        if (predict(dRe, dIm) && correct(nRe, nIm)) {
            System.arraycopy(zp, 0, z, 0, 2 * size);
            sRe = nRe;
            sIm = nIm;
            remaining = last ? 0 : Math.max(0, remaining - hh);
            // tangent from the last corrector Jacobian, evaluated within the tolerance of the new point
            tangentFromFactors();
            accepted++;
            grow(hh, last);
            return last ? Step.ARRIVED : Step.ACCEPTED;
        }
        rejected++;
        h = hh * shrinkFactor();
        if (h < minStepSize()) {
            failure = Failure.STEP_SIZE_TOO_SMALL;
            return Step.FAILED;
        }
        return Step.REJECTED;
    }

    /*
     * Step-size model: the first Newton correction e (relative) is the prediction error, e ~ C h^5 for RK4,
     * and Newton's contraction theta = |dx_2| / |dx_1| ~ omega e / 2 gives the curvature omega of the Newton
     * map. A step is good when the corrector finishes in two iterations, |dx_2| ~ omega e^2 / 2 <= tolerance,
     * and stays well inside the contraction bound, theta <= a / 4. The ideal prediction error is the largest e
     * meeting both; the next step scales by (e_ideal / e)^(1/5).
     */
    private double idealCorrection(double omega) {
        double byTolerance = Math.sqrt(0.25 * opt.trackTolerance() / omega);
        double byContraction = 0.5 * opt.contraction() / omega;
        return Math.min(byTolerance, byContraction);
    }

    private void grow(double hh, boolean clipped) {
        double factor;
        if (lastContraction <= 0 || lastCorrection <= 0) {
            factor = opt.maxGrowth();
        } else {
            double omega = 2 * lastContraction / lastCorrection;
            factor = 0.9 * Math.pow(idealCorrection(omega) / lastCorrection, 0.2);
            factor = Math.max(0.5, Math.min(opt.maxGrowth(), factor));
        }
        double next = Math.min(opt.maxStepSize(), factor * hh);
        if (clipped && next < h && factor >= 1) {
            next = h;   // the step was cut short by the segment end, not by the path
        }
        h = next;
    }

    private double shrinkFactor() {
        if (lastContraction > 0 && lastCorrection > 0) {
            double omega = 2 * lastContraction / lastCorrection;
            double f = 0.8 * Math.pow(idealCorrection(omega) / lastCorrection, 0.2);
            return Math.max(0.2, Math.min(0.5, f));
        }
        return 0.5;
    }

    /** RK4 from (z, s) by the complex increment d; the prediction goes to zp. False if a stage is singular. */
    private boolean predict(double dRe, double dIm) {
        final int v = 2 * size;
        double hr = 0.5 * dRe, hi = 0.5 * dIm;
        axpy(hr, hi, tangent, z, zs, v);
        if (!slope(zs, sRe + hr, sIm + hi, k2)) {
            return false;
        }
        axpy(hr, hi, k2, z, zs, v);
        if (!slope(zs, sRe + hr, sIm + hi, k3)) {
            return false;
        }
        axpy(dRe, dIm, k3, z, zs, v);
        if (!slope(zs, sRe + dRe, sIm + dIm, k4)) {
            return false;
        }
        double cr = dRe / 6, ci = dIm / 6;
        for (int k = 0; k < v; k += 2) {
            double sr = tangent[k] + 2 * (k2[k] + k3[k]) + k4[k];
            double si = tangent[k + 1] + 2 * (k2[k + 1] + k3[k + 1]) + k4[k + 1];
            zp[k] = z[k] + cr * sr - ci * si;
            zp[k + 1] = z[k + 1] + cr * si + ci * sr;
        }
        return true;
    }

    /** out = base + c * x (complex scalar c). */
    private static void axpy(double cr, double ci, double[] x, double[] base, double[] out, int v) {
        for (int k = 0; k < v; k += 2) {
            out[k] = base[k] + cr * x[k] - ci * x[k + 1];
            out[k + 1] = base[k + 1] + cr * x[k + 1] + ci * x[k];
        }
    }

    /** out = dz/ds at (point, s) = -H_z^-1 H_s. */
    private boolean slope(double[] point, double pRe, double pIm, double[] out) {
        eval.evaluate(point, pRe, pIm, hv, jac, hs);
        if (!lu.factor(jac)) {
            return false;
        }
        lu.solve(hs, out);
        negate(out);
        return true;
    }

    private boolean tangentAt(double[] point, double pRe, double pIm) {
        return slope(point, pRe, pIm, tangent);
    }

    private void tangentFromFactors() {
        lu.solve(hs, tangent);
        negate(tangent);
    }

    private static void negate(double[] a) {
        for (int k = 0; k < a.length; k++) {
            a[k] = -a[k];
        }
    }

    /**
     * Newton on zp at the parameter n; true when it converged with every contraction within bounds. The last
     * factorization (at the second-to-last iterate) and H_s stay in the workspace for the tangent.
     *
     * <p>(Reusing the last Runge-Kutta stage's factorization for the first iteration, a simplified Newton step,
     * saves a fifth of the factorizations but was measured to lose more than that: its contraction reflects the
     * stage's distance from the prediction rather than the prediction error, which misleads the step-size
     * control into steps 1.5 to 5 times more numerous on eco-8, reimer-5 and cyclic-6.)
     */
    private boolean correct(double nRe, double nIm) {
        double bound = opt.contraction();
        double prev = 0;
        lastContraction = 0;
        lastCorrection = 0;
        for (int it = 0; it < opt.maxNewtonIterations(); it++) {
            eval.evaluate(zp, nRe, nIm, hv, jac, hs);
            if (!lu.factor(jac)) {
                return false;
            }
            lu.solve(hv, dx);
            double norm = 0, scale = 0;
            for (int k = 0; k < 2 * size; k += 2) {
                zp[k] -= dx[k];
                zp[k + 1] -= dx[k + 1];
                norm = Math.max(norm, dx[k] * dx[k] + dx[k + 1] * dx[k + 1]);
                scale = Math.max(scale, zp[k] * zp[k] + zp[k + 1] * zp[k + 1]);
            }
            norm = Math.sqrt(norm);
            scale = Math.sqrt(scale);
            double tol = opt.trackTolerance() * scale;
            if (it == 0) {
                lastCorrection = norm / scale;
                if (norm <= 0.1 * tol) {
                    return true;   // the prediction was already converged: nothing to contract
                }
                if (norm > 0.25 * scale) {
                    return false;  // the prediction was far off; no point iterating
                }
            } else {
                double theta = norm / prev;
                if (it == 1) {
                    lastContraction = theta;
                }
                if (theta > bound) {
                    return false;
                }
                bound *= opt.contraction();
                if (norm <= tol) {
                    return true;
                }
            }
            prev = norm;
        }
        return false;
    }

    /**
     * Newton at the current s until the relative correction is at most {@code tol} (at most {@code maxIt}
     * iterations, stopping early when corrections stop shrinking). Returns the last relative correction.
     * Updates the tangent.
     */
    public double refine(double tol, int maxIt) {
        double prev = Double.POSITIVE_INFINITY;
        double rel = Double.POSITIVE_INFINITY;
        for (int it = 0; it < maxIt; it++) {
            eval.evaluate(z, sRe, sIm, hv, jac, hs);
            if (!lu.factor(jac)) {
                return Double.POSITIVE_INFINITY;
            }
            lu.solve(hv, dx);
            double norm = 0, scale = 0;
            for (int k = 0; k < 2 * size; k += 2) {
                norm = Math.max(norm, dx[k] * dx[k] + dx[k + 1] * dx[k + 1]);
                scale = Math.max(scale, z[k] * z[k] + z[k + 1] * z[k + 1]);
            }
            norm = Math.sqrt(norm);
            if (norm > prev) {
                break;   // diverging or at the noise floor: keep the previous iterate
            }
            for (int k = 0; k < 2 * size; k++) {
                z[k] -= dx[k];
            }
            rel = norm / Math.sqrt(scale);
            prev = norm;
            if (rel <= tol) {
                break;
            }
        }
        tangentFromFactors();
        return rel;
    }

    /**
     * How well z solves H(., s): max_i |H_i(z, s)| divided by the largest row 1-norm of H_z there (so that a
     * point at distance e from a solution gives about e or less). Leaves the tracker's state and factorization
     * alone.
     */
    public double relativeResidual(double[] point, double pRe, double pIm) {
        eval.evaluate(point, pRe, pIm, hv2, jac2, hs2);
        double r = 0, norm = 0;
        for (int i = 0; i < size; i++) {
            r = Math.max(r, hv2[2 * i] * hv2[2 * i] + hv2[2 * i + 1] * hv2[2 * i + 1]);
            double row = 0;
            for (int j = 0; j < size; j++) {
                int o = 2 * (i * size + j);
                row += Math.sqrt(jac2[o] * jac2[o] + jac2[o + 1] * jac2[o + 1]);
            }
            norm = Math.max(norm, row);
        }
        return Math.sqrt(r) / norm;
    }

    /**
     * An estimate of the 1-norm condition number of H_z at the last factored point (within the corrector's
     * tolerance of the current point after a step or a refinement).
     */
    public double condition() {
        return lu.conditionEstimate(ComplexLU.oneNorm(jac, size));
    }

    /** The current point (the tracker's own array: read, don't keep). */
    public double[] z() {
        return z;
    }

    /** dz/ds at the current point (the tracker's own array). */
    public double[] tangent() {
        return tangent;
    }

    public double sRe() {
        return sRe;
    }

    public double sIm() {
        return sIm;
    }

    public Failure failure() {
        return failure;
    }

    public int steps() {
        return steps;
    }

    public int acceptedSteps() {
        return accepted;
    }

    public int rejectedSteps() {
        return rejected;
    }
}
