package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/design.md, LPS steps 3-4 on the ReLU blocks: the solver tracks exactly the linear-product bound's paths with none
 * failed, the best minimum is the design's reference, and no local minimum that random-start descents find is missing
 * from the homotopy's minima.
 */
class BlockSolverTest {

    private static BlockSolution solve(int k, int d, double lambda) {
        BlockSpec spec = BlockSpec.defaults().activation("relu").degree(d).width(k).lambda(lambda);
        return BlockSolver.solve(BlockProblem.of(spec), 1, 2, null);
    }

    /**
     * ReLU's Gaussian L2 fit of degree 3 has a zero cubic coefficient (fitDegree 2), so its gradient system has the
     * total degree of d = 2 (375, not 1372): the degree-3 set structure still covers it, and all 259 paths run.
     */
    @ParameterizedTest
    @CsvSource({"2,375,105", "3,375,259"})
    void everyPathOfTheDesignStartSystemIsTrackedAndNoneFails(int d, long totalDegree, long paths) {
        BlockSolution s = solve(1, d, 0.1);
        assertEquals(2, s.fitDegree());
        assertEquals(BigInteger.valueOf(totalDegree), s.totalDegree());
        assertEquals(BigInteger.valueOf(paths), s.linearProductBound());
        assertEquals(paths, s.paths());
        assertEquals(0, s.failed());
        assertTrue(s.realCritical() > 0 && !s.minima().isEmpty());
        // every minimum reported is a minimum: zero gradient and positive definite Hessian
        BlockProblem p = BlockProblem.of(s.spec());
        for (CriticalPoint m : s.minima()) {
            for (double g : p.gradient(m.theta())) {
                assertEquals(0, g, 1e-8);
            }
            assertTrue(m.eigenvalues()[0] > 0, "Hessian not positive definite at a minimum");
            assertEquals(p.loss(m.theta()), m.loss(), 1e-12);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.1,0.85,0.83", "0.001,0.33,2.35"})
    void theBestReluMinimumIsDesignsReference(double lambda, double w, double b) {
        double[] theta = solve(1, 2, lambda).best().theta();
        assertEquals(w, Math.abs(theta[LpsBlockSystem.w(0)]), 0.01);
        assertEquals(b, theta[LpsBlockSystem.b(0)], 0.01);
    }

    @ParameterizedTest
    @CsvSource({"2", "3"})
    void noMinimumFoundByRandomStartsIsMissedByTheHomotopy(int d) {
        BlockSolution s = solve(1, d, 0.1);
        BlockProblem p = BlockProblem.of(s.spec());
        LocalSearch.Result r = LocalSearch.run(p, 1000, 7, 2);
        assertEquals(1000, r.starts());
        assertTrue(r.minima().size() >= 1);
        for (CriticalPoint m : r.minima()) {
            assertTrue(Orbits.contains(s.minima(), m.theta(), m.loss(), p.symmetry()),
                    "random starts found a minimum at J = " + m.loss() + " that the homotopy missed");
        }
    }
}
