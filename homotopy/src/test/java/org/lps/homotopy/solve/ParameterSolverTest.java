package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;

class ParameterSolverTest {

    /**
     * Katsura-4 with every coefficient a parameter: 16 solutions at every generic point (the Bezout number, reached).
     * At 10 random points the parameter homotopy from one generic solve finds the same 16 solutions as a direct solve.
     */
    @Test
    void reproducesDirectSolvesAtRandomPoints() {
        ParameterizedSystem f = ParameterizedSystem.coefficientFamily(StandardSystems.katsura(4));
        SolveOptions options = SolveOptions.defaults().seed(7).threads(2);
        try (ParameterSolver ps = new ParameterSolver(f, options)) {
            ParameterSolver.Generic g = ps.solveGeneric();
            assertEquals(16, g.solutions().size());
            SplittableRandom random = new SplittableRandom(11);
            for (int k = 0; k < 10; k++) {
                double[] p = ParameterSolver.randomParameters(f.parameterCount(), random);
                SolveResult tracked = ps.track(g.parameters(), g.solutions(), p);
                SolveResult direct = Solver.solve(f.at(p), options);
                assertEquals(16, direct.nonsingular());
                assertEquals(16, tracked.nonsingular(), "point " + k);
                assertEquals(0, tracked.failed());
                assertSameSolutions(direct.solutions(), tracked.solutions());
            }
        }
    }

    /** a x^2 + x - 1: two solutions for a != 0; at a = 0 one of them diverges and is reported at infinity. */
    @Test
    void solutionsThatDivergeAtASpecialTargetAreAtInfinity() {
        ParameterizedSystem f = ParameterizedSystem.of(SystemParser.parse("a*x^2 + x - 1", "inline", Format.PLAIN),
                "a");
        try (ParameterSolver ps = new ParameterSolver(f, SolveOptions.defaults().seed(3).threads(1))) {
            ParameterSolver.Generic g = ps.solveGeneric();
            assertEquals(2, g.solutions().size());
            SolveResult r = ps.track(g.parameters(), g.solutions(), new double[] {0, 0});
            assertEquals(1, r.nonsingular());
            assertEquals(1, r.atInfinity());
            assertEquals(1, r.solutions().get(0).coordinate(0).getReal(), 1e-12);
            // and a double root at a = -1/4: x = 2, multiplicity 2
            SolveResult d = ps.track(g.parameters(), g.solutions(), new double[] {-0.25, 0});
            assertEquals(1, d.singular());
            assertEquals(2, d.solutions().get(0).multiplicity());
            assertEquals(2, d.solutions().get(0).coordinate(0).getReal(), 1e-6);
        }
    }

    /**
     * Progress of a parameter homotopy: one call per path tracked (the first pass's and the retry ladder's), each out of
     * the number of start solutions, the first pass counting up to all of them; and the result is the one without it.
     */
    @Test
    void progressHearsOfEveryPathAndChangesNothing() {
        ParameterizedSystem f = ParameterizedSystem.coefficientFamily(StandardSystems.katsura(4));
        try (ParameterSolver ps = new ParameterSolver(f, SolveOptions.defaults().seed(5).threads(2))) {
            ParameterSolver.Generic g = ps.solveGeneric();
            SplittableRandom random = new SplittableRandom(3);
            for (int k = 0; k < 3; k++) {
                double[] p = ParameterSolver.randomParameters(f.parameterCount(), random);
                java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
                java.util.concurrent.atomic.AtomicLong maxDone = new java.util.concurrent.atomic.AtomicLong();
                java.util.Set<Long> totals = java.util.concurrent.ConcurrentHashMap.newKeySet();
                SolveResult heard = ps.track(g.parameters(), g.solutions(), p, (done, total) -> {
                    calls.incrementAndGet();
                    maxDone.accumulateAndGet(done, Math::max);
                    totals.add(total);
                });
                SolveResult quiet = ps.track(g.parameters(), g.solutions(), p);
                assertEquals(g.solutions().size() + heard.retracked(), calls.get());
                assertEquals(g.solutions().size(), maxDone.get());
                assertEquals(java.util.Set.of((long) g.solutions().size()), totals);
                assertSameSolutions(quiet.solutions(), heard.solutions());
            }
        }
    }

    static void assertSameSolutions(List<Solution> a, List<Solution> b) {
        assertEquals(a.size(), b.size());
        for (Solution s : a) {
            double best = Double.POSITIVE_INFINITY;
            for (Solution t : b) {
                best = Math.min(best, distance(s.interleaved(), t.interleaved()));
            }
            assertTrue(best < 1e-8 * Math.max(1, Refiner.maxAbs(s.interleaved())), "no match, distance " + best);
        }
    }

    static double distance(double[] x, double[] y) {
        double m = 0;
        for (int k = 0; k < x.length; k += 2) {
            m = Math.max(m, Math.hypot(x[k] - y[k], x[k + 1] - y[k + 1]));
        }
        return m;
    }
}
