package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.start.StartSystem;
import org.lps.homotopy.start.StartSystems;

/**
 * {@link StartKind#AUTO} spends on root counts only what they could save: up to
 * {@link StartSystems#COUNTS_MIN_PATHS} total-degree paths it tracks those, and the solutions are the same as
 * from the linear-product start system the counts would have chosen.
 */
class AutoStartSizeTest {

    /** chandra-4 (16 paths, linear product 8) and chandra-5 (32, 16): small; chandra-6 (64, 32) is not. */
    @ParameterizedTest(name = "chandra{0}")
    @CsvSource({"4,total-degree,16", "5,total-degree,32", "6,linear-product,32"})
    void smallSystemsSkipTheCounts(int n, String start, long paths) {
        SolveResult r = Solver.solve(StandardSystems.chandra(n), SolveOptions.defaults().threads(2));
        assertEquals(start, r.startSystem());
        assertEquals(paths, r.paths());
        assertEquals(StandardSystems.knownSolutionCount("chandra", n), r.nonsingular());
        SolveResult lp = Solver.solve(StandardSystems.chandra(n),
                SolveOptions.defaults().threads(2).start(StartKind.LINEAR_PRODUCT));
        assertEquals(lp.nonsingular(), r.nonsingular());
        assertEquals(0, r.failed());
    }

    @Test
    void theThresholdIsOnTheTotalDegree() {
        assertEquals(false, StartSystems.countsWorthComputing(StartSystems.COUNTS_MIN_PATHS));
        assertEquals(true, StartSystems.countsWorthComputing(StartSystems.COUNTS_MIN_PATHS + 1));
        PolynomialSystem eco5 = StandardSystems.eco(5);
        assertEquals(54, StartSystems.totalDegree(eco5));
        // StartSystems.create(AUTO) follows the same rule as the solver
        StartSystem small = StartSystems.create(StandardSystems.chandra(4), StartKind.AUTO, new java.util.SplittableRandom(1));
        assertEquals(16, small.solutionCount());
        StartSystem large = StartSystems.create(eco5, StartKind.AUTO, new java.util.SplittableRandom(1));
        assertEquals(true, large.solutionCount() < 54, "eco-5: the counts find a smaller start system");
    }
}
