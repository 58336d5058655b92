package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;

/** The residual relative to the equations' terms, and the scale-invariant condition number. */
class RelativeResidualTest {

    private static Refiner refiner(String text) {
        PolynomialSystem s = SystemParser.parse(text, "t", Format.PLAIN);
        return new Refiner(CompiledSystem.compile(s), Refiner.absolute(s.equations(), s.variableCount()),
                EndpointOptions.DEFAULT);
    }

    @Test
    void aFalseDoubleRootOfABadlyScaledSystemIsNoSolution() {
        // the "singular, multiplicity 2" point: x = y = 0 (to 1e-9) for 1e12 x^2 - 1 = 1e12 y^2 - 1 = 0;
        // the normwise measure at scale 1 gives 1e-12 and would let it through
        Refiner r = refiner("1e12*x^2 - 1\n1e12*y^2 - 1");
        double[] wrong = {1e-9, 0, -1e-9, 0};
        assertTrue(r.relativeResidual(wrong, 1e-8) > 0.9);
        assertTrue(r.backwardError(wrong) < 1e-11);
        double[] right = {1e-6, 0, -1e-6, 0};
        assertTrue(r.relativeResidual(right, 1e-16) < 1e-15);
    }

    @Test
    void anEquationVanishingTermByTermAtAZeroCoordinateIsFine() {
        // x (y - 1) = 0, y - 2 = 0 at x = 1e-17 (rounding noise): the terms alone would give 1/3
        Refiner r = refiner("x*y - x\ny - 2");
        assertTrue(r.relativeResidual(new double[] {1e-17, 0, 2, 0}, 1e-16) < 1e-6);
        assertEquals(0, r.relativeResidual(new double[] {0, 0, 2, 0}, 0), 0);
        // while x = 1e-3 is no solution
        assertTrue(r.relativeResidual(new double[] {1e-3, 0, 2, 0}, 1e-16) > 0.1);
    }

    @Test
    void conditionNumberDoesNotDependOnUnits() {
        // the same system in x and in x' = 1e4 x (coefficients rescaled): same condition number at the same root
        Refiner a = refiner("x^2 + y^2 - 2\nx*y - 1");
        Refiner b = refiner("1e-8*x^2 + y^2 - 2\n1e-4*x*y - 1");
        double ca = a.condition(new double[] {1, 0, 1, 1e-300});
        double cb = b.condition(new double[] {1e4, 0, 1, 0});
        assertTrue(ca > 1e10, "(1, 1) is a double root: " + ca);
        double[] p = {0.5, 0, 2, 0};   // no root, but any point compares
        double[] q = {0.5e4, 0, 2, 0};
        assertEquals(a.condition(p), b.condition(q), 1e-9 * a.condition(p));
    }
}
