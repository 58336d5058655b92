package org.lps.homotopy.rootcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;

class LinearProductBoundTest {

    /** The count by definition: every choice of one factor per equation, each tested by Hopcroft-Karp. */
    private static long bruteForce(SetStructure s) {
        int n = s.equationCount();
        int[] choice = new int[n];
        long count = 0;
        while (true) {
            if (LinearProductBound.isAdmissible(s, choice)) {
                count++;
            }
            int i = n - 1;
            while (i >= 0 && ++choice[i] == s.factorCount(i)) {
                choice[i] = 0;
                i--;
            }
            if (i < 0) {
                return count;
            }
        }
    }

    private static SetStructure random(SplittableRandom rnd, int n) {
        int[][][] f = new int[n][][];
        for (int i = 0; i < n; i++) {
            f[i] = new int[1 + rnd.nextInt(n <= 5 ? 4 : 3)][];
            for (int j = 0; j < f[i].length; j++) {
                // few distinct sets, so that equal sets (multiplicities) and shared sets occur
                int mask = 1 + rnd.nextInt(Math.min(7, (1 << n) - 1));
                if (rnd.nextInt(3) == 0) {
                    mask = 1 + rnd.nextInt((1 << n) - 1);
                }
                f[i][j] = Supports.indices(bits(mask, n));
            }
        }
        return SetStructure.of(n, f);
    }

    private static boolean[] bits(int mask, int n) {
        boolean[] b = new boolean[n];
        for (int v = 0; v < n; v++) {
            b[v] = (mask >> v & 1) != 0;
        }
        return b;
    }

    @Test
    void fastCountEqualsBruteForceOnRandomStructures() {
        SplittableRandom rnd = new SplittableRandom(2024);
        int nonzero = 0;
        for (int trial = 0; trial < 300; trial++) {
            SetStructure s = random(rnd, 1 + rnd.nextInt(7));
            long expected = bruteForce(s);
            assertEquals(BigInteger.valueOf(expected), LinearProductBound.count(s), s.toString());
            nonzero += expected > 0 ? 1 : 0;
        }
        assertTrue(nonzero > 100, "the random structures should not be mostly degenerate: " + nonzero);
    }

