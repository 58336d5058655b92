package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.start.StartSystems;
import org.lps.homotopy.track.Homotopy;

/** The at-infinity test: a direction is at infinity only if it solves the leading forms. */
class LeadingFormsTest {

    private static LeadingForms forms(String text) {
        PolynomialSystem s = SystemParser.parse(text, "t", Format.PLAIN);
        return new LeadingForms(new Homotopy(s, StartSystems.totalDegree(s, new SplittableRandom(1)),
                new SplittableRandom(2)), EndpointOptions.DEFAULT);
    }

    @Test
    void aMonicUnivariatePolynomialHasNothingAtInfinity() {
        // x^100 - 1 at (x, x0) = (1, 0): the leading form x^100 is 1, relative to |1| + |-1|: 1/2
        LeadingForms f = forms("x^100 - 1");
        double[] z = {1, 0, 0, 0};
        assertEquals(0.5, f.residual(z), 1e-15);
        assertFalse(f.satisfiedAt(z, 0));
        // whatever the direction's phase and the endpoint's closeness to x0 = 0
        double[] w = {Math.cos(0.3), Math.sin(0.3), 1e-9, 0};
        assertFalse(f.satisfiedAt(w, 1e-6));
    }

    @Test
    void aGenuinePointAtInfinityPasses() {
        // x y - 1 = 0, x - 1 = 0: the second Bezout point is (x : y : x0) = (0 : 1 : 0)
        LeadingForms f = forms("x*y - 1\nx - 1");
        assertEquals(0, f.residual(new double[] {0, 0, 1, 0, 0, 0}), 0);
        // and a point of the path near it, x0 = 1e-6: within the bound
        assertTrue(f.satisfiedAt(new double[] {1e-6, 0, 1, 0, 1e-6, 0}, 1e-7));
        // but not the direction (1 : 1 : 0), where x y is 1
        assertFalse(f.satisfiedAt(new double[] {1, 0, 1, 0, 0, 0}, 0));
    }

    @Test
    void theBoundGrowsWithTheDistanceFromInfinity() {
        // x^2 + x*y + 1, y - 1 ... at direction (1 : 0 : x0): leading form x^2 + x y = 1 -> fails at any small x0
        LeadingForms f = forms("x^2 + x*y + 1\ny^2 - 2");
        double[] z = {1, 0, -1, 0, 1e-3, 0};    // (1, -1): x^2 + xy = 0, y^2 = 1 != 0 -> second form 1/3
        assertEquals(1.0 / 3, f.residual(z), 1e-15);
        assertFalse(f.satisfiedAt(z, 0));
        assertTrue(f.satisfiedAt(z, 0.01), "at s = 0.01 the bound is 1: anything passes");
    }
}
