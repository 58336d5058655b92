package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.polyhedral.cells.MixedVolume;
import org.lps.homotopy.polyhedral.cells.WorkLimitExceededException;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.start.StartSystems;

/**
 * {@link StartKind#AUTO} weighs the polyhedral start system at every size: it looks for the mixed cells within a
 * budget of linear programs proportional to the paths they could save ({@link StartSystems#mixedCellBudget}), and
 * takes the polyhedral start when they are found and it is the cheapest. Root counts and mixed volumes below are
 * PHCpack's (the demo database's READ_ME table) and the formulas' (noon: 3^n - 2n, reimer: (n+1)!).
 */
class AutoStartChoiceTest {

    static PolynomialSystem system(String name) throws IOException {
        if (!name.startsWith("demo:")) {
            return StandardSystems.byName(name);
        }
        String file = name.substring(5);
        try (InputStream in = AutoStartChoiceTest.class.getResourceAsStream("/demos/" + file + ".phc")) {
            return SystemParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file, Format.PHC);
        }
    }

    /**
     * The start system AUTO plans (no path is tracked), on 1 and 2 threads: the same, since the budget counts
     * linear programs of a one-thread search, never time.
     */
    @ParameterizedTest(name = "{0}: {1}, {2} paths")
    @CsvSource({
        // mixed volume far below the other counts: polyhedral, also for a few hundred paths
        "demo:cassou,  polyhedral, 24",     // total degree 1344, linear product 312, mixed volume 24
        "demo:butcher, polyhedral, 24",     // 4608, 605, 24
        "cyclic6,      polyhedral, 156",    // 720, 504, 156
        "cyclic7,      polyhedral, 924",    // 5040, 3858, 924
        // mixed volume equal (or nearly) to the cheapest other count: no gain at twice the cost per path
        "noon5,        total-degree, 243",  // 243, 233, 233
        "reimer5,      total-degree, 720",  // 720, 720, 720
        "katsura9,     total-degree, 512",  // 512, 512, 504: its cells (1.9 million LPs) are over the budget
        // mixed volume 64 below the 171 linear-product paths, but its cells (16992 LPs) over the budget (5130)
        "eco8,         linear-product, 171",
        // small: no counts at all (StartSystems.COUNTS_MIN_PATHS)
        "chandra5,     total-degree, 32",
    })
    void autoChoosesByCountsAndBudget(String name, String start, int paths) throws IOException {
        PolynomialSystem s = system(name);
        for (int threads : new int[] {1, 2}) {
            SolvePlan plan = SolvePlan.of(s, SolveOptions.defaults().seed(7).threads(threads));
            assertEquals(start, plan.startName(), name + " on " + threads + " threads");
            assertEquals(paths, plan.pathCount(), name + " on " + threads + " threads");
        }
    }

    /** The rule behind the table above: the polyhedral start wins when it is found and twice its paths are fewer. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"demo:cassou", "demo:butcher", "cyclic6", "noon5", "reimer5", "eco8", "chandra6"})
    void polyhedralIsChosenExactlyWhenFoundWithinBudgetAndCheapest(String name) throws IOException {
        PolynomialSystem s = system(name);
        RootCounts counts = RootCounts.of(s);
        long budget = StartSystems.mixedCellBudget(counts);
        assertEquals((long) (StartSystems.MIXED_CELL_LPS_PER_PATH * StartSystems.otherPathEquivalents(counts)), budget);
        MixedVolume full = MixedVolume.of(s, MixedVolume.DEFAULT_SEED, 1, MixedVolume.DEFAULT_WORK_LIMIT);
        boolean found = full.linearPrograms() <= budget;
        boolean pays = 2 * full.pathCount().doubleValue() < StartSystems.otherPathEquivalents(counts);
        String chosen = SolvePlan.of(s, SolveOptions.defaults().seed(3).threads(2)).startName();
        assertEquals(found && pays, chosen.equals("polyhedral"), name + ": " + full.linearPrograms() + " LPs, budget "
                + budget + ", " + full.pathCount() + " polyhedral paths, chose " + chosen);
    }

    /**
     * The budget is exact and deterministic: the search succeeds with exactly the linear programs it needs and
     * gives up with one less, on any thread count of the caller (the search that decides runs on one thread);
     * a search over budget stops before the lower edges or the relation table it could not finish.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"demo:cassou", "demo:butcher", "cyclic6", "noon5", "chandra6"})
    void theBudgetIsExactInLinearPrograms(String name) throws IOException {
        PolynomialSystem s = system(name);
        MixedVolume full = MixedVolume.of(s, MixedVolume.DEFAULT_SEED, 1, MixedVolume.DEFAULT_WORK_LIMIT);
        long needed = full.linearPrograms();
        MixedVolume exact = MixedVolume.of(s, MixedVolume.DEFAULT_SEED, 1, needed);
        assertEquals(full.pathCount(), exact.pathCount());
        assertEquals(full.mixedVolume(), exact.mixedVolume());
        assertEquals(needed, exact.linearPrograms());
        assertThrows(WorkLimitExceededException.class, () -> MixedVolume.of(s, MixedVolume.DEFAULT_SEED, 1, needed - 1));
        assertThrows(WorkLimitExceededException.class, () -> MixedVolume.of(s, MixedVolume.DEFAULT_SEED, 1, 1));
    }

    /** katsura-9: 512 paths either way; its cells need 1.9 million LPs, so AUTO's search gives up. */
    @Test
    void katsuraNineIsNotWorthItsCells() {
        PolynomialSystem k9 = StandardSystems.katsura(9);
        RootCounts counts = RootCounts.of(k9);
        assertEquals(BigInteger.valueOf(512), counts.linearProductBound());
        assertEquals(512 * StartSystems.MIXED_CELL_LPS_PER_PATH, StartSystems.mixedCellBudget(counts));
        assertThrows(WorkLimitExceededException.class,
                () -> MixedVolume.of(k9, MixedVolume.DEFAULT_SEED, 1, StartSystems.mixedCellBudget(counts)));
        assertTrue(StartSystems.cheapest(counts, BigInteger.valueOf(504)) == StartKind.TOTAL_DEGREE,
                "even if found, 504 polyhedral paths at twice the cost lose to 512 total-degree ones");
    }
}
