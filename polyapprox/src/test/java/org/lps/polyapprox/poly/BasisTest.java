package org.lps.polyapprox.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BasisTest {

    private static double[] unit(int n, int k) {
        double[] c = new double[n + 1];
        c[k] = 1;
        return c;
    }

    @Test
    void knownPolynomials() {
        // He_4 = u^4 - 6u^2 + 3, P_3 = (5u^3 - 3u) / 2, T_4 = 8u^4 - 8u^2 + 1
        assertArrayEquals(new double[] {3, 0, -6, 0, 1},
                new Basis(Basis.Family.HERMITE, 0, 1).toMonomial(unit(4, 4)).coefficients(), 1e-14);
        assertArrayEquals(new double[] {0, -1.5, 0, 2.5},
                new Basis(Basis.Family.LEGENDRE, 0, 1).toMonomial(unit(3, 3)).coefficients(), 1e-14);
        assertArrayEquals(new double[] {1, 0, -8, 0, 8},
                new Basis(Basis.Family.CHEBYSHEV, 0, 1).toMonomial(unit(4, 4)).coefficients(), 1e-14);
    }

    @Test
    void monomialFormEqualsTheSeriesForEveryFamily() {
        Random rnd = new Random(4);
        for (Basis.Family fam : Basis.Family.values()) {
            Basis b = new Basis(fam, 0.7, 2.5);
            for (int d = 0; d <= 16; d++) {
                double[] c = new double[d + 1];
                for (int k = 0; k <= d; k++) {
                    c[k] = rnd.nextGaussian() / (1 + k);
                }
                Polynomial p = b.toMonomial(c);
                for (int i = 0; i <= 20; i++) {
                    double x = b.center() + b.scale() * (-1 + i / 10.0);
                    double series = b.evaluate(c, x);
                    // to degree 12 (what the fits promise) nearly to rounding; beyond, the monomial form of a
                    // shifted, scaled basis loses digits to cancellation, as any monomial form must
                    double tol = d <= 12 ? 1e-11 : 1e-9;
                    assertEquals(series, p.value(x), tol * Math.max(1, Math.abs(series)),
                            fam + " degree " + d + " at " + x);
                }
            }
        }
    }

    @Test
    void chebyshevIsCosine() {
        Basis b = new Basis(Basis.Family.CHEBYSHEV, 0, 1);
        double[] v = new double[8];
        for (double t = 0; t < 3; t += 0.3) {
            b.values(Math.cos(t), 7, v);
            for (int n = 0; n <= 7; n++) {
                assertEquals(Math.cos(n * t), v[n], 1e-13);
            }
        }
    }

    @Test
    void describesTheReferenceVariable() {
        assertEquals("He_n((x - 0) / 1)", new Basis(Basis.Family.HERMITE, 0, 1).describe());
        assertEquals("((x - 0.5) / 1)^n", new Basis(Basis.Family.POWER, 0.5, 1).describe());
    }
}
