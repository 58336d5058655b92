package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.start.StartKind;

/** Multiplicities, winding numbers, paths to infinity and positive-dimensional components. */
class SingularSolutionsTest {

    /** Total degree: these small examples are about the endgame, which a smarter start system would bypass. */
    private static SolveResult solve(String text) {
        return Solver.solve(SystemParser.parse(text, "test", Format.PLAIN),
                SolveOptions.defaults().threads(2).start(StartKind.TOTAL_DEGREE));
    }

    private static void assertNear(Solution s, double... reIm) {
        Complex[] x = s.coordinates();
        for (int k = 0; k < x.length; k++) {
            assertEquals(reIm[2 * k], x[k].getReal(), 1e-8, "coordinate " + k);
            assertEquals(reIm[2 * k + 1], x[k].getImaginary(), 1e-8, "coordinate " + k);
        }
    }

    @Test
    void tripleRootIsOneSolutionOfMultiplicityThree() {
        SolveResult r = solve("(x - 1)^3");
        assertEquals(1, r.solutions().size());
        Solution s = r.solutions().get(0);
        assertEquals(3, s.multiplicity());
        assertEquals(3, s.windingNumber());
        assertTrue(s.isSingular());
        assertTrue(s.isReal());
        assertNear(s, 1, 0);
        assertEquals(0, r.failed());
    }

    @Test
    void tripleRootNextToASimpleOne() {
        SolveResult r = solve("(x - 1)^3 * (x + 2)");
        assertEquals(1, r.nonsingular());
        assertEquals(1, r.singular());
        for (Solution s : r.solutions()) {
            if (s.isSingular()) {
                assertEquals(3, s.multiplicity());
                assertNear(s, 1, 0);
            } else {
                assertNear(s, -2, 0);
            }
        }
    }

    @Test
    void doubleRootOfATwoByTwoSystem() {
        // a circle and a line tangent to it, plus a second line cutting it twice
        SolveResult r = solve("x^2 + y^2 - 1\n(x - 1) * (x + 2)");
        assertEquals(2, r.nonsingular());
        assertEquals(1, r.singular());
        assertEquals(0, r.atInfinity() + r.failed());
        Solution d = r.solutions().stream().filter(Solution::isSingular).findFirst().orElseThrow();
        assertEquals(2, d.multiplicity());
        assertEquals(2, d.windingNumber());
        assertNear(d, 1, 0, 0, 0);
        assertEquals(1, r.real(), "the double root is real, (-2, +-i sqrt 3) are not");
    }

    @Test
    void fourfoldRootFromTwoSquares() {
        SolveResult r = solve("x^2\ny^2");
        assertEquals(1, r.solutions().size());
        assertEquals(4, r.solutions().get(0).multiplicity());
        assertNear(r.solutions().get(0), 0, 0, 0, 0);
    }

    @Test
    void pathsToInfinityAreAccountedFor() {
        // x y = 1 and x = 1 meet once in the affine plane; the other Bezout point is at infinity
        SolveResult r = solve("x*y - 1\nx - 1");
        assertEquals(2, r.paths());
        assertEquals(1, r.nonsingular());
        assertEquals(1, r.atInfinity());
        assertNear(r.solutions().get(0), 1, 0, 1, 0);
    }

    @Test
    void cyclic4HasNoIsolatedSolutions() {
        SolveResult r = Solver.solve(StandardSystems.cyclic(4), SolveOptions.defaults().threads(2)
                .start(StartKind.TOTAL_DEGREE));
        assertEquals(0, r.solutions().size(), "cyclic-4 has only curves of solutions");
        assertEquals(0, r.failed());
        assertTrue(r.positiveDimensional() > 0);
        assertEquals(r.paths(), r.positiveDimensional() + r.atInfinity());
    }

    @Test
    void lineOfSolutionsPlusIsolatedPoints() {
        // x = 0 is a line of solutions; (1, 2) and (1, 3) are isolated and nonsingular
        SolveResult r = solve("x * (x - 1)\nx * (y - 2) * (y - 3)");
        assertEquals(2, r.solutions().size());
        assertEquals(2, r.nonsingular());
        assertTrue(r.positiveDimensional() > 0);
        assertEquals(0, r.failed());
        assertNear(r.solutions().get(0), 1, 0, r.solutions().get(0).coordinate(1).getReal() < 2.5 ? 2 : 3, 0);
    }

    @Test
    void lineInThreeSpaceWithIsolatedPointsAndASurface() {
        // (x - y) = 0 with z^2 = 1 is a pair of lines; x = 1, y = 2, z = +-1 are isolated
        SolveResult r = solve("(x - y) * (x - 1)\n(x - y) * (y - 2)\nz^2 - 1");
        assertEquals(2, r.nonsingular());
        assertEquals(0, r.singular());
        assertEquals(0, r.failed());
        // x = 0 is a plane of solutions; (1, 1, 3) is isolated
        SolveResult s = solve("x * (x - 1)\nx * (y - 1)\nx * (z - 3)");
        assertEquals(1, s.solutions().size());
        assertNear(s.solutions().get(0), 1, 0, 1, 0, 3, 0);
        assertEquals(0, s.singular());
    }
}
