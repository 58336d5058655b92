package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.start.StartKind;

/**
 * High-degree systems (issue 12): x^d - c has its d roots c^(1/d) e^(2 pi i k / d), all nonsingular, and
 * nothing at infinity (a monic polynomial's leading form x^d has no zero in projective space). Was: x^100 - 1
 * 99 found + 1 "at infinity"; x^1000 - 1 266 found, 66 at infinity, 668 failed.
 */
class HighDegreeTest {

    static Stream<Arguments> rootsOfC() {
        return Stream.of(
                Arguments.of(50, 1.0, 0.0, 1L), Arguments.of(100, 1.0, 0.0, 42L), Arguments.of(100, 1.0, 0.0, 7L),
                Arguments.of(100, -3.0, 4.0, 1L), Arguments.of(200, 1.0, 0.0, 42L), Arguments.of(200, 1e-3, 0.0, 2L),
                Arguments.of(333, 0.5, -0.5, 3L), Arguments.of(500, 2.0, 0.0, 4L), Arguments.of(1000, 1.0, 0.0, 42L));
    }

    private static PolynomialSystem univariate(Polynomial p) {
        return new PolynomialSystem(List.of("x"), List.of(p));
    }

    @ParameterizedTest(name = "x^{0} - ({1} + {2} i), seed {3}")
    @MethodSource("rootsOfC")
    void allRootsOfXToTheDMinusC(int d, double cRe, double cIm, long seed) {
        Polynomial p = Polynomial.monomial(1, 0, d).subtract(Polynomial.constant(cRe, cIm));
        SolveResult r = Solver.solve(univariate(p), SolveOptions.defaults().threads(2).seed(seed)
                .start(StartKind.TOTAL_DEGREE));
        assertEquals(d, r.nonsingular(), "nonsingular");
        assertEquals(0, r.singular() + r.atInfinity() + r.failed() + r.positiveDimensional(), "other paths");
        // each analytic root found once: the solutions are distinct (the classification merges equal ones), so
        // it suffices that every solution is within rounding of some root
        Complex c = new Complex(cRe, cIm);
        double modulus = Math.pow(c.norm(), 1.0 / d);
        double arg = c.getArgument();
        for (Solution s : r.solutions()) {
            Complex x = s.coordinate(0);
            double k = (x.getArgument() * d - arg) / (2 * Math.PI);
            long nearest = Math.round(k);
            Complex root = Complex.valueOf(modulus, 0).multiply(
                    new Complex(0, (arg + 2 * Math.PI * nearest) / d).exp());
            assertTrue(x.subtract(root).norm() <= 1e-10 * modulus, "x = " + x + " vs " + root);
        }
    }

    /** A product of linear factors: 24 well-separated roots on two circles, all nonsingular, each where it should be. */
    @Test
    void wellSeparatedRoots() {
        List<Complex> roots = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            roots.add(new Complex(0, 2 * Math.PI * k / 12).exp());
            roots.add(new Complex(0, 2 * Math.PI * (k + 0.5) / 12).exp().multiply(1.5));
        }
        assertRootsFound(roots, new long[] {1, 2, 3});
    }

    /** Six roots of unity and a cluster of three roots 1e-2 apart: all nine nonsingular. */
    @Test
    void clusteredRoots() {
        List<Complex> roots = sixthRootsAndACluster();
        assertRootsFound(roots, new long[] {1, 2, 3, 4, 5});
    }

    /**
     * The same cluster on more seeds: whatever a seed's paths do, no point is reported that is not one of the nine
     * roots (the Cauchy endgame used to return the cluster's centroid as a "singular" solution, winding number 3),
     * and every path not at a root is reported failed, with its reason.
     */
    @Test
    void clusterNeverGivesAFalseSolution() {
        List<Complex> roots = sixthRootsAndACluster();
        Polynomial p = withRoots(roots);
        for (long seed = 1; seed <= 12; seed++) {
            SolveResult r = Solver.solve(univariate(p), SolveOptions.defaults().threads(2).seed(seed));
            assertEquals(0, r.singular() + r.atInfinity(), "seed " + seed);
            assertEquals(roots.size(), r.nonsingular() + r.failed(), "seed " + seed);
            for (Solution s : r.solutions()) {
                assertTrue(roots.stream().anyMatch(z -> s.coordinate(0).subtract(z).norm() < 1e-8),
                        "seed " + seed + ": " + s.coordinate(0) + " is no root");
            }
        }
    }

    /** The six sixth roots of unity and three roots 1e-2 apart at 2. */
    private static List<Complex> sixthRootsAndACluster() {
        List<Complex> roots = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            roots.add(new Complex(0, 2 * Math.PI * k / 6).exp());
        }
        roots.add(new Complex(2, 0));
        roots.add(new Complex(2.01, 0));
        roots.add(new Complex(2, 0.01));
        return roots;
    }

    private static Polynomial withRoots(List<Complex> roots) {
        Polynomial p = Polynomial.constant(1);
        for (Complex z : roots) {
            p = p.multiply(Polynomial.variable(0).subtract(Polynomial.constant(z)));
        }
        return p;
    }

    private static void assertRootsFound(List<Complex> roots, long[] seeds) {
        Polynomial p = withRoots(roots);
        for (long seed : seeds) {
            SolveResult r = Solver.solve(univariate(p), SolveOptions.defaults().threads(2).seed(seed));
            assertEquals(roots.size(), r.nonsingular(), "seed " + seed);
            assertEquals(0, r.singular() + r.atInfinity() + r.failed(), "seed " + seed);
            for (Complex z : roots) {
                assertTrue(r.solutions().stream().anyMatch(s -> s.coordinate(0).subtract(z).norm() < 1e-8),
                        "seed " + seed + ": root " + z + " missing");
            }
        }
    }

    /** Two high-degree equations: x^40 - y, y^40 - 2 (1600 = Bezout number: every path a solution). */
    @Test
    void highDegreeBivariate() {
        Polynomial x = Polynomial.variable(0), y = Polynomial.variable(1);
        PolynomialSystem s = new PolynomialSystem(List.of("x", "y"),
                List.of(x.pow(40).subtract(y).scale(1), y.pow(40).subtract(Polynomial.constant(2))));
        SolveResult r = Solver.solve(s, SolveOptions.defaults().threads(2).seed(5).start(StartKind.TOTAL_DEGREE));
        // x^40 - y has degree 40, y^40 - 2 degree 40: 1600 paths, 1600 solutions (x^1600 = 2)
        assertEquals(1600, r.nonsingular());
        assertEquals(0, r.failed() + r.atInfinity());
    }
}
