package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Large finite solutions are solutions, not points at infinity (issue 12: PHCpack's i1 lost 19 of 66 and
 * des22_24 3 of 42, |x| = 1e5 .. 4e11). Systems built from linear factors, so every solution is known exactly:
 * two lines whose leading forms are nearly parallel meet far away (|x| ~ 1 / eps with coefficients of order 1,
 * which no scaling of the coefficients can shrink), and products of factors with roots at 1e4 .. 1e8 mixed with
 * small ones. A system with a genuine solution at infinity keeps it there.
 */
class LargeSolutionsTest {

    private static SolveResult solve(String text, long seed) {
        return Solver.solve(SystemParser.parse(text, "test", Format.PLAIN), SolveOptions.defaults().threads(2).seed(seed));
    }

    /**
     * Exactly the expected solutions, each once, nonsingular, to tol relative to the solution's largest
     * coordinate; every other path at infinity.
     */
    private static void assertSolutions(SolveResult r, List<double[]> expected, String what) {
        assertSolutions(r, expected, what, 1e-9);
    }

    private static void assertSolutions(SolveResult r, List<double[]> expected, String what, double tol) {
        assertEquals(expected.size(), r.nonsingular(), what + ": nonsingular");
        assertEquals(0, r.singular() + r.failed() + r.positiveDimensional(), what + ": singular, failed or on a component");
        assertEquals(r.paths() - expected.size(), r.atInfinity(), what + ": at infinity");
        for (double[] e : expected) {
            long found = r.solutions().stream().filter(s -> close(s.interleaved(), e, tol)).count();
            assertEquals(1, found, what + ": solution " + Arrays.toString(e));
        }
    }

    /** |a - b| <= tol |b| in the max norm; b real, given by its real parts. */
    private static boolean close(double[] a, double[] b, double tol) {
        double scale = 0, dist = 0;
        for (int j = 0; j < b.length; j++) {
            scale = Math.max(scale, Math.abs(b[j]));
            dist = Math.max(dist, Math.hypot(a[2 * j] - b[j], a[2 * j + 1]));
        }
        return dist <= tol * scale;
    }

    static Stream<Arguments> nearlyParallel() {
        List<Arguments> cases = new ArrayList<>();
        // eps a power of two, so 1 + eps and (1 + eps) - 1 are exact doubles and the expected solution is exact
        for (int k : new int[] {14, 20, 27}) {
            for (long seed : new long[] {1, 2, 3}) {
                cases.add(Arguments.of(k, seed));
            }
        }
        return cases.stream();
    }

    /**
     * (x - y - 1)(x + y - 3) = 0, (x - (1 + eps) y - 2)(x - 2y + 1) = 0: four points where a line of each meets
     * one of the other; the first two lines meet at y = -1 / eps, x = y + 1 (|x| = 1.6e4, 1.0e6, 1.3e8).
     */
    @ParameterizedTest
    @MethodSource("nearlyParallel")
    void nearlyParallelLinesMeetFarAway(int k, long seed) {
        double eps = Math.scalb(1.0, -k);
        double c = 1 + eps;
        String text = "(x - y - 1)*(x + y - 3)\n(x - " + c + "*y - 2)*(x - 2*y + 1)";
        List<double[]> expected = new ArrayList<>();
        double[][] first = {{1, -1, 1}, {1, 1, 3}};           // a x + b y = r
        double[][] second = {{1, -c, 2}, {1, -2, -1}};
        for (double[] p : first) {
            for (double[] q : second) {
                expected.add(intersect(p, q));
            }
        }
        assertEquals(-1 / eps, expected.get(0)[1], 0, "the far point, exactly");
        // the far point is sensitive to the coefficients' rounding by 1 / eps: 2^-52 / eps relative
        assertSolutions(solve(text, seed), expected, "eps = 2^-" + k + ", seed " + seed, 1e-9 + 100 * 0x1p-52 / eps);
    }

    /** a1 x + b1 y = r1, a2 x + b2 y = r2 (Cramer, with the far case's difference b2 - b1 exact). */
    private static double[] intersect(double[] p, double[] q) {
        double det = p[0] * q[1] - p[1] * q[0];
        return new double[] {(p[2] * q[1] - p[1] * q[2]) / det, (p[0] * q[2] - p[2] * q[0]) / det};
    }

