package org.lps.polyapprox.moments;

import org.lps.polyapprox.poly.Polynomial;

/**
 * Moments of a Gaussian z ~ N(mu, s^2), exact (closed form, no quadrature):
 * {@code E[z^k] = sum over even j <= k of C(k, j) mu^(k-j) s^j (j - 1)!!}, the binomial expansion of
 * (mu + s t)^k with E[t^j] = (j - 1)!! for even j and 0 for odd j.
 */
public final class GaussianMoments {

    private GaussianMoments() {
    }

    /** E[t^k] for t ~ N(0,1): (k - 1)!! for even k, 0 for odd k. */
    public static double standardMoment(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("moment order must be >= 0, got " + k);
        }
        if ((k & 1) == 1) {
            return 0.0;
        }
        double m = 1;
        for (int j = k - 1; j > 1; j -= 2) {
            m *= j;
        }
        return m;
    }

    /** E[z^k] for z ~ N(mu, s^2). */
    public static double moment(int k, double mu, double s) {
        return expectationPolynomial(monomial(k)).value(mu, s);
    }

    /** E[q(z)] for z ~ N(mu, s^2). */
    public static double expectation(Polynomial q, double mu, double s) {
        return expectationPolynomial(q).value(mu, s);
    }

    /**
     * E[q(z)], z ~ N(mu, s^2), as a polynomial in (mu, s): the coefficient of mu^i s^j is
     * {@code sum over k = i + j of q_k C(k, j) (j - 1)!!} for even j, and 0 for odd j. Only even powers of s
     * appear, so the result is also a polynomial in (mu, s^2).
     */
    public static MuSigmaPolynomial expectationPolynomial(Polynomial q) {
        int d = q.degree();
        double[][] c = new double[d + 1][d + 1];
        for (int k = 0; k <= d; k++) {
            double qk = q.coefficient(k);
            if (qk == 0) {
                continue;
            }
            double binom = 1; // C(k, j), updated for j = 0, 1, 2, ...
            for (int j = 0; j <= k; j++) {
                if ((j & 1) == 0) {
                    c[k - j][j] += qk * binom * standardMoment(j);
                }
                binom = binom * (k - j) / (j + 1);
            }
        }
        return new MuSigmaPolynomial(c);
    }

    private static Polynomial monomial(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("moment order must be >= 0, got " + k);
        }
        double[] c = new double[k + 1];
        c[k] = 1;
        return Polynomial.of(c);
    }
}
