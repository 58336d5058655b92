package org.lps.homotopy.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

class StandardSystemsTest {

    private static void assertSolves(PolynomialSystem s, Complex... x) {
        for (Polynomial f : s.equations()) {
            assertEquals(0.0, f.evaluate(x).norm(), 1e-12, () -> f.format(s.variables()));
        }
    }

    @Test
    void cyclic3IsSolvedByCubeRootsOfUnity() {
        Complex w = new Complex(-0.5, Math.sqrt(3) / 2);
        assertSolves(StandardSystems.cyclic(3), Complex.ONE, w, w.multiply(w));
        assertArrayEquals(new int[] {1, 2, 3}, StandardSystems.cyclic(3).degrees());
        // cyclic-5: the k-th equation has n terms of degree k
        PolynomialSystem c5 = StandardSystems.cyclic(5);
        for (int k = 1; k < 5; k++) {
            assertEquals(5, c5.equation(k - 1).termCount());
            assertEquals(k, c5.equation(k - 1).degree());
        }
        assertEquals(2, c5.equation(4).termCount());
    }

    @Test
    void katsura1HasItsTwoKnownRoots() {
        PolynomialSystem k1 = StandardSystems.katsura(1);
        assertEquals(2, k1.variableCount());
        assertSolves(k1, Complex.ONE, Complex.ZERO);
        assertSolves(k1, new Complex(1.0 / 3), new Complex(1.0 / 3));
        PolynomialSystem k8 = StandardSystems.katsura(8);
        assertEquals(9, k8.variableCount());
        assertEquals(9, k8.equationCount());
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 1}, k8.degrees());
    }

    @Test
    void noonIsSymmetricAndSolvedAtItsRealRoot() {
        // x_i = x for all i: (n-1) x^3 - 1.1 x + 1 = 0 has a real root
        PolynomialSystem n3 = StandardSystems.noon(3);
        // solve 2x^3 - 1.1x + 1 = 0 by bisection on [-2, 0]
        double lo = -2, hi = 0;
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            if ((2 * lo * lo * lo - 1.1 * lo + 1) * (2 * mid * mid * mid - 1.1 * mid + 1) <= 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Complex r = new Complex(lo);
        assertSolves(n3, r, r, r);
    }

    @Test
    void ecoAndChandraAndReimerShapes() {
        PolynomialSystem e5 = StandardSystems.eco(5);
        assertArrayEquals(new int[] {3, 3, 3, 2, 1}, e5.degrees());
        assertArrayEquals(new int[] {2, 2, 2, 2}, StandardSystems.chandra(4).degrees());
        assertArrayEquals(new int[] {2, 3, 4, 5, 6}, StandardSystems.reimer(5).degrees());
        // chandra-2, i = 1: 4 H1 - c H1 (1 + (1/2) H1) - 4 (the sum runs over H_1 .. H_{n-1})
        Polynomial c1 = StandardSystems.chandra(2).equation(0);
        assertEquals(4 - 0.51234, c1.coefficientOf(1, 0).getReal(), 1e-15);
        assertEquals(-0.51234 / 2, c1.coefficientOf(2, 0).getReal(), 1e-15);
        assertEquals(3, c1.termCount());
        assertEquals(-4, c1.coefficientOf(0, 0).getReal(), 0);
    }

    @Test
    void byNameAndKnownCounts() {
        assertEquals(StandardSystems.cyclic(7), StandardSystems.byName("cyclic7"));
        assertEquals(StandardSystems.katsura(9), StandardSystems.byName("Katsura-9"));
        assertThrows(IllegalArgumentException.class, () -> StandardSystems.byName("cyclo5"));
        assertThrows(IllegalArgumentException.class, () -> StandardSystems.byName("cyclic"));
        assertThrows(IllegalArgumentException.class, () -> StandardSystems.byName("noon1000"));
        assertEquals(924, StandardSystems.knownSolutionCount("cyclic", 7));
        assertEquals(233, StandardSystems.knownSolutionCount("noon", 5));
        assertEquals(64, StandardSystems.knownSolutionCount("eco", 8));
        assertEquals(32, StandardSystems.knownSolutionCount("chandra", 6));
        assertEquals(512, StandardSystems.knownSolutionCount("katsura", 9));
    }
}
