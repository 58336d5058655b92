package org.lps.homotopy.polyhedral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.PathStatus;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.start.StartSystems;
import org.lps.homotopy.start.StartSystem;

/** The polyhedral start system end to end: exact start solutions, the counts of the issue, every path accounted for. */
class PolyhedralSolveTest {

    private static SolveResult solve(PolynomialSystem s, long seed) {
        return Solver.solve(s, SolveOptions.defaults().seed(seed).threads(2).start(StartKind.POLYHEDRAL));
    }

    /** cyclic-7: 924 paths (its mixed volume) for 924 solutions, every path to one of them. */
    @ParameterizedTest(name = "cyclic-7 seed {0}")
    @CsvSource({"1", "2"})
    void cyclic7WithOnePathPerSolution(long seed) {
        SolveResult r = solve(StandardSystems.cyclic(7), seed);
        assertEquals("polyhedral", r.startSystem());
        assertEquals(924, r.paths());
        assertEquals(924, r.nonsingular());
        assertEquals(0, r.failed());
        assertEquals(0, r.atInfinity());
        assertEquals(0, r.singular());
    }

    /** Families with and without solutions with zero coordinates (katsura: constant terms added). */
    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({"katsura,5,32", "eco,7,32", "noon,4,73", "chandra,5,16", "cyclic,5,70"})
    void familiesFromThePolyhedralStart(String family, int n, int paths) {
        SolveResult r = solve(StandardSystems.byName(family + n), 3);
        assertEquals(paths, r.paths());
        assertEquals(StandardSystems.knownSolutionCount(family, n), r.nonsingular());
        assertEquals(0, r.failed());
    }

    /**
     * x^2 + 2y = 0, y^2 - 3x = 0: three solutions in the torus and the origin. Its stable mixed volume (4) exceeds
     * its mixed volume (3), so constant terms are added to the start system, whose 4 paths find the origin too.
     */
    @Test
    void solutionsWithZeroCoordinatesAreFound() {
        PolynomialSystem s = SystemParser.parse("x^2 + 2*y\ny^2 - 3*x", "origin", Format.PLAIN);
        SolveResult r = solve(s, 1);
        assertEquals(4, r.paths());
        assertEquals(4, r.nonsingular());
        assertTrue(r.solutions().stream().anyMatch(x -> x.coordinate(0).norm() < 1e-12
                && x.coordinate(1).norm() < 1e-12), "the origin");
        assertEquals(0, r.failed());
    }

    /** The start solutions solve the start system and are distinct: phase 1 ends where it should. */
    @Test
    void startSolutionsSolveTheStartSystem() {
        PolynomialSystem cyclic5 = StandardSystems.cyclic(5);
        PolyhedralStart start = PolyhedralStart.create(cyclic5, new SplittableRandom(3), 2);
        assertEquals(70, start.solutionCount());
        assertFalse(start.originsAdded());
        StartSystem.Evaluation g = start.evaluation();
        StartSystem.Solutions source = start.solutions();
        double[][] x = new double[70][10];
        double[] z = new double[12], values = new double[10];
        for (int k = 0; k < 70; k++) {
            assertTrue(source.compute(k, x[k]), source.failure());
            System.arraycopy(x[k], 0, z, 0, 10);
            z[10] = 1;
            g.values(z, values);
            double size = 0, residual = 0;
            for (int j = 0; j < 10; j++) {
                size = Math.max(size, Math.abs(x[k][j]));
                residual = Math.max(residual, Math.abs(values[j]));
            }
            assertTrue(residual < 1e-10 * Math.pow(Math.max(1, size), 5), "start solution " + k + ": " + residual);
            for (int l = 0; l < k; l++) {
                double d = 0;
                for (int j = 0; j < 10; j++) {
                    d = Math.max(d, Math.abs(x[k][j] - x[l][j]));
                }
                assertTrue(d > 1e-6, "start solutions " + l + " and " + k + " coincide");
            }
        }
    }

    /** Same seed, same cells, same start system, same solutions, bit for bit, on any number of threads. */
    @Test
    void deterministicOnAnyThreadCount() {
        PolynomialSystem s = StandardSystems.cyclic(6);
        SolveResult one = Solver.solve(s, SolveOptions.defaults().seed(9).threads(1).start(StartKind.POLYHEDRAL));
        SolveResult three = Solver.solve(s, SolveOptions.defaults().seed(9).threads(3).start(StartKind.POLYHEDRAL));
        assertEquals(one.solutions().size(), three.solutions().size());
        for (int k = 0; k < one.solutions().size(); k++) {
            Complex[] a = one.solutions().get(k).coordinates(), b = three.solutions().get(k).coordinates();
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[j].getReal(), b[j].getReal(), 0.0);
                assertEquals(a[j].getImaginary(), b[j].getImaginary(), 0.0);
            }
        }
        List<PathStatus> sa = one.pathResults().stream().map(p -> p.status()).toList();
        assertEquals(sa, three.pathResults().stream().map(p -> p.status()).toList());
    }

    /** The automatic choice: polyhedral where it saves enough work, and a mixed-cell budget in proportion to the paths. */
    @Test
    void autoPicksPolyhedralWhereItPays() {
        RootCounts c7 = RootCounts.of(StandardSystems.cyclic(7));
        assertTrue(StartSystems.mixedCellBudget(c7) > 0, "cyclic-7: 3858 linear-product paths, worth a look");
        assertEquals(StartKind.POLYHEDRAL, StartSystems.cheapest(c7, BigInteger.valueOf(924)));
        // katsura-9: 512 paths from total degree; its cells need 1.9 million LPs, far over the budget
        assertTrue(StartSystems.mixedCellBudget(RootCounts.of(StandardSystems.katsura(9))) < 20_000);
        // noon-5: polyhedral 233 paths against 243 total degree, at twice the cost per path
        RootCounts noon5 = RootCounts.of(StandardSystems.noon(5));
        assertEquals(StartKind.TOTAL_DEGREE, StartSystems.cheapest(noon5, BigInteger.valueOf(233)));
        assertEquals("polyhedral", Solver.solve(StandardSystems.cyclic(7),
                SolveOptions.defaults().threads(2)).startSystem());
    }

    /** x y = 0 and x y = x^2 y^2: two lines, no isolated solution; all supports on a line, so no path at all. */
    @Test
    void aSystemWithoutIsolatedSolutionsHasNoPaths() {
        PolynomialSystem s = SystemParser.parse("x*y\nx*y - x^2*y^2", "curves", Format.PLAIN);
        SolveResult r = solve(s, 1);
        assertEquals(0, r.paths());
        assertTrue(r.solutions().isEmpty());
    }
}
