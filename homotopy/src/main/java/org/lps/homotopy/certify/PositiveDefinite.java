package org.lps.homotopy.certify;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.lps.homotopy.interval.Intervals;

/**
 * Proves that every symmetric matrix in a real interval matrix [H] is positive definite.
 *
 * <p>Gershgorin's theorem on [H] itself fails for any Hessian that is not diagonally dominant, so [H] is first
 * rotated by Q, the (floating-point, not exactly orthogonal) eigenvectors of its midpoint: M = Q^T [H] Q in interval
 * arithmetic is then nearly diagonal. For a symmetric A in [H], Q^T A Q is symmetric, so its eigenvalues are real and
 * lie in the Gershgorin intervals of M's rows; if every row has lo(M_ii) - sum_{j != i} |M_ij| > 0 then Q^T A Q is
 * positive definite, hence Q is nonsingular and A is positive definite too (Sylvester's law of inertia: congruence
 * keeps the signs of the eigenvalues). Q needs no rigor; only the products are enclosed.
 */
public final class PositiveDefinite {

    private PositiveDefinite() {
    }

    /**
     * @param lo row-major lower ends of the n x n interval matrix
     * @param hi upper ends
     * @return true when every symmetric matrix within the bounds is proved positive definite; false when the proof
     *         fails (which proves nothing)
     */
    public static boolean prove(double[] lo, double[] hi, int n) {
        double[][] mid = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = 0.5 * (lo[i * n + j] + hi[i * n + j]);
                double b = 0.5 * (lo[j * n + i] + hi[j * n + i]);
                mid[i][j] = 0.5 * (a + b);
                if (!Double.isFinite(mid[i][j])) {
                    return false;
                }
            }
        }
        RealMatrix q = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(mid, false)).getV();
        // T = [H] Q
        double[] tl = new double[n * n], th = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sl = 0, sh = 0;
                for (int k = 0; k < n; k++) {
                    double v = q.getEntry(k, j);
                    sl = Intervals.addDown(sl, Intervals.mulLo(lo[i * n + k], hi[i * n + k], v, v));
                    sh = Intervals.addUp(sh, Intervals.mulHi(lo[i * n + k], hi[i * n + k], v, v));
                }
                tl[i * n + j] = sl;
                th[i * n + j] = sh;
            }
        }
        // M = Q^T T, then Gershgorin row by row
        for (int i = 0; i < n; i++) {
            double diagLo = 0;
            double off = 0;
            for (int j = 0; j < n; j++) {
                double sl = 0, sh = 0;
                for (int k = 0; k < n; k++) {
                    double v = q.getEntry(k, i);
                    sl = Intervals.addDown(sl, Intervals.mulLo(v, v, tl[k * n + j], th[k * n + j]));
                    sh = Intervals.addUp(sh, Intervals.mulHi(v, v, tl[k * n + j], th[k * n + j]));
                }
                if (i == j) {
                    diagLo = sl;
                } else {
                    off = Intervals.addUp(off, Intervals.mag(sl, sh));
                }
            }
            if (!(Intervals.subDown(diagLo, off) > 0)) {
                return false;
            }
        }
        return true;
    }
}
