package org.lps.init.study;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.polynomials.PolynomialFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hipparchus.complex.Complex;

/**
 * The k = 1, d = 2 block with the identity target in closed form, derived by hand, as an oracle for the homotopy.
 *
 * <p>With p(u) = a0 + a1 u + a2 u^2 and t ~ N(0, 1), write v p(w t + b) in the Hermite basis 1, t, t^2 - 1:
 * B - t = v a2 w^2 (t^2 - 1) + (v w s - 1) t + const, s = a1 + 2 a2 b. The free c cancels the constant, so at a
 * critical point J = 2 a2^2 v^2 w^4 + (v w s - 1)^2 + lambda (w^2 + b^2 + v^2) (a0 drops out). With u = v w:
 * dJ/db = 0 gives s = (a1 lambda + 4 a2^2 u) / (lambda + 4 a2^2 u^2); w dJ/dw = 0 and v dJ/dv = 0 are linear in
 * w^2 and v^2 and give w^2 = -q / (4 a2^2 u^2 + lambda), v^2 = -q (2 a2^2 u^2 + lambda) / (lambda (4 a2^2 u^2 + lambda)),
 * q = u s (u s - 1); then u^2 = w^2 v^2 reduces, for u != 0, to the degree-12 polynomial
 * <pre>
 *   G(u) = lambda (a1 lambda + 4 a2^2 u)^2 (a1 u - 1)^2 (2 a2^2 u^2 + lambda) - (lambda + 4 a2^2 u^2)^6 = 0.
 * </pre>
 * Each root u gives the two critical points +-(w, v) (the mirror symmetry), real exactly when u is real and
 * q < 0, i.e. u (a1 lambda + 4 a2^2 u)(a1 u - 1) < 0; u = 0 gives the origin, always critical. So the block has
 * 1 + 2 * 12 = 25 finite critical points (docs/lps.md: 25) and 1 + 2 r real ones, r the admissible real roots.
 * q cannot vanish at a root (G > 0 there), so r changes only where two real roots of G meet, or where a root
 * passes through u = 0: G(0) = lambda^4 (a1^2 - lambda^2), at lambda = a1, where the origin's Hessian
 * [[2 lambda, -2 a1], [-2 a1, 2 lambda]] in (w, v) turns singular (a pitchfork: the dead unit becomes a minimum).
 */
final class K1Oracle {

    /** A real critical point other than the origin, one of its mirror pair: w > 0. */
    record Point(double w, double b, double v, double loss) {
    }

    private final double a1;
    private final double a2;

    K1Oracle(double[] coefficients) {
        this.a1 = coefficients[1];
        this.a2 = coefficients[2];
    }

    PolynomialFunction g(double lambda) {
        double aa = a2 * a2;
        PolynomialFunction f1 = new PolynomialFunction(a1 * lambda, 4 * aa);
        PolynomialFunction f2 = new PolynomialFunction(-1, a1);
        PolynomialFunction f3 = new PolynomialFunction(lambda, 0, 2 * aa);
        PolynomialFunction d = new PolynomialFunction(lambda, 0, 4 * aa);
        PolynomialFunction left = f1.multiply(f1).multiply(f2).multiply(f2).multiply(f3)
                .multiply(new PolynomialFunction(lambda));
        PolynomialFunction right = new PolynomialFunction(1);
        for (int i = 0; i < 6; i++) {
            right = right.multiply(d);
        }
        return left.subtract(right);
    }

    /** The real critical points other than the origin, one per mirror pair. */
    List<Point> points(double lambda) {
        // G's coefficients span many decades at small lambda (its constant term is lambda^6 (a1^2 - lambda^2)):
        // the roots as eigenvalues of the companion matrix (what numpy's roots does), each polished by Newton on G
        double[] c = g(lambda).getCoefficients();
        int n = c.length - 1;
        DMatrixRMaj companion = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            companion.set(i, n - 1, -c[i] / c[n]);
            if (i > 0) {
                companion.set(i, i - 1, 1);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(companion)) {
            throw new IllegalStateException("no eigenvalues for G at lambda " + lambda);
        }
        Complex[] roots = new Complex[n];
        for (int i = 0; i < n; i++) {
            roots[i] = polish(c, new Complex(eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary));
        }
        List<Point> out = new ArrayList<>();
        double aa = a2 * a2;
        for (Complex r : roots) {
            double u = r.getReal();
            if (Math.abs(r.getImaginary()) > 1e-7 * Math.max(1, Math.abs(u))) {
                continue;
            }
            double s = (a1 * lambda + 4 * aa * u) / (lambda + 4 * aa * u * u);
            double q = u * s * (u * s - 1);
            if (q >= 0) {
                continue;
            }
            double w = Math.sqrt(-q / (4 * aa * u * u + lambda));
            double v = u / w;
            double b = (s - a1) / (2 * a2);
            double loss = 2 * aa * v * v * Math.pow(w, 4) + (v * w * s - 1) * (v * w * s - 1)
                    + lambda * (w * w + b * b + v * v);
            out.add(new Point(w, b, v, loss));
        }
        return out;
    }

    /** Newton's method on the polynomial with coefficients c (ascending) from z. */
    private static Complex polish(double[] c, Complex z) {
        for (int it = 0; it < 50; it++) {
            Complex f = Complex.ZERO;
            Complex df = Complex.ZERO;
            for (int i = c.length - 1; i >= 0; i--) {
                df = df.multiply(z).add(f);
                f = f.multiply(z).add(c[i]);
            }
            if (df.norm() == 0) {
                break;
            }
            Complex step = f.divide(df);
            z = z.subtract(step);
            if (step.norm() <= 1e-16 * Math.max(1e-300, z.norm())) {
                break;
            }
        }
        return z;
    }

    /** The number of real critical points: the origin and a mirror pair per admissible root. */
    int real(double lambda) {
        return 1 + 2 * points(lambda).size();
    }

    /** Where the real count changes in (low, high) (one change assumed), by bisection to a relative width 1e-10. */
    double crossing(double low, double high) {
        int below = real(low);
        if (below == real(high)) {
            throw new IllegalArgumentException("no change of the real count in [" + low + ", " + high + "]");
        }
        while (high / low - 1 > 1e-10) {
            double mid = Math.sqrt(low * high);
            if (real(mid) == below) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Math.sqrt(low * high);
    }
}
