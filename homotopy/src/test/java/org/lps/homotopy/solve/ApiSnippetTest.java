package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.result.JsonOutput;

/** The Java API snippet of docs/solver.md, verbatim, so the documentation cannot rot. */
class ApiSnippetTest {

    @Test
    void snippetFromTheDocs() {
        // --- docs/solver.md: Java API ---
        PolynomialSystem system = SystemParser.parse("x^2 + y^2 - 1\nx - y^3", "circle", Format.PLAIN);
        SolveResult r = Solver.solve(system, SolveOptions.defaults().seed(1));
        System.out.println(r.nonsingular() + " solutions, " + r.real() + " real, " + r.atInfinity() + " paths to infinity");
        for (Solution s : r.realSolutions()) {
            Complex x = s.coordinate(0), y = s.coordinate(1);
            System.out.printf("x = %.6f, y = %.6f (condition %.1f)%n", x.getReal(), y.getReal(), s.condition());
        }
        String json = JsonOutput.write(r, true);   // the same JSON as lps solve --json --solutions
        // --- end ---
        assertEquals(6, r.nonsingular());
        assertEquals(2, r.real());
        assertEquals(0, r.failed());
        assertTrue(json.contains("\"solutions\""));
        for (Solution s : r.realSolutions()) {
            double x = s.coordinate(0).getReal(), y = s.coordinate(1).getReal();
            assertEquals(1, x * x + y * y, 1e-12);
            assertEquals(x, y * y * y, 1e-12);
        }
    }
}
