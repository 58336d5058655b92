package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The monodromy route against the linear-product homotopy's counts (docs/lps.md, measured with every path tracked):
 * ReLU, lambda 0.1, identity target. k = 1: 25 finite, 7 real, 2 minima; k = 2: 273 finite, 29 real, 3 minima, and
 * the same minima (J and |w|, b) as the homotopy's. The trace test must pass.
 */
class MonodromyBlockSolverTest {

    private static BlockSolver.Monodromic solve(int k, long seed) {
        BlockSpec spec = BlockSpec.defaults().activation("relu").degree(2).width(k).lambda(0.1);
        return BlockSolver.solveMonodromy(BlockProblem.of(spec), seed, 2, null);
    }

    @ParameterizedTest
    @CsvSource({"1,1,25,7,2", "1,2,25,7,2", "1,42,25,7,2", "2,1,273,29,3"})
    void monodromyFindsTheHomotopysCounts(int k, long seed, long finite, long real, int minima) {
        BlockSolver.Monodromic m = solve(k, seed);
        BlockSolution s = m.solution();
        assertTrue(m.tracePassed(), "trace test failed, residual " + m.traceResidual());
        // failed paths of the final homotopy are allowed (k = 2 seed 1: 3 orbits that go to infinity), lost finite
        // solutions are not
        assertEquals(finite, s.finite());
        assertEquals(real, s.realCritical());
        assertEquals(minima, s.minima().size());
        BlockProblem p = BlockProblem.of(s.spec());
        for (CriticalPoint c : s.minima()) {
            for (double g : p.gradient(c.theta())) {
                assertEquals(0, g, 1e-8);
            }
            assertTrue(c.eigenvalues()[0] > 0);
        }
    }

    /** The k = 2 minima equal the homotopy's: J to 1e-9 and the same orbit (both solves: minutes, so in CI). */
    @EnabledIfEnvironmentVariable(named = "CI", matches = "true")
    @ParameterizedTest
    @CsvSource({"2"})
    void theMinimaAreTheHomotopys(int k) {
        BlockSolution m = solve(k, 3).solution();
        BlockSolution h = BlockSolver.solve(BlockProblem.of(m.spec()), 1, 2, null);
        List<CriticalPoint> a = m.minima();
        List<CriticalPoint> b = h.minima();
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).loss(), a.get(i).loss(), 1e-9);
            assertTrue(h.contains(a.get(i)));
        }
    }

    /** Other seeds (minutes in all: CI). */
    @EnabledIfEnvironmentVariable(named = "CI", matches = "true")
    @ParameterizedTest
    @CsvSource({"2,2,273,29,3", "2,3,273,29,3"})
    void otherSeedsAgree(int k, long seed, long finite, long real, int minima) {
        monodromyFindsTheHomotopysCounts(k, seed, finite, real, minima);
    }
}
