package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.LinearProductBound;
import org.lps.homotopy.rootcount.MultiHomogeneous;
import org.lps.homotopy.rootcount.Partition;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.homotopy.rootcount.SetStructure;

/** The root counts of LPS block systems that docs/design.md states (moved here from homotopy with the class). */
class LpsBlockSystemTest {

    private static BigInteger big(long x) {
        return BigInteger.valueOf(x);
    }

    @ParameterizedTest
    @CsvSource({"1,2,375,105", "2,2,46875,10761", "1,3,1372,259", "2,3,470596,67057", "3,2,5859375,1129797"})
    void genericBlockSystemsHaveTheBoundsOfDesign(int k, int d, long totalDegree, long designBound) {
        PolynomialSystem s = LpsBlockSystem.generic(k, d, 42);
        SetStructure design = LpsBlockSystem.designStructure(k, d);
        assertTrue(design.covers(s), "the design's structure must cover the block system");
        assertEquals(big(designBound), LinearProductBound.count(design));
        RootCounts rc = RootCounts.of(s);
        assertEquals(big(totalDegree), rc.totalDegree());
        assertTrue(rc.setStructure().covers(s));
        assertTrue(rc.linearProductBound().compareTo(rc.multiHomogeneousBezout()) <= 0);
        assertTrue(rc.linearProductBound().compareTo(big(designBound)) <= 0,
                "the search should find the design's bound or better: " + rc.linearProductBound());
    }

    @Test
    void everyAdmissibleChoiceOfTheSmallestBlockIsListedOnce() {
        SetStructure d = LpsBlockSystem.designStructure(1, 2);
        List<List<Integer>> choices = new ArrayList<>();
        LinearProductBound.forEachAdmissibleChoice(d, c -> choices.add(java.util.Arrays.stream(c).boxed().toList()));
        assertEquals(105, choices.size());
        assertEquals(105, new java.util.HashSet<>(choices).size());
    }

    @Test
    void partitionsOfDesign() {
        PolynomialSystem s = LpsBlockSystem.generic(2, 2, 1);
        // theta = (w1, b1, v1, w2, b2, v2, c): one group per neuron {w_j, b_j} and one for V = {v1, v2, c}
        Partition perNeuron = Partition.of(7, new int[] {0, 1}, new int[] {3, 4}, new int[] {2, 5, 6});
        assertEquals(big(34577), MultiHomogeneous.bezout(s, perNeuron));
        // all {w, b} together against V does better, and the exhaustive search finds at least that
        Partition av = Partition.of(7, new int[] {0, 1, 3, 4}, new int[] {2, 5, 6});
        assertEquals(big(12225), MultiHomogeneous.bezout(s, av));
        MultiHomogeneous.Bound best = MultiHomogeneous.best(s);
        assertEquals(big(12225), best.bezout());
        assertEquals(av, best.partition());
        // k = 3: ten unknowns, beyond the exhaustive search; the {w, b} versus V partition must be reached
        PolynomialSystem s3 = LpsBlockSystem.generic(3, 2, 1);
        Partition av3 = Partition.of(10, new int[] {0, 1, 3, 4, 6, 7}, new int[] {2, 5, 8, 9});
        assertEquals(big(1_359_153), MultiHomogeneous.bezout(s3, av3));
        assertTrue(MultiHomogeneous.best(s3).bezout().compareTo(big(1_359_153)) <= 0);
    }

    @Test
    void largeBlockStructuresCount() {
        // the memoization that makes these fast is held to a search-node budget in homotopy's LinearProductBoundTest
        assertEquals(big(1_129_797), LinearProductBound.count(LpsBlockSystem.designStructure(3, 2)));
        // k = 4: a regression value (no published number); 13 equations, ~10^8 admissible choices
        assertEquals(big(121_036_545), LinearProductBound.count(LpsBlockSystem.designStructure(4, 2)));
    }

    @Test
    void theGaussianBlockOfEverySpecIsCoveredByTheDesignStructure() {
        for (String act : List.of("relu", "elu", "tanh", "gelu")) {
            for (int d = 1; d <= 4; d++) {
                for (int k = 1; k <= 3; k++) {
                    for (Target t : Target.values()) {
                        BlockProblem p = BlockProblem.of(BlockSpec.defaults().activation(act).degree(d).width(k).target(t));
                        assertTrue(p.designStructure().covers(p.gradientSystem()), p.spec().toString());
                    }
                }
            }
        }
    }
}
