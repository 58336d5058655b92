package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the random-start local searches find in blocks no solver finishes yet (docs/lps.md, "Wider blocks by local
 * search"): at k = 3 and 4 the best minimum is k = 2's best pair with every other neuron dead, the same J, and a strict
 * minimum. A wider block embeds the narrower one (a dead neuron, (w, b, v) = 0, adds nothing to B(t) nor to the ridge),
 * so its best J can be no larger; here it is equal.
 */
class LocalSearchWideBlocksTest {

    private static BlockProblem block(int k) {
        return BlockProblem.of(BlockSpec.defaults().activation("relu").degree(2).width(k).lambda(0.1));
    }

    @ParameterizedTest
    @CsvSource({"3,1", "3,2", "4,1"})
    void theBestMinimumOfAWiderBlockIsKTwosPairWithDeadNeurons(int k, long seed) {
        CriticalPoint two = LocalSearch.run(block(2), 400, seed, 2).minima().get(0);
        List<CriticalPoint> minima = LocalSearch.run(block(k), 400, seed, 2).minima();
        CriticalPoint best = minima.get(0);
        assertEquals(two.loss(), best.loss(), 1e-12);
        assertTrue(best.eigenvalues()[0] > 0.01, "strict minimum: " + best.eigenvalues()[0]);
        double[] t = best.theta();
        int dead = 0;
        int live = 0;
        for (int j = 0; j < k; j++) {
            double size = Math.max(Math.abs(t[LpsBlockSystem.w(j)]),
                    Math.max(Math.abs(t[LpsBlockSystem.b(j)]), Math.abs(t[LpsBlockSystem.v(j)])));
            if (size < 1e-8) {
                dead++;
            } else {
                live++;
                // k = 2's pair: (w, b, v) = +-(0.8035, 0.3923, 0.8035) up to the sign symmetry, b = 0.3923
                assertEquals(0.8035, Math.abs(t[LpsBlockSystem.w(j)]), 1e-4);
                assertEquals(0.3923, t[LpsBlockSystem.b(j)], 1e-4);
                assertEquals(0.8035, Math.abs(t[LpsBlockSystem.v(j)]), 1e-4);
            }
        }
        assertEquals(2, live);
        assertEquals(k - 2, dead);
        assertEquals(0, t[LpsBlockSystem.c(k)], 1e-8);
    }
}
