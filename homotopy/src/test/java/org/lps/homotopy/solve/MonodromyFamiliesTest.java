package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Issue 13's benchmark systems by monodromy with the trace test, three seeds each: cyclic-7 (924 solutions),
 * katsura-8 (256), noon-5 (233), the published counts. Every run must find all of them, stop because the trace test
 * passed (not on a heuristic), and end with no failed path in the final parameter homotopy. About 30 s together on
 * a quiet 2-core machine (cyclic-7 about 6 s a seed, README); {@link MonodromyBenchmark} prints the figures.
 */
class MonodromyFamiliesTest {

    @ParameterizedTest(name = "{0}-{1} seed {2}")
    @CsvSource({"cyclic,7,1", "cyclic,7,2", "cyclic,7,3", "katsura,8,1", "katsura,8,2", "katsura,8,3",
        "noon,5,1", "noon,5,2", "noon,5,3"})
    void findsThePublishedCountAndPassesTheTraceTest(String family, int n, long seed) {
        PolynomialSystem s = StandardSystems.byName(family + n);
        long known = StandardSystems.knownSolutionCount(family, n);
        Monodromy.Solve m = Monodromy.solve(s, MonodromyOptions.defaults().seed(seed).threads(2).verify(true));
        assertEquals(known, m.result().nonsingular(), "solutions");
        assertEquals(0, m.result().singular());
        assertEquals(0, m.result().failed());
        assertTrue(m.run().traceTest().passed(), "trace residual " + m.run().traceTest().residual());
        assertEquals(Monodromy.Stop.TRACE_TEST, m.run().stop());
        assertEquals(known, m.run().solutions().size(), "solutions at the base point");
    }
}
