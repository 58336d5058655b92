package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Systems shaped like PHCpack's discret3s (a discretized integral equation): x_i (b_i - r_i sum_j x_j / (i + j + 2))
 * = c_i, i = 0..6, with b, c, r drawn per row. The Hilbert-like coupling puts some of the 2^7 = 128 solutions at
 * |x| = 1e3 .. 1e5 with condition numbers 1e7 .. 1e11, some in pairs a few percent of |x| apart. Before, on most
 * instances and seeds 1-3 one to four of them were lost: called at infinity (Newton's corrections stall at 1e-7,
 * above 1e-8, at a zero of condition 3e10) or merged by the Cauchy endgame into a "singular" centroid of a pair
 * (Newton needs 15 steps from there). Now every one is found, on every seed, and nothing else.
 */
class DiscretizationSystemsTest {

    static PolynomialSystem discretization(long instance, int n) {
        SplittableRandom r = new SplittableRandom(instance);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("x" + i);
        }
        List<Polynomial> equations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Polynomial factor = Polynomial.constant(3.5 + r.nextDouble());
            double row = 0.8 + 0.4 * r.nextDouble();
            for (int j = 0; j < n; j++) {
                factor = factor.add(Polynomial.variable(j).scale(-0.5 * row / (i + j + 2)));
            }
            equations.add(Polynomial.variable(i).multiply(factor).add(Polynomial.constant(-4 - 0.5 * r.nextDouble())));
        }
        return new PolynomialSystem(names, equations);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4, 6})
    void everySolutionOnEverySeed(long instance) {
        PolynomialSystem system = discretization(instance, 7);
        for (long seed = 1; seed <= 3; seed++) {
            SolveResult r = Solver.solve(system, SolveOptions.defaults().seed(seed).threads(2));
            String what = "instance " + instance + ", seed " + seed;
            assertEquals(128, r.nonsingular(), what);
            assertEquals(0, r.singular() + r.atInfinity() + r.failed(), what);
            double largest = 0, worst = 0;
            for (Solution s : r.solutions()) {
                largest = Math.max(largest, Refiner.maxAbs(s.interleaved()));
                worst = Math.max(worst, s.condition());
            }
            // the class is the hard one: large, ill-conditioned solutions
            assertTrue(largest > 1e3 && worst > 1e7, what + ": largest |x| " + largest + ", condition " + worst);
        }
    }
}
