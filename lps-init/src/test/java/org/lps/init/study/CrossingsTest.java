package org.lps.init.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

class CrossingsTest {

    /** A count that steps by +-2 at known parameters: +2 at 0.05, -2 at 0.2, +2 at 0.6, -4 at 0.603. */
    private static int count(double x) {
        int c = 3;
        c += x >= 0.05 ? 2 : 0;
        c -= x >= 0.2 ? 2 : 0;
        c += x >= 0.6 ? 2 : 0;
        c -= x >= 0.603 ? 4 : 0;
        return c;
    }

    private static double[] grid(int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = 1e-3 * Math.pow(1000, i / (n - 1.0));
        }
        return g;
    }

    @Test
    void separatesEveryChangeAndBracketsItWithinTheTolerance() {
        double[] g = grid(11);   // ratio 2 between grid points: 0.6 and 0.603 share the interval [0.50, 1]
        List<Integer> values = new ArrayList<>();
        for (double x : g) {
            values.add(count(x));
        }
        int[] calls = {0};
        DoubleFunction<Integer> eval = x -> {
            calls[0]++;
            return count(x);
        };
        List<Crossings.Event<Integer>> events = Crossings.find(g, values, eval, Integer::intValue, 1e-8);
        double[] at = {0.05, 0.2, 0.6, 0.603};
        int[][] counts = {{3, 5}, {5, 3}, {3, 5}, {5, 1}};
        assertEquals(4, events.size(), events.toString());
        int spent = 0;
        for (int i = 0; i < 4; i++) {
            Crossings.Event<Integer> e = events.get(i);
            assertTrue(e.low() < at[i] && at[i] <= e.high(), e + " brackets " + at[i]);
            assertTrue(e.high() / e.low() - 1 <= 1e-8, e.toString());
            assertEquals(at[i], e.at(), 1e-8 * at[i]);
            assertEquals(counts[i][0], e.below());
            assertEquals(counts[i][1], e.above());
            spent += e.evaluations();
        }
        assertEquals(calls[0], spent, "every evaluation is charged to one event");
    }

    @Test
    void withoutRefinementTheGridIntervalIsTheBracket() {
        double[] g = grid(11);
        List<Integer> values = new ArrayList<>();
        for (double x : g) {
            values.add(count(x));
        }
        List<Crossings.Event<Integer>> events = Crossings.find(g, values, x -> {
            throw new AssertionError("no evaluation without refinement");
        }, Integer::intValue, Double.POSITIVE_INFINITY);
        // 0.6 and 0.603 fall in one grid interval: one change 3 -> 1 there
        assertEquals(3, events.size(), events.toString());
        assertEquals(3, events.get(2).below());
        assertEquals(1, events.get(2).above());
        assertEquals(0, events.get(2).evaluations());
    }

    @Test
    void aChangeThatComesBackWithinOneIntervalIsNotSeen() {
        // 3 -> 5 -> 3 inside [0.01, 0.3]: equal end counts, nothing to bisect
        List<Crossings.Event<Integer>> events = Crossings.find(new double[] {0.01, 0.3}, List.of(count(0.01), count(0.3)),
                x -> {
                    throw new AssertionError("equal end counts need no evaluation");
                }, Integer::intValue, 1e-6);
        assertEquals(0, events.size());
    }

    @Test
    void rejectsBadGrids() {
        assertThrows(IllegalArgumentException.class, () -> Crossings.find(new double[] {0.2, 0.1}, List.of(1, 2),
                CrossingsTest::count, Integer::intValue, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> Crossings.find(new double[] {0, 0.1}, List.of(1, 2),
                CrossingsTest::count, Integer::intValue, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> Crossings.find(new double[] {0.1, 0.2}, List.of(1),
                CrossingsTest::count, Integer::intValue, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> Crossings.find(new double[] {0.1, 0.2}, List.of(1, 2),
                CrossingsTest::count, Integer::intValue, 0));
    }
}
