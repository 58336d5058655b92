package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;

/**
 * Paths of a parameter homotopy that end on a positive-dimensional set at infinity, where the Jacobian's condition
 * number explodes long before s = 0 and the tracker stalls (the fate of a third of the paths to the LPS k = 2 block):
 * they are called at infinity within a bounded number of steps, not failed and not tracked ever closer, and every
 * finite solution is still found, large ones included.
 *
 * <p>The class: chains in n unknowns with a parameter a,
 * <pre>
 *   a x_1^3 + b (x_1 - r_1)(x_1 - r_2) = 0,    x_(k+1) - p_k x_k x_1 - q_k = 0  (k = 1 .. n - 1),
 * </pre>
 * with random dyadic b, r_i, p_k, q_k from the seed. At a generic a there are 3 solutions (the cubic's roots, each
 * with its chain); at a = 0 exactly two, x_1 = r_1 or r_2 with x_(k+1) = p_k x_k x_1 + q_k (computed here: the oracle),
 * |x| up to 1e5 at n = 10. The third root x_1 ~ -b / a escapes with x_k ~ a^-k: x_0 / |x| ~ s^n, and the path ends on
 * {x_1 = 0} at infinity (every F_i(x, 0) has the factor x_1, or vanishes), of dimension n - 2. Before the stall rule
 * ({@code Endgame.stalledDivergence}) four of these nine cases took 1857 to 3822 steps on that path and one (n = 10,
 * seed 3) failed it after the conservative retry; now it takes 371 to 610 steps.
 */
class StalledDivergenceTest {

    /** Steps (accepted and rejected, the reported attempt) the path to infinity may take: a count, not a time. */
    private static final int MAX_STEPS_TO_INFINITY = 1500;

    @ParameterizedTest(name = "n = {0}, seed {1}")
    @CsvSource({"8,1", "8,2", "8,3", "9,1", "9,2", "9,3", "10,1", "10,2", "10,3"})
    void pathsToAPositiveDimensionalSetAtInfinityAreCalledThereQuickly(int n, long seed) {
        Chain c = new Chain(n, seed);
        ParameterizedSystem f = ParameterizedSystem.of(SystemParser.parse(c.text, "chain", Format.PLAIN), "a");
        try (ParameterSolver ps = new ParameterSolver(f, SolveOptions.defaults().seed(seed).threads(2))) {
            ParameterSolver.Generic g = ps.solveGeneric();
            assertEquals(3, g.solutions().size(), "generic member");
            SolveResult r = ps.track(g.parameters(), g.solutions(), new double[] {0, 0});
            assertEquals(0, r.failed(), "failed paths");
            assertEquals(1, r.atInfinity(), "paths at infinity");
            assertEquals(2, r.nonsingular(), "finite solutions");
            for (double[] x : c.solutions()) {
                assertTrue(found(r.solutions(), x), "solution with x_1 = " + x[0] + " not found");
            }
            for (PathResult p : r.pathResults()) {
                if (p.status() == PathStatus.AT_INFINITY) {
                    int steps = p.acceptedSteps() + p.rejectedSteps();
                    assertTrue(steps <= MAX_STEPS_TO_INFINITY, "path to infinity took " + steps + " steps");
                }
            }
        }
    }

    private static boolean found(List<Solution> solutions, double[] x) {
        for (Solution s : solutions) {
            double[] y = s.interleaved();
            double d = 0;
            double size = 1;
            for (int k = 0; k < x.length; k++) {
                d = Math.max(d, Math.hypot(y[2 * k] - x[k], y[2 * k + 1]));
                size = Math.max(size, Math.abs(x[k]));
            }
            if (d <= 1e-8 * size) {
                return true;
            }
        }
        return false;
    }

    /** One member of the class, its text and its two finite solutions at a = 0 (real). */
    private static final class Chain {
        final String text;
        final double r1, r2;
        final double[] p, q;

        Chain(int n, long seed) {
            SplittableRandom g = new SplittableRandom(seed);
            // dyadic coefficients: exact in the text and in the oracle's arithmetic
            double b = g.nextInt(8, 33) / 16.0;
            r1 = g.nextInt(-128, 129) / 64.0;
            double r;
            do {
                r = g.nextInt(-128, 129) / 64.0;
            } while (Math.abs(r - r1) < 0.25);
            r2 = r;
            p = new double[n];
            q = new double[n];
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "a*x1^3 + %s*(x1 - %s)*(x1 - %s);%n", b, r1, r2));
            for (int k = 1; k < n; k++) {
                p[k] = g.nextInt(8, 33) / 16.0;
                q[k] = g.nextInt(-16, 17) / 16.0;
                sb.append(String.format(Locale.ROOT, "x%d - %s*x%d*x1 - %s;%n", k + 1, p[k], k, q[k]));
            }
            text = sb.toString();
        }

        List<double[]> solutions() {
            List<double[]> out = new ArrayList<>();
            for (double x1 : new double[] {r1, r2}) {
                double[] x = new double[p.length];
                x[0] = x1;
                for (int k = 1; k < x.length; k++) {
                    x[k] = p[k] * x[k - 1] * x1 + q[k];
                }
                out.add(x);
            }
            return out;
        }
    }
}
