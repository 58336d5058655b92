package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;

class DeterminismTest {

    @Test
    void sameSeedSameSolutionsOnAnyThreadCount() {
        PolynomialSystem s = StandardSystems.eco(6);
        SolveResult one = Solver.solve(s, SolveOptions.defaults().seed(7).threads(1));
        SolveResult two = Solver.solve(s, SolveOptions.defaults().seed(7).threads(2));
        SolveResult three = Solver.solve(s, SolveOptions.defaults().seed(7).threads(3));
        for (SolveResult other : new SolveResult[] {two, three}) {
            assertEquals(one.solutions().size(), other.solutions().size());
            for (int k = 0; k < one.solutions().size(); k++) {
                assertArrayEquals(one.solutions().get(k).interleaved(), other.solutions().get(k).interleaved(),
                        "bit-identical coordinates, solution " + k);
                assertArrayEquals(one.solutions().get(k).paths(), other.solutions().get(k).paths());
            }
            assertEquals(one.pathResults(), other.pathResults());
        }
    }

    @Test
    void differentSeedsGiveDifferentPathsButTheSameSolutions() {
        PolynomialSystem s = StandardSystems.katsura(5);
        SolveResult a = Solver.solve(s, SolveOptions.defaults().seed(1).threads(2));
        SolveResult b = Solver.solve(s, SolveOptions.defaults().seed(2).threads(2));
        assertEquals(a.nonsingular(), b.nonsingular());
        assertNotEquals(a.pathResults(), b.pathResults());
    }

    @Test
    void nonSquareSystemsAreRefusedClearly() {
        PolynomialSystem s = org.lps.homotopy.parse.SystemParser.parse("x + y + z\nx - y", "t",
                org.lps.homotopy.parse.Format.PLAIN);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.lps.homotopy.poly.InvalidSystemException.class, () -> Solver.solve(s));
        assertEquals("2 equations in 3 unknowns: the solver needs a square system (with fewer equations the"
                + " solutions are not isolated)", e.getMessage());
        PolynomialSystem constant = org.lps.homotopy.parse.SystemParser.parse("2\n 3;\n x - y;\n", "t",
                org.lps.homotopy.parse.Format.PHC);
        e = org.junit.jupiter.api.Assertions.assertThrows(org.lps.homotopy.poly.InvalidSystemException.class,
                () -> Solver.solve(constant));
        assertEquals("equation 1 is the nonzero constant 3.0 = 0, so the system has no solution", e.getMessage());
    }
}
