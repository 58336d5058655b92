package org.lps.homotopy.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

class PolynomialTest {

    private final Polynomial x = Polynomial.variable(0);
    private final Polynomial y = Polynomial.variable(1);
    private final Polynomial one = Polynomial.constant(1);

    @Test
    void binomialExpansion() {
        Polynomial p = x.add(y).pow(2);
        assertEquals(3, p.termCount());
        assertEquals(new Complex(1), p.coefficientOf(2, 0));
        assertEquals(new Complex(2), p.coefficientOf(1, 1));
        assertEquals(new Complex(1), p.coefficientOf(0, 2));
        assertEquals(x.pow(2).add(x.multiply(y).scale(2)).add(y.pow(2)), p);
        // (x+y)^10 has binomial coefficients
        Polynomial q = x.add(y).pow(10);
        assertEquals(11, q.termCount());
        assertEquals(new Complex(252), q.coefficientOf(5, 5));
    }

    @Test
    void canonicalFormMakesEqualPolynomialsEqual() {
        Polynomial a = x.multiply(y).add(one).subtract(x);
        Polynomial b = one.subtract(x).add(y.multiply(x));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        // cancellation leaves no zero terms and no -0.0 coefficients
        Polynomial zero = a.subtract(b);
        assertTrue(zero.isZero());
        assertEquals(Polynomial.zero(), zero);
        Polynomial c = Polynomial.constant(0, 1).multiply(x).negate().negate();
        assertEquals(Polynomial.constant(0, 1).multiply(x), c);
        assertNotEquals(x, y);
    }

    @Test
    void widthIsTrimmedSoUnusedVariablesDoNotMatter() {
        Polynomial z = Polynomial.variable(5);
        assertEquals(6, z.width());
        Polynomial p = z.add(x).subtract(z);
        assertEquals(1, p.width());
        assertEquals(x, p);
    }

    @Test
    void degrees() {
        Polynomial p = x.pow(3).multiply(y).add(y.pow(2)).add(one);
        assertEquals(4, p.degree());
        assertEquals(3, p.degreeIn(0));
        assertEquals(2, p.degreeIn(1));
        assertEquals(0, p.degreeIn(7));
        assertEquals(4, p.degreeIn(new int[] {0, 1}));
        assertEquals(-1, Polynomial.zero().degree());
        assertEquals(0, one.degree());
    }

    @Test
    void derivative() {
        Polynomial p = x.pow(3).multiply(y).scale(2).add(y.pow(2)).add(one);
        assertEquals(x.pow(2).multiply(y).scale(6), p.derivative(0));
        assertEquals(x.pow(3).scale(2).add(y.scale(2)), p.derivative(1));
        assertTrue(p.derivative(4).isZero());
    }

    @Test
    void evaluateMatchesHandComputation() {
        // p = (1+2i) x^2 y - 3 at x = 1 - i, y = 2i: x^2 = -2i, x^2 y = 4, (1+2i)*4 - 3 = 1 + 8i
        Polynomial p = x.pow(2).multiply(y).scale(new Complex(1, 2)).subtract(Polynomial.constant(3));
        Complex v = p.evaluate(new Complex(1, -1), new Complex(0, 2));
        assertEquals(1.0, v.getReal(), 1e-14);
        assertEquals(8.0, v.getImaginary(), 1e-14);
    }

    @Test
    void homogenizeAndSubstitute() {
        Polynomial p = x.pow(2).add(y).add(one);             // x^2 + y + 1
        Polynomial h = p.homogenize(2, 2);                  // x^2 + y z + z^2
        Polynomial z = Polynomial.variable(2);
        assertEquals(x.pow(2).add(y.multiply(z)).add(z.pow(2)), h);
        assertThrows(IllegalArgumentException.class, () -> p.homogenize(2, 1));
        // swap x and y
        assertEquals(y.pow(2).add(x).add(one), p.substituteVariables(new int[] {1, 0}));
    }

    @Test
    void sumEqualsChainedAdds() {
        List<Polynomial> terms = List.of(x, y.scale(2), x.scale(-1), one, x.multiply(y));
        Polynomial chained = Polynomial.zero();
        for (Polynomial t : terms) {
            chained = chained.add(t);
        }
        assertEquals(chained, Polynomial.sum(terms));
    }

    @Test
    void hugeExpansionsAreRefusedNotAttempted() {
        Polynomial s = Polynomial.zero();
        for (int v = 0; v < 12; v++) {
            s = s.add(Polynomial.variable(v));
        }
        Polynomial big = s.pow(8);                           // C(19, 11) = 75582 terms
        assertEquals(75582, big.termCount());
        assertThrows(PolynomialTooLargeException.class, () -> big.multiply(big));
    }

    @Test
    void formatIsReadable() {
        Polynomial p = x.pow(2).scale(3).subtract(y).add(Polynomial.constant(1.5, -2).multiply(x)).add(one);
        assertEquals("3*x^2 + (1.5 - 2*i)*x - y + 1", p.format(List.of("x", "y")));
        assertEquals("0", Polynomial.zero().toString());
        assertEquals("-x0", x.negate().toString());
        assertEquals("2.5E-7*x0", x.scale(2.5e-7).toString());
    }
}
