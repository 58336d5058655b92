package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Coefficients spanning many orders of magnitude (issue 12): the solutions of a system rescaled by powers of 10
 * are the rescaled solutions, whatever the power, and nothing false is reported on the way.
 */
class BadlyScaledSystemsTest {

    private static SolveResult solve(String text, long seed) {
        return Solver.solve(SystemParser.parse(text, "test", Format.PLAIN), SolveOptions.defaults().threads(2).seed(seed));
    }

    /** Every solution is real, nonsingular, and one of the expected points (each once). */
    private static void assertSolutions(SolveResult r, double[][] expected) {
        assertEquals(expected.length, r.nonsingular(), "nonsingular");
        assertEquals(0, r.singular(), "singular");
        assertEquals(0, r.failed() + r.positiveDimensional(), "paths failed or on a component");
        // each solution takes one path; the rest (as many as the start system has beyond the solution count)
        // end at infinity, which the leading-forms test has confirmed
        assertEquals(r.paths() - expected.length, r.atInfinity(), "paths at infinity");
        boolean[] used = new boolean[expected.length];
        for (Solution s : r.solutions()) {
            double[] x = s.interleaved();
            int match = -1;
            for (int k = 0; k < expected.length; k++) {
                boolean near = true;
                for (int j = 0; j < expected[k].length; j++) {
                    near &= Math.abs(x[2 * j] - expected[k][j]) <= 1e-10 * Math.abs(expected[k][j])
                            && Math.abs(x[2 * j + 1]) <= 1e-10 * Math.abs(expected[k][j]);
                }
                if (near && !used[k]) {
                    match = k;
                }
            }
            assertTrue(match >= 0, "unexpected solution " + java.util.Arrays.toString(x));
            used[match] = true;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {42, 1, 2})
    void issueCaseTwoScaledSquares(long seed) {
        // was: a "singular, multiplicity 2" solution with residual 1.0, two real roots missing, failed 0
        double r = 1e-6;
        assertSolutions(solve("1e12*x^2 - 1\n1e12*y^2 - 1", seed),
                new double[][] {{r, r}, {r, -r}, {-r, r}, {-r, -r}});
    }

    @ParameterizedTest
    @ValueSource(longs = {42, 1, 2})
    void issueCaseMixedScales(long seed) {
        assertSolutions(solve("1e30*x^2 - 1\ny - 1", seed), new double[][] {{1e-15, 1}, {-1e-15, 1}});
    }

    @ParameterizedTest
    @ValueSource(longs = {42, 1, 2})
    void issueCaseNearTheTopOfTheDoubleRange(long seed) {
        // was: all 4 paths "at infinity"
        double r = 1e-150;
        assertSolutions(solve("1e300*x^2 - 1\n1e300*y^2 - 1", seed),
                new double[][] {{r, r}, {r, -r}, {-r, r}, {-r, -r}});
    }

    @Test
    void hugeSolutionsToo() {
        // the same the other way round: roots 1e100
        double r = 1e100;
        assertSolutions(solve("1e-200*x^2 - 1\nx*y - 1e200", 3), new double[][] {{r, r}, {-r, -r}});
    }

    /**
     * The class: a random system with 8 known nonsingular solutions (three quadrics in three unknowns), then
     * the same system with equation i multiplied by 10^(e_i) and x_j = 10^(k_j) y_j, for k spread over the
     * double range: its solutions must be exactly the unscaled ones divided by 10^(k_j), all found.
     */
    @Test
    void rescaledRandomSystemsGiveTheRescaledSolutions() {
        SplittableRandom rnd = new SplittableRandom(12);
        PolynomialSystem base = randomQuadrics(3, rnd);
        SolveResult reference = Solver.solve(base, SolveOptions.defaults().threads(2).seed(1));
        assertEquals(8, reference.nonsingular());
        int[] decades = {-140, -90, -40, -12, -5, 5, 12, 40, 90, 140};
        for (int trial = 0; trial < decades.length; trial++) {
            int[] k = new int[3];
            int[] e = new int[3];
            for (int j = 0; j < 3; j++) {
                k[j] = j == 0 ? decades[trial] : rnd.nextInt(-decades.length, decades.length + 1) * 3;
                e[j] = rnd.nextInt(-20, 21);
            }
            PolynomialSystem scaled = rescale(base, e, k);
            SolveResult r = Solver.solve(scaled, SolveOptions.defaults().threads(2).seed(2 + trial));
            String what = "e = " + java.util.Arrays.toString(e) + ", k = " + java.util.Arrays.toString(k);
            assertEquals(8, r.nonsingular(), what);
            assertEquals(0, r.singular() + r.failed() + r.atInfinity(), what);
            for (Solution s : reference.solutions()) {
                double[] x = s.interleaved();
                double[] y = new double[6];
                for (int j = 0; j < 3; j++) {
                    y[2 * j] = x[2 * j] / Math.pow(10, k[j]);
                    y[2 * j + 1] = x[2 * j + 1] / Math.pow(10, k[j]);
                }
                assertTrue(r.solutions().stream().anyMatch(t -> close(t.interleaved(), y, 1e-8)),
                        what + ": missing the image of " + java.util.Arrays.toString(x));
            }
        }
    }

    /** Componentwise relative closeness (each coordinate against its own modulus). */
    private static boolean close(double[] a, double[] b, double tol) {
        for (int j = 0; j < a.length / 2; j++) {
            double m = Math.hypot(b[2 * j], b[2 * j + 1]);
            if (Math.hypot(a[2 * j] - b[2 * j], a[2 * j + 1] - b[2 * j + 1]) > tol * m) {
                return false;
            }
        }
        return true;
    }

    private static PolynomialSystem randomQuadrics(int n, SplittableRandom rnd) {
        List<Polynomial> eqs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            names.add("x" + j);
        }
        for (int i = 0; i < n; i++) {
            List<Polynomial> terms = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    int[] ex = new int[n];
                    ex[a]++;
                    ex[b]++;
                    terms.add(Polynomial.monomial(rnd.nextGaussian(), rnd.nextGaussian(), ex));
                }
                int[] ex = new int[n];
                ex[a] = 1;
                terms.add(Polynomial.monomial(rnd.nextGaussian(), rnd.nextGaussian(), ex));
            }
            terms.add(Polynomial.monomial(rnd.nextGaussian(), rnd.nextGaussian(), new int[n]));
            eqs.add(Polynomial.sum(terms));
        }
        return new PolynomialSystem(names, eqs);
    }

    /** 10^(e_i) f_i(10^k y): every coefficient c of x^a becomes c 10^(e_i + a.k). */
    private static PolynomialSystem rescale(PolynomialSystem s, int[] e, int[] k) {
        int n = s.variableCount();
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Polynomial p = s.equation(i);
            List<Polynomial> terms = new ArrayList<>();
            for (int t = 0; t < p.termCount(); t++) {
                int[] a = p.exponents(t, n);
                int power = e[i];
                for (int j = 0; j < n; j++) {
                    power += a[j] * k[j];
                }
                double f = Double.parseDouble("1e" + power);
                terms.add(Polynomial.monomial(p.re(t) * f, p.im(t) * f, a));
            }
            eqs.add(Polynomial.sum(terms));
        }
        return new PolynomialSystem(s.variables(), eqs);
    }

    @Test
    void wellScaledSystemsAreSolvedAsGiven() {
        for (PolynomialSystem s : List.of(StandardSystems.katsura(6), StandardSystems.cyclic(6), StandardSystems.eco(8),
                StandardSystems.noon(5), StandardSystems.reimer(5), StandardSystems.chandra(6))) {
            assertFalse(SystemScaling.of(s).applies(), s.toString());
        }
    }

    @Test
    void scalingExponentsAreThePowersOfTwoThatBalanceTheCoefficients() {
        SystemScaling s = SystemScaling.of(SystemParser.parse("1e12*x^2 - 1\ny - 1", "t", Format.PLAIN));
        assertTrue(s.applies());
        // x = 2^d y with 2^(2d) 1e12 ~ 1: d = round(-log2(1e12) / 2) = -20; y needs nothing. Spread: +-6 decades
        // about the mean in the first equation, 0 in the second: sqrt(2 * 36 / 4)
        assertEquals(-20, s.variableExponents()[0]);
        assertEquals(0, s.variableExponents()[1]);
        assertTrue(s.spreadAfter() < 0.2 && s.spreadBefore() > 4, s.spreadBefore() + " -> " + s.spreadAfter());
    }
}