    static Stream<Arguments> factorRoots() {
        return Stream.of(
                Arguments.of(1e4, 1e6, 1L), Arguments.of(1e6, 1e8, 2L), Arguments.of(1e8, 3e6, 3L),
                Arguments.of(-3e5, 7e7, 4L), Arguments.of(1e8, -1e8, 5L));
    }

    /**
     * u = x + y and v = x - 2y with (u - 1)(u - R1) = 0 and (v - 1/2)(v - R2) = 0: four solutions, the roots
     * R1, R2 at 1e4 .. 1e8 beside small ones, in unknowns that mix them (so no scaling of x and y separates the
     * sizes); and the same after multiplying the equations by 1e-5 and 1e7. (One small root per factor: two
     * would put two solutions 1 apart at |x| = R, a cluster of relative width 1 / R; so would R1 and R2 of
     * very different sizes, whose two far solutions are |R2| apart at |x| = |R1|: such clusters are not resolved.)
     */
    @ParameterizedTest
    @MethodSource("factorRoots")
    void productsOfLinearFactorsWithLargeRoots(double r1, double r2, long seed) {
        double[] us = {1, r1};
        double[] vs = {0.5, r2};
        List<double[]> expected = new ArrayList<>();
        for (double u : us) {
            for (double v : vs) {
                double y = (u - v) / 3;
                expected.add(new double[] {u - y, y});
            }
        }
        String f = "(x + y - 1)*(x + y - " + r1 + ")";
        String g = "(x - 2*y - 0.5)*(x - 2*y - " + r2 + ")";
        String what = "R = " + r1 + ", " + r2 + ", seed " + seed;
        assertSolutions(solve(f + "\n" + g, seed), expected, what);
        assertSolutions(solve("1e-5*" + f + "\n1e7*" + g, seed + 10), expected, what + ", equations rescaled");
    }

    /**
     * The guard: where the two lines are exactly parallel their point is at infinity, and must stay there (from
     * that path's endpoint Newton runs off towards the finite solutions, which it must not be taken for).
     */
    @Test
    void parallelLinesStillMeetAtInfinity() {
        for (long seed = 1; seed <= 3; seed++) {
            SolveResult r = solve("(x - y - 1)*(x + y - 3)\n(x - y - 2)*(x - 2*y + 1)", seed);
            List<double[]> expected = List.of(new double[] {2.5, 0.5}, new double[] {3, 2},
                    new double[] {5.0 / 3, 4.0 / 3});
            assertSolutions(r, expected, "seed " + seed);
            assertEquals(1, r.atInfinity());
        }
    }

    @Test
    void regularZeroNearIsTheZeroAtTheEndpointOrNothing() {
        PolynomialSystem system = SystemParser.parse("(x - y - 1)*(x + y - 3)\n(x - 1.0000009536743164*y - 2)*(x - 2*y + 1)",
                "test", Format.PLAIN);
        Refiner refiner = new Refiner(CompiledSystem.compile(system),
                Refiner.absolute(system.equations(), system.variableCount()), EndpointOptions.DEFAULT);
        double y = -1 / Math.scalb(1.0, -20);
        // the far solution, perturbed by 1e-7 relative: found and polished
        double[] near = {(y + 1) * (1 + 1e-7), 0, y * (1 - 1e-7), 1e-7 * Math.abs(y)};
        double[] z = LargeSolutions.regularZeroNear(refiner, near, EndpointOptions.DEFAULT.largeMove());
        assertNotNull(z);
        assertTrue(close(z, new double[] {y + 1, y}, 100 * 0x1p-52 * Math.abs(y)), Arrays.toString(z));
        // a point twice as far along the same direction: Newton moves it by |x| or more, so no zero near it
        assertNull(LargeSolutions.regularZeroNear(refiner, new double[] {2 * (y + 1), 0, 2 * y, 0}, EndpointOptions.DEFAULT.largeMove()));
        // far out along the direction of the parallel lines x = y (a direction at infinity of the first factors)
        assertNull(LargeSolutions.regularZeroNear(refiner, new double[] {1e12, 0, 1e12, 0}, EndpointOptions.DEFAULT.largeMove()));
    }
}
