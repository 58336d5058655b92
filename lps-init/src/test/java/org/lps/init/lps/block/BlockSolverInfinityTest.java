package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The endgame on paths to a positive-dimensional set at infinity: 368 of the 481 paths of the ReLU block with
 * k = 1, d = 4 go there, with winding numbers up to 8 and condition numbers past 1e8 from s = 1e-4 on. They used
 * to end in Cauchy loops that did not close (31 failed after the conservative retry, 22 more reported as
 * "singular solutions" with residuals of 1e11 and beyond, 21 s); all must now be called at infinity, and the
 * 113 finite solutions (all nonsingular, the same for other seeds) found.
 */
class BlockSolverInfinityTest {

    @Test
    void everyPathOfTheDegreeFourBlockEndsFiniteOrAtInfinity() {
        BlockSpec spec = BlockSpec.defaults().activation("relu").degree(4).width(1).lambda(0.1);
        BlockSolution s = BlockSolver.solve(BlockProblem.of(spec), 1, 2, null);
        assertEquals(BigInteger.valueOf(481), s.linearProductBound());
        assertEquals(481, s.paths());
        assertEquals(0, s.failed());
        assertEquals(113, s.finite());
        assertEquals(0, s.singular());
        assertEquals(481 - 113, s.atInfinity());
        assertEquals(7, s.realCritical());
    }
}
