package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The monodromy route against the linear-product homotopy's counts (docs/lps.md, measured with every path tracked):
 * ReLU, lambda 0.1, identity target. k = 1: 25 finite, 7 real, 2 minima; k = 2: 273 finite, 29 real, 3 minima, and
 * the same minima (J and |w|, b) as the homotopy's. The trace test must pass.
 */
class MonodromyBlockSolverTest {

    /** Solves are minutes at k = 2, so each (k, seed) is solved once for the class. */
    private static final Map<List<Long>, BlockSolver.Monodromic> SOLVED = new ConcurrentHashMap<>();

    private static BlockSolver.Monodromic solve(int k, long seed) {
        return SOLVED.computeIfAbsent(List.of((long) k, seed), key -> solveNow(k, seed));
    }

    private static BlockSolver.Monodromic solveNow(int k, long seed) {
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

    /**
     * The k = 2 minima equal the homotopy's: J to 1e-9 and the same orbit. Seeds 2 and 3 are not asserted: seed 2
     * loses one orbit of 4 finite solutions in the final parameter homotopy (269 of 273) and seed 3 has stopped short
     * of the generic count (docs/lps.md, "Block solves by monodromy"); the route is not the default for that reason.
     */
    @Test
    void theMinimaAreTheHomotopys() {
        BlockSolution m = solve(2, 1).solution();
        BlockSolution h = BlockSolver.solve(BlockProblem.of(m.spec()), 1, 2, null);
        List<CriticalPoint> a = m.minima();
        List<CriticalPoint> b = h.minima();
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).loss(), a.get(i).loss(), 1e-9);
            assertTrue(h.contains(a.get(i)));
        }
    }
}
