package org.lps.polyapprox.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PolynomialTest {

    private final Polynomial p = Polynomial.of(1, -2, 0, 3); // 1 - 2x + 3x^3

    @Test
    void valueAndDerivativeMatchTheFormula() {
        for (double x = -3; x <= 3; x += 0.25) {
            assertEquals(1 - 2 * x + 3 * x * x * x, p.value(x), 1e-12);
            assertEquals(-2 + 9 * x * x, p.derivativeValue(x), 1e-12);
            assertEquals(p.derivativeValue(x), p.derivative().value(x), 1e-12);
        }
        assertEquals(0.0, Polynomial.of(5).derivativeValue(2.0));
    }

    @Test
    void composeAffineIsSubstitution() {
        Polynomial q = p.composeAffine(0.5, -1.25);
        for (double x = -4; x <= 4; x += 0.5) {
            assertEquals(p.value(0.5 * x - 1.25), q.value(x), 1e-12);
        }
        // (x + 1)^2 = 1 + 2x + x^2
        assertArrayEquals(new double[] {1, 2, 1}, Polynomial.of(0, 0, 1).composeAffine(1, 1).coefficients(), 0);
    }

    @Test
    void arithmetic() {
        Polynomial q = Polynomial.of(0, 1, 1);
        assertArrayEquals(new double[] {0, 1, -1, -2, 3, 3}, p.times(q).coefficients(), 0);
        assertArrayEquals(new double[] {1, -1, 1, 3}, p.plus(q).coefficients(), 0);
        assertArrayEquals(new double[] {2, -4, 0, 6}, p.times(2).coefficients(), 0);
    }

    @Test
    void coefficientsAreCopies() {
        double[] c = p.coefficients();
        c[0] = 99;
        assertEquals(1.0, p.coefficient(0));
        assertEquals(0.0, p.coefficient(7));
        assertEquals(3, p.degree());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, Polynomial::of);
        assertThrows(IllegalArgumentException.class, () -> Polynomial.of(1, Double.NaN));
    }

    @Test
    void printsReadably() {
        assertEquals("1 - 2 x + 3 x^3", p.toString());
        assertEquals("100000 + 0.5 x - 1.5e-05 x^2", Polynomial.of(100000, 0.5, -1.5e-5).toString());
        assertEquals("-4", Polynomial.format(-4.0));
        assertEquals("x - x^3", Polynomial.of(0, 1, 0, -1).toString());
        assertEquals("0.199471", Polynomial.format(1 / Math.sqrt(8 * Math.PI)));
    }
}
