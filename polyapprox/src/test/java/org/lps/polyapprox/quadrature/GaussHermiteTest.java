package org.lps.polyapprox.quadrature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussHermiteTest {

    private static double doubleFactorial(int k) {
        double r = 1;
        for (int j = k; j > 1; j -= 2) {
            r *= j;
        }
        return r;
    }

    private static double moment(QuadratureRule r, int k) {
        return r.integrate(t -> Math.pow(t, k));
    }

    @Test
    void exactForPolynomialsOfDegreeUpTo2nMinus1() {
        for (int n = 1; n <= 24; n++) {
            QuadratureRule r = GaussHermite.probabilists(n);
            for (int k = 0; k <= 2 * n - 1; k++) {
                double exact = (k & 1) == 1 ? 0 : doubleFactorial(k - 1);
                double absMoment = doubleFactorial(k); // bounds E|t|^k, the scale of the rounding error
                assertEquals(exact, moment(r, k), 1e-14 * Math.max(1, absMoment), "n=" + n + " k=" + k);
            }
            // and not beyond: E[t^{2n}] = (2n-1)!! is missed by exactly n! = E[He_n^2], since t^{2n} - He_n(t)^2
            // has degree 2n - 1 and He_n vanishes at the nodes
            double exact = doubleFactorial(2 * n - 1);
            double nFact = 1;
            for (int j = 2; j <= n; j++) {
                nFact *= j;
            }
            assertEquals(nFact, exact - moment(r, 2 * n), 1e-9 * nFact + 1e-14 * exact, "defect at n=" + n);
        }
    }

    @Test
    void weightsArePositiveProbabilities() {
        QuadratureRule r = GaussHermite.probabilists(40);
        double sum = 0;
        for (int i = 0; i < r.size(); i++) {
            assertTrue(r.weight(i) > 0);
            sum += r.weight(i);
        }
        assertEquals(1.0, sum, 1e-14);
    }

    @Test
    void exactForDegreePicksTheSmallestRule() {
        assertEquals(1, GaussHermite.exactForDegree(1).size());
        assertEquals(2, GaussHermite.exactForDegree(2).size());
        assertEquals(3, GaussHermite.exactForDegree(5).size());
        assertEquals(4, GaussHermite.exactForDegree(6).size());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.probabilists(0));
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.probabilists(GaussHermite.MAX_NODES + 1));
    }

    @Test
    void compositeLegendreIntegratesPiecewisePolynomialsExactly() {
        // |x|^3 on [-1, 2] with a break at the kink: 1/4 + 4 = 4.25
        QuadratureRule r = GaussLegendre.composite(new double[] {-1, 0, 2}, 3);
        assertEquals(4.25, r.integrate(x -> Math.abs(x * x * x)), 1e-14);
        assertEquals(Math.E - 1, GaussLegendre.on(0, 1, 12).integrate(Math::exp), 1e-15);
    }
}
