package org.lps.homotopy.solve;

import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.track.ProjectiveTarget;

/**
 * The test that an endpoint with x_0 = 0 (numerically) is a solution at infinity: its direction must be a
 * common zero of the highest-degree forms of the equations. A path goes to infinity only towards such a zero; a
 * system whose leading forms have none (a monic univariate polynomial, x^2 + y^2 - 1 with x^2 - y^2 ...) has no
 * solution at infinity at all, and an endpoint claiming to be one is a path the tracker lost.
 *
 * <p>The homotopy's target F ({@link ProjectiveTarget}) is homogenized to the start system's degrees (a parameter
 * homotopy's to the family's), so its equations at (x, 0) are the leading forms (or vanish identically where that
 * degree exceeds the equation's own: such an equation then asks nothing of a point at infinity). With x scaled to
 * |x|_inf = 1, the relative value |F_i(x, 0)| / sum_t |c_t| is compared with what the endpoint's distance from
 * x_0 = 0 allows: at a point of the path H(z, s) = 0, F_i(x, 0) equals minus the terms carrying x_0 (each at most
 * |c_t| |x_0| / |z|_inf relative) plus the start system's share, s times its own size (for a parameter homotopy, the
 * change of the coefficients between the member at s and the target, of order s as well).
 *
 * <p>One per thread (it reuses its buffers).
 */
final class LeadingForms {

    /** Slack on the bound from x_0 and s (which is a first-order estimate). */
    private final double slack;
    /** What a point at infinity computed in double precision can always claim. */
    private final double floor;

    private final Evaluator target;
    private final double[] coefficientNorms;
    private final double[] point, values;
    private final int n;

    LeadingForms(ProjectiveTarget homotopy, EndpointOptions options) {
        this.slack = options.leadingFormsSlack();
        this.floor = options.leadingFormsFloor();
        this.target = homotopy.target().evaluator();
        this.coefficientNorms = homotopy.coefficientNorms();
        this.n = homotopy.variableCount();
        this.point = new double[2 * (n + 1)];
        this.values = new double[2 * n];
    }

    /**
     * The largest relative value of the leading forms at the direction of z = (x_1 .. x_n, x_0), i.e.
     * max_i |F_i(x / |x|_inf, 0)| / sum_t |c_t|.
     */
    double residual(double[] z) {
        double m = 0;
        for (int k = 0; k < n; k++) {
            m = Math.max(m, Math.hypot(z[2 * k], z[2 * k + 1]));
        }
        if (m == 0) {
            return Double.POSITIVE_INFINITY;
        }
        for (int k = 0; k < n; k++) {
            point[2 * k] = z[2 * k] / m;
            point[2 * k + 1] = z[2 * k + 1] / m;
        }
        point[2 * n] = 0;
        point[2 * n + 1] = 0;
        target.values(point, values);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            if (coefficientNorms[i] > 0) {   // (an equation that vanishes at the target asks nothing)
                worst = Math.max(worst, Math.hypot(values[2 * i], values[2 * i + 1]) / coefficientNorms[i]);
            }
        }
        return worst;
    }

    /**
     * Whether the endpoint z, reached at parameter s, satisfies the leading forms as well as a point of the path
     * near infinity must: within {@code slack} times |x_0| / |x|_inf + s, and never asked for better than
     * {@code floor} (the corrector leaves residuals of order its tolerance, 1e-6, and near infinity the
     * Jacobian can be as ill-conditioned as 1e30). A lost path's endpoint misses by order 1 (x^d - 1 at any
     * x: 1/2).
     */
    boolean satisfiedAt(double[] z, double s) {
        double bound = Math.max(floor, slack * (PathRunner.homogenizingRatio(z) + Math.abs(s)));
        return residual(z) <= bound;
    }
}
