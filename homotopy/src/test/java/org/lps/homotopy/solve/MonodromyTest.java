package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.SplittableRandom;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.param.Symmetry;
import org.lps.homotopy.poly.PolynomialSystem;

class MonodromyTest {

    /** Small systems; the benchmark systems on three seeds each are in {@link MonodromyFamiliesTest}. */
    @ParameterizedTest(name = "{0}-{1} seed {2}")
    @CsvSource({"katsura,4,1", "cyclic,5,1", "noon,3,1", "katsura,5,2", "noon,4,1"})
    void findsEverySolutionAndPassesTheTraceTest(String family, int n, long seed) {
        PolynomialSystem s = StandardSystems.byName(family + n);
        long known = StandardSystems.knownSolutionCount(family, n);
        Monodromy.Solve solve = Monodromy.solve(s, MonodromyOptions.defaults().seed(seed).threads(2).verify(true));
        assertEquals(known, solve.result().nonsingular());
        assertTrue(solve.run().traceTest().passed());
        assertEquals(Monodromy.Stop.TRACE_TEST, solve.run().stop());
        assertEquals(0, solve.result().failed());
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

    /** Same seed, same solutions in the same order (bit for bit), on 1, 2 and 3 threads. */
    @Test
    void sameSolutionsInTheSameOrderOnAnyThreadCount() {
        PolynomialSystem s = StandardSystems.katsura(5);
        List<double[]> one = Monodromy.solve(s, MonodromyOptions.defaults().seed(9).threads(1)).run().solutions();
        for (int threads : new int[] {2, 3}) {
            Monodromy.Solve other = Monodromy.solve(s, MonodromyOptions.defaults().seed(9).threads(threads));
            List<double[]> xs = other.run().solutions();
            assertEquals(one.size(), xs.size());
            for (int k = 0; k < xs.size(); k++) {
                assertArrayEquals(one.get(k), xs.get(k), "solution " + k + " on " + threads + " threads");
            }
        }
    }

    /** Katsura-8 (256) with a target count, cyclic-7 is in MonodromyBenchmark (its trace test is slow). */
    @Test
    void katsura8ReachesItsCount() {
        Monodromy.Solve m = Monodromy.solve(StandardSystems.katsura(8),
                MonodromyOptions.defaults().seed(4).threads(2).targetCount(256));
        assertEquals(256, m.result().nonsingular());
        assertEquals(Monodromy.Stop.TARGET_COUNT, m.run().stop());
        assertEquals(null, m.run().traceTest());
    }

    /** Without a target and without the trace test, the run stops on no progress, a heuristic stop said as such. */
    @Test
    void stopsAfterLoopsWithoutProgress() {
        Monodromy.Solve m = Monodromy.solve(StandardSystems.cyclic(5),
                MonodromyOptions.defaults().seed(2).threads(2).loopsWithoutProgress(2));
        assertEquals(Monodromy.Stop.NO_PROGRESS, m.run().stop());
        assertEquals(70, m.result().nonsingular());
    }

    /**
     * A group action adds every image: cyclic-5 under the cyclic shift and the reversal (a dihedral group of order
     * 10) in the family that keeps the symmetry; orbits of solutions have up to 10 members, so fewer loop paths.
     */
    @Test
    void symmetryAddsEveryImage() {
        PolynomialSystem s = StandardSystems.cyclic(5);
        Symmetry g = Symmetry.parse("perm:2,3,4,5,1;perm:5,4,3,2,1", 5);
        Monodromy.Solve m = Monodromy.solve(s, g, MonodromyOptions.defaults().seed(1).threads(2).verify(true));
        assertEquals(70, m.result().nonsingular());
        assertTrue(m.run().traceTest().passed());
        Monodromy.Solve plain = Monodromy.solve(s, MonodromyOptions.defaults().seed(1).threads(2).verify(true));
        assertTrue(m.run().pathsTracked() < plain.run().pathsTracked(),
                m.run().pathsTracked() + " vs " + plain.run().pathsTracked());
        // an image of a solution of the symmetric family is a solution
        SolutionSet found = new SolutionSet(5, 1e-6);
        m.run().solutions().forEach(found::add);
        for (double[] x : m.run().solutions()) {
            for (double[] y : g.apply(x)) {
                assertTrue(found.indexOf(y) >= 0);
            }
        }
    }

    /**
     * With a group action only one point per orbit goes around a loop (the family is symmetric, so the loop commutes
     * with the group): cyclic-5's 70 solutions are 7 or more orbits under the dihedral group of order 10, and no loop
     * tracks more points than there are orbits, where tracking every image would track up to 70 per loop.
     */
    @Test
    void loopsTrackOnePointPerOrbit() {
        PolynomialSystem s = StandardSystems.cyclic(5);
        Symmetry g = Symmetry.parse("perm:2,3,4,5,1;perm:5,4,3,2,1", 5);
        Monodromy.Solve m = Monodromy.solve(s, g, MonodromyOptions.defaults().seed(3).threads(2).targetCount(70)
                .loopsWithoutProgress(3));
        assertEquals(70, m.result().nonsingular());
        List<double[]> xs = m.run().solutions();
        SolutionSet covered = new SolutionSet(5, 1e-6);
        int orbits = 0;
        for (double[] x : xs) {
            if (covered.add(x)) {
                orbits++;
                for (double[] y : closure(g, x)) {
                    covered.add(y);
                }
            }
        }
        assertTrue(orbits < 70 / 5, orbits + " orbits");
        assertTrue(m.run().pathsTracked() <= (long) m.run().loops() * orbits,
                m.run().pathsTracked() + " paths in " + m.run().loops() + " loops over " + orbits + " orbits");
    }

    private static List<double[]> closure(Symmetry g, double[] x) {
        SolutionSet orbit = new SolutionSet(x.length / 2, 1e-6);
        orbit.add(x);
        for (int i = 0; i < orbit.size(); i++) {
            for (double[] y : g.apply(orbit.get(i))) {
                orbit.add(y);
            }
        }
        return orbit.points();
    }

    /** A path budget ends the loops with Stop.BUDGET once spent (the batch in flight finished), never a hang. */
    @Test
    void pathBudgetStopsTheLoops() {
        PolynomialSystem s = StandardSystems.katsura(5);
        Monodromy.Solve m = Monodromy.solve(s, MonodromyOptions.defaults().seed(2).threads(2).pathBudget(12));
        assertEquals(Monodromy.Stop.BUDGET, m.run().stop());
        assertTrue(m.run().pathsTracked() >= 12);
        assertTrue(m.run().solutions().size() < 32, m.run().solutions().size() + " solutions");
    }

    /** Progress after every batch: loops, paths and solutions never decrease, and the last report is the run's. */
    @Test
    void progressReportsEveryBatch() {
        List<MonodromyOptions.Progress> reports = new ArrayList<>();
        Monodromy.Solve m = Monodromy.solve(StandardSystems.katsura(4),
                MonodromyOptions.defaults().seed(5).threads(2).loopsWithoutProgress(2).progress(reports::add));
        assertFalse(reports.isEmpty());
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i).loops() >= reports.get(i - 1).loops());
            assertTrue(reports.get(i).paths() > reports.get(i - 1).paths());
            assertTrue(reports.get(i).solutions() >= reports.get(i - 1).solutions());
        }
        MonodromyOptions.Progress last = reports.get(reports.size() - 1);
        assertEquals(m.run().pathsTracked(), last.paths());
        assertEquals(m.run().solutions().size(), last.solutions());
        assertEquals(m.run().loops(), last.loops());
    }
}
