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
