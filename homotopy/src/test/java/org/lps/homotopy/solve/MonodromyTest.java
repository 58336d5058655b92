package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.SplittableRandom;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.poly.PolynomialSystem;

class MonodromyTest {

    @ParameterizedTest(name = "{0}-{1} seed {2}")
    @CsvSource({"katsura,4,1", "cyclic,5,1", "noon,3,1", "katsura,5,2"})
    void findsEverySolutionAndPassesTheTraceTest(String family, int n, long seed) {
        PolynomialSystem s = StandardSystems.byName(family + n);
        long known = StandardSystems.knownSolutionCount(family, n);
        long t0 = System.nanoTime();
        Monodromy.Solve solve = Monodromy.solve(s, MonodromyOptions.defaults().seed(seed).threads(2).verify(true));
        System.out.printf("%s-%d: %d solutions, loops %d, paths %d, stop %s, trace %s %.1e, %.2f s%n", family, n,
                solve.run().solutions().size(), solve.run().loops(), solve.run().pathsTracked(), solve.run().stop(),
                solve.run().traceTest().label(), solve.run().traceTest().residual(), (System.nanoTime() - t0) * 1e-9);
        assertEquals(known, solve.result().nonsingular());
        assertTrue(solve.run().traceTest().passed());
    }

    /** A complete set passes, the same set without one solution fails, on several systems and seeds. */
    @ParameterizedTest(name = "{0}-{1} seed {2}")
    @CsvSource({"katsura,4,3", "cyclic,5,4", "noon,3,5"})
    void traceTestFailsWhenOneSolutionIsMissing(String name, int n, long seed) {
        PolynomialSystem s = StandardSystems.byName(name + n);
        ParameterizedSystem family = ParameterizedSystem.coefficientFamily(s);
        SplittableRandom random = new SplittableRandom(seed);
        double[] x0 = ParameterSolver.randomParameters(family.variableCount(), random);
        double[] base = family.fitConstants(x0, ParameterSolver.randomParameters(family.parameterCount(), random));
        MonodromyOptions options = MonodromyOptions.defaults().seed(seed).threads(2)
                .targetCount(StandardSystems.knownSolutionCount(name, n));
        List<double[]> all = Monodromy.run(family, base, List.of(x0), options).solutions();
        assertEquals(StandardSystems.knownSolutionCount(name, n), all.size());
        TraceTest.Result complete = TraceTest.verify(family, base, all, options);
        assertTrue(complete.passed(), "residual " + complete.residual());
        for (int drop : new int[] {0, all.size() / 2, all.size() - 1}) {
            List<double[]> partial = new ArrayList<>(all);
            partial.remove(drop);
            TraceTest.Result r = TraceTest.verify(family, base, partial, options);
            assertFalse(r.passed(), "without solution " + drop + ": residual " + r.residual());
            assertTrue(r.residual() > 1e3 * complete.residual());
        }
    }
}