    @Test
    void enumerationListsExactlyTheAdmissibleChoicesOnce() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            SetStructure s = random(rnd, 2 + rnd.nextInt(5));
            Set<List<Integer>> seen = new HashSet<>();
            LinearProductBound.forEachAdmissibleChoice(s, c -> {
                assertTrue(LinearProductBound.isAdmissible(s, c));
                assertTrue(seen.add(java.util.Arrays.stream(c).boxed().toList()), "choice listed twice");
            });
            assertEquals(BigInteger.valueOf(seen.size()), LinearProductBound.count(s));
            assertEquals(bruteForce(s), seen.size());
        }
    }

    @Test
    void totalDegreeAndPartitionStructuresCountTheirBezoutNumbers() {
        for (String name : List.of("cyclic5", "katsura4", "noon4", "eco6", "chandra5")) {
            PolynomialSystem s = StandardSystems.byName(name);
            long td = 1;
            for (int d : s.degrees()) {
                td *= d;
            }
            assertEquals(BigInteger.valueOf(td), LinearProductBound.count(SetStructure.totalDegree(s)), name);
            int n = s.variableCount();
            for (Partition p : List.of(Partition.singletons(n), Partition.fromAssignment(alternating(n)))) {
                assertEquals(MultiHomogeneous.bezout(s, p), LinearProductBound.count(SetStructure.of(s, p)),
                        name + " " + p);
            }
        }
    }

    private static int[] alternating(int n) {
        int[] a = new int[n];
        for (int v = 0; v < n; v++) {
            a[v] = v % 2;
        }
        return a;
    }

    /**
     * The set structure of an LPS block's gradient system (docs/design.md, "LPS initialization", step 3), built here
     * from that description: k neurons with variables (w_j, b_j, v_j) at 3j, 3j + 1, 3j + 2, and c last; V = {v_1..v_k,
     * c}, A = all {w_j, b_j}. dJ/dw_j and dJ/db_j: V, d times A, {v_j}, d - 1 times {w_j, b_j}; dJ/dv_j: V, d times A,
     * d times {w_j, b_j}; dJ/dc: V, d times A.
     */
    static SetStructure lpsBlock(int k, int d) {
        int n = 3 * k + 1;
        int[] vSet = new int[k + 1];
        int[] aSet = new int[2 * k];
        for (int j = 0; j < k; j++) {
            vSet[j] = 3 * j + 2;
            aSet[2 * j] = 3 * j;
            aSet[2 * j + 1] = 3 * j + 1;
        }
        vSet[k] = n - 1;
        int[][][] f = new int[n][][];
        for (int j = 0; j < k; j++) {
            int[] neuron = {3 * j, 3 * j + 1};
            List<int[]> wb = new ArrayList<>(List.of(vSet));
            List<int[]> vv = new ArrayList<>(List.of(vSet));
            for (int r = 0; r < d; r++) {
                wb.add(aSet);
                vv.add(aSet);
                vv.add(neuron);
            }
            wb.add(new int[] {3 * j + 2});
            for (int r = 1; r < d; r++) {
                wb.add(neuron);
            }
            f[3 * j] = wb.toArray(new int[0][]);
            f[3 * j + 1] = wb.toArray(new int[0][]);
            f[3 * j + 2] = vv.toArray(new int[0][]);
        }
        List<int[]> cc = new ArrayList<>(List.of(vSet));
        for (int r = 0; r < d; r++) {
            cc.add(aSet);
        }
        f[n - 1] = cc.toArray(new int[0][]);
        return SetStructure.of(n, f);
    }

    /**
     * The memoized count visits few search nodes on the neuron-symmetric LPS block structures, a machine-independent
     * measure of the work (a wall-clock bound would fail on a loaded machine and pass a slow regression on a fast one).
     * Without the memo the count visits every admissible choice: 1 129 797 for k = 3 and 121 036 545 for k = 4.
     */
    @Test
    void memoizationCollapsesTheNeuronSymmetry() {
        // k = 1, 2, 3: the linear-product bounds the design states (105, 10761, 1 129 797); k = 4: a regression value
        long[] expected = {105, 10_761, 1_129_797, 121_036_545};
        // measured: 9, 69, 450 and 2766 nodes; the budget leaves room for a change of search order, not for a lost memo
        for (int k = 1; k <= 4; k++) {
            ChoiceCounter counter = new ChoiceCounter(lpsBlock(k, 2), 10_000);
            assertEquals(BigInteger.valueOf(expected[k - 1]), counter.count(), "k = " + k);
        }
    }

    @Test
    void classicExamples() {
        // two generic affine equations in x and y: one solution
        assertEquals(BigInteger.ONE, LinearProductBound.count(SetStructure.of(2, new int[][][] {{{0, 1}}, {{0, 1}}})));
        // x-only factors in both equations: the x column is matched twice, y never: no solution
        assertEquals(BigInteger.ZERO, LinearProductBound.count(SetStructure.of(2, new int[][][] {{{0}}, {{0}}})));
        // (x)(y) = 0 and (x)(y) = 0: choices {x,y} and {y,x} admissible
        SetStructure xy = SetStructure.of(2, new int[][][] {{{0}, {1}}, {{0}, {1}}});
        assertEquals(BigInteger.TWO, LinearProductBound.count(xy));
        assertTrue(LinearProductBound.isAdmissible(xy, new int[] {0, 1}));
        assertFalse(LinearProductBound.isAdmissible(xy, new int[] {1, 1}));
    }

    @Test
    void needsASquareStructure() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearProductBound.count(SetStructure.of(3, new int[][][] {{{0}}, {{1}}})));
        assertEquals("root counts need a square system: 2 equations in 3 unknowns", e.getMessage());
    }
}
