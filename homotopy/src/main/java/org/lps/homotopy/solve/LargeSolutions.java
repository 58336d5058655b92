package org.lps.homotopy.solve;

import org.lps.homotopy.endgame.Singularity;

/**
 * The test that keeps a large finite solution from being called "at infinity". On the projective patch a solution
 * with |x| = 1e5 .. 1e8 has |x_0| / |z| = 1e-5 .. 1e-8, which the ratio test and the endgame's valuation watch
 * take for a point at infinity, and its projective Jacobian is badly scaled, which sends the path to the Cauchy
 * endgame and inflates its accuracy bound (rounding x condition). Yet the affine point is a regular zero of the
 * (scaled) system: Newton on the original equations converges quadratically from the endpoint, and the
 * scale-invariant condition number there is moderate. PHCpack's demo systems i1 (18 solutions with |x| = 1.1e5 ..
 * 2.3e8, affine condition 30 .. 8e8, Newton moving them by 1e-16 relative) and des22_24 (3 with |x| = 1.1e5 ..
 * 6.7e5) lost them all this way. A path that really diverges gives no such zero: from its endpoint (|x| = 1e8 ..
 * 1e13 on des22_24) Newton's corrections stay of the order of |x| itself. Its tolerance is
 * {@link EndpointOptions#largeMove()} (1e-3: the endgame's point is on the path, so a zero further away is some other
 * solution). A path called at infinity before s = 0 is first followed on far below s = 1e-14
 * ({@link org.lps.homotopy.endgame.Descent}), where a path to a large solution near a set at infinity gets within
 * Newton's reach of it.
 */
final class LargeSolutions {

    private LargeSolutions() {
    }

    /**
     * The regular zero of the original system near the affine endpoint x, refined by Newton, or null if there is
     * none: Newton must converge ({@link Refiner#convergesToRegularZero}: quadratically, to
     * a relative correction at most {@link Singularity#ACCURACY} or at the roundoff floor of the zero's condition number,
     * which is below {@link Singularity#CONDITION}) within {@code maxMove} |x| of x ({@link EndpointOptions#largeMove()}).
     */
    static double[] regularZeroNear(Refiner refiner, double[] x, double maxMove) {
        double[] y = x.clone();
        if (!refiner.convergesToRegularZero(y, 8)) {
            return null;
        }
        double move = 0;
        for (int k = 0; k < x.length; k += 2) {
            move = Math.max(move, Math.hypot(y[k] - x[k], y[k + 1] - x[k + 1]));
        }
        if (!(move <= maxMove * Refiner.maxAbs(x))) {
            return null;
        }
        return y;
    }
}
