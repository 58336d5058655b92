package org.lps.polyapprox.moments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lps.polyapprox.poly.Polynomial;
import org.lps.polyapprox.quadrature.GaussHermite;
import org.lps.polyapprox.quadrature.QuadratureRule;

class GaussianMomentsTest {

    @Test
    void standardMoments() {
        double[] expected = {1, 0, 1, 0, 3, 0, 15, 0, 105, 0, 945};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], GaussianMoments.standardMoment(k), 0);
        }
    }

    @Test
    void lowMomentsAsPolynomialsInMuAndS() {
        MuSigmaPolynomial m4 = GaussianMoments.expectationPolynomial(Polynomial.of(0, 0, 0, 0, 1));
        // E[z^4] = mu^4 + 6 mu^2 s^2 + 3 s^4
        assertEquals(Map.of(new MuSigmaPolynomial.Exponents(4, 0), 1.0, new MuSigmaPolynomial.Exponents(2, 2), 6.0,
                new MuSigmaPolynomial.Exponents(0, 4), 3.0), m4.terms());
        assertEquals(6.0, m4.coefficient(2, 2));
        assertEquals(0.0, m4.coefficient(1, 3));
        MuSigmaPolynomial q = GaussianMoments.expectationPolynomial(Polynomial.of(2, -1, 3));
        // E[2 - z + 3 z^2] = 2 - mu + 3 mu^2 + 3 s^2
        assertEquals(2.0, q.coefficient(0, 0));
        assertEquals(-1.0, q.coefficient(1, 0));
        assertEquals(3.0, q.coefficient(2, 0));
        assertEquals(3.0, q.coefficient(0, 2));
    }

    @Test
    void exactMomentsAgreeWithHighOrderQuadrature() {
        Random rnd = new Random(11);
        QuadratureRule gh = GaussHermite.probabilists(80); // exact to degree 159, far above these
        for (int trial = 0; trial < 200; trial++) {
            int d = rnd.nextInt(16);
            double[] c = new double[d + 1];
            for (int k = 0; k <= d; k++) {
                c[k] = rnd.nextGaussian();
            }
            Polynomial q = Polynomial.of(c);
            double mu = 2 * rnd.nextGaussian();
            double s = 0.1 + 2 * rnd.nextDouble();
            double byRule = gh.integrate(t -> q.value(mu + s * t));
            double exact = GaussianMoments.expectation(q, mu, s);
            double scale = 1;
            for (int k = 0; k <= d; k++) {
                scale += Math.abs(c[k]) * GaussianMoments.expectation(monomial(k), Math.abs(mu), s);
            }
            assertEquals(byRule, exact, 1e-13 * scale, "trial " + trial);
            assertEquals(exact, GaussianMoments.expectationPolynomial(q).value(mu, s), 0);
        }
    }

    @Test
    void singleMoments() {
        assertEquals(0.3 * 0.3 + 1.5 * 1.5, GaussianMoments.moment(2, 0.3, 1.5), 1e-15);
        assertEquals(Math.pow(-0.3, 3) + 3 * -0.3 * 4, GaussianMoments.moment(3, -0.3, 2), 1e-14);
    }

    private static Polynomial monomial(int k) {
        double[] c = new double[k + 1];
        c[k] = 1;
        return Polynomial.of(c);
    }
}
