package org.lps.homotopy.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;

class StartSystemsTest {

    /** Every start solution (with x_0 = 1) solves the homogenized start system. */
    private static void assertSolutionsSolve(StartSystem s) {
        int n = s.variableCount();
        StartSystem.Evaluation ev = s.evaluation();
        double[] x = new double[2 * (n + 1)], g = new double[2 * n], jac = new double[2 * n * (n + 1)];
        Set<String> distinct = new HashSet<>();
        for (long k = 0; k < s.solutionCount(); k++) {
            s.solution(k, x);
            x[2 * n] = 1;
            x[2 * n + 1] = 0;
            ev.valuesAndJacobian(x, g, 1, 0, jac);
            for (int i = 0; i < n; i++) {
                assertEquals(0, Math.hypot(g[2 * i], g[2 * i + 1]), 1e-12, "solution " + k + " equation " + i);
            }
            double[] values = new double[2 * n];
            ev.values(x, values);
            org.junit.jupiter.api.Assertions.assertArrayEquals(g, values, 0.0);
            StringBuilder key = new StringBuilder();
            for (int v = 0; v < 2 * n; v++) {
                key.append(Math.round(x[v] * 1e8)).append(',');
            }
            distinct.add(key.toString());
        }
        assertEquals(s.solutionCount(), distinct.size(), "start solutions must be distinct");
    }

    /** The Jacobian agrees with central differences (the functions are polynomial, so this is tight). */
    private static void assertJacobianMatchesDifferences(StartSystem s, long seed) {
        int n = s.variableCount();
        StartSystem.Evaluation ev = s.evaluation();
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = new double[2 * (n + 1)];
        for (int k = 0; k < z.length; k++) {
            z[k] = r.nextGaussian();
        }
        double[] g = new double[2 * n], jac = new double[2 * n * (n + 1)], gp = new double[2 * n], gm = new double[2 * n];
        // jac += alpha dG/dz with alpha = 2 - i, on top of ones: checks that it adds, and the complex scaling
        java.util.Arrays.fill(jac, 1.0);
        ev.valuesAndJacobian(z, g, 2, -1, jac);
        for (int k = 0; k < jac.length; k += 2) {
            double re = jac[k] - 1, im = jac[k + 1] - 1;
            // divide by alpha = 2 - i: (re + i im)(2 + i) / 5
            jac[k] = (2 * re - im) / 5;
            jac[k + 1] = (2 * im + re) / 5;
        }
        double h = 1e-6;
        for (int v = 0; v <= n; v++) {
            double[] zp = z.clone(), zm = z.clone();
            zp[2 * v] += h;
            zm[2 * v] -= h;
            ev.values(zp, gp);
            ev.values(zm, gm);
            for (int i = 0; i < n; i++) {
                double dr = (gp[2 * i] - gm[2 * i]) / (2 * h), di = (gp[2 * i + 1] - gm[2 * i + 1]) / (2 * h);
                int o = 2 * (i * (n + 1) + v);
                assertEquals(dr, jac[o], 1e-5 * (1 + Math.abs(dr)));
                assertEquals(di, jac[o + 1], 1e-5 * (1 + Math.abs(di)));
            }
        }
    }

    @Test
    void totalDegreeStartHasTheBezoutNumberOfDistinctSolutions() {
        TotalDegreeStart s = new TotalDegreeStart(new int[] {2, 3, 1, 2}, new SplittableRandom(5));
        assertEquals(12, s.solutionCount());
        assertSolutionsSolve(s);
        assertJacobianMatchesDifferences(s, 1);
        assertSolutionsSolve(new TotalDegreeStart(new int[] {4, 4}));
    }

    @Test
    void constantEquationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TotalDegreeStart(new int[] {2, 0}));
    }

    /** Choices of one factor per equation whose sets admit a perfect matching (brute force). */
    static List<int[]> admissibleChoices(int[][][] sets) {
        List<int[]> out = new ArrayList<>();
        enumerate(sets, new int[sets.length], 0, out);
        return out;
    }

    private static void enumerate(int[][][] sets, int[] choice, int i, List<int[]> out) {
        if (i == sets.length) {
            int[] match = new int[sets.length];
            java.util.Arrays.fill(match, -1);
            for (int e = 0; e < sets.length; e++) {
                if (!augment(sets, choice, e, match, new boolean[sets.length])) {
                    return;
                }
            }
            out.add(choice.clone());
            return;
        }
        for (int j = 0; j < sets[i].length; j++) {
            choice[i] = j;
            enumerate(sets, choice, i + 1, out);
        }
    }

    private static boolean augment(int[][][] sets, int[] choice, int e, int[] match, boolean[] seen) {
        for (int v : sets[e][choice[e]]) {
            if (!seen[v]) {
                seen[v] = true;
                if (match[v] < 0 || augment(sets, choice, match[v], match, seen)) {
                    match[v] = e;
                    return true;
                }
            }
        }
        return false;
    }

    /** The 2-homogeneous structure of eco-n for the partition {x_1..x_(n-1)}, {x_n}. */
    static int[][][] ecoTwoHomogeneous(int n) {
        int[] g1 = new int[n - 1];
        for (int v = 0; v < n - 1; v++) {
            g1[v] = v;
        }
        int[] g2 = {n - 1};
        int[][][] sets = new int[n][][];
        for (int k = 0; k < n - 2; k++) {
            sets[k] = new int[][] {g1, g1, g2};
        }
        sets[n - 2] = new int[][] {g1, g2};
        sets[n - 1] = new int[][] {g1};
        return sets;
    }

    @Test
    void linearProductStartSolvesItsLinearSystems() {
        int[][][] sets = ecoTwoHomogeneous(6);
        List<int[]> choices = admissibleChoices(sets);
        // exactly one equation takes the {x_n} factor: 4 * 2^3 (one of eq 1..4) + 2^4 (eq 5) = 48
        assertEquals(48, choices.size());
        LinearProductStart s = new LinearProductStart(6, sets, choices, new SplittableRandom(9));
        assertEquals(3, s.degree(0));
        assertEquals(1, s.degree(5));
        assertSolutionsSolve(s);
        assertJacobianMatchesDifferences(s, 2);
    }

    @Test
    void startKindsParseAndPolyhedralIsBuiltAboveTheTracker() {
        assertEquals(StartKind.LINEAR_PRODUCT, StartKind.parse("lps"));
        assertEquals(StartKind.TOTAL_DEGREE, StartKind.parse("Total-Degree"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StartSystems.create(StandardSystems.cyclic(5), StartKind.POLYHEDRAL, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("PolyhedralStart.create"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StartKind.parse("magic"));
    }
}
