package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
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

    @Test
    void stagesSnippetFromTheDocs() {
        // --- docs/solver.md: Stages ---
        PolynomialSystem system = StandardSystems.katsura(6);
        SolveOptions options = SolveOptions.defaults().seed(1).threads(2);
        SolvePlan plan = SolvePlan.of(system, options);                  // start system and homotopy, from the seed
        Endpoint[] ends = new Endpoint[plan.pathCount()];
        ThreadLocal<PathRunner> runner = ThreadLocal.withInitial(plan::runner);   // a runner per thread
        IntStream.range(0, ends.length).parallel()                       // any order, any threads, any process
                .forEach(i -> ends[i] = runner.get().track(i, options.preset()));
        SolveResult r = plan.complete(ends, options.threads(), null, 0);  // retries, classification
        System.out.println(plan.startName() + ", " + plan.pathCount() + " paths: " + r.nonsingular() + " solutions, "
                + r.real() + " real");
        System.out.println("as Solver.solve: " + r.pathResults().equals(Solver.solve(system, options).pathResults()));
        // --- end ---
        assertEquals(64, r.nonsingular());
        assertEquals(Solver.solve(system, options).pathResults(), r.pathResults());
    }
}
