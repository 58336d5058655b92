package org.lps.polyapprox.fit;

import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.poly.Basis;

/**
 * Interpolation at the Chebyshev points of the first kind, u_k = cos(pi (k + 1/2) / n), n = d + 1, on
 * [lo, hi]: the discrete orthogonality of T_j at those points gives the coefficients directly,
 * c_j = (2 / n) sum_k f(x_k) T_j(u_k), with c_0 halved.
 */
final class Chebyshev {

    private Chebyshev() {
    }

    static Basis basis(double lo, double hi) {
        return new Basis(Basis.Family.CHEBYSHEV, 0.5 * (lo + hi), 0.5 * (hi - lo));
    }

    static double[] coefficients(Activation f, int degree, double lo, double hi) {
        int n = degree + 1;
        double mid = 0.5 * (lo + hi);
        double half = 0.5 * (hi - lo);
        double[] fx = new double[n];
        for (int k = 0; k < n; k++) {
            fx[k] = f.value(mid + half * Math.cos(Math.PI * (k + 0.5) / n));
        }
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += fx[k] * Math.cos(Math.PI * j * (k + 0.5) / n);
            }
            c[j] = 2.0 * s / n;
        }
        c[0] *= 0.5;
        return c;
    }
}
