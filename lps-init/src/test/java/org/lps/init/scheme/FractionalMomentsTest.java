package org.lps.init.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fractional-moment variances against docs/init-schemes.md's tables, limits and a Monte Carlo. */
class FractionalMomentsTest {

    /** docs/init-schemes.md's table of d sigma^2 for relu, every entry to its printed digits (5 decimals). */
    @ParameterizedTest(name = "relu d={0} s={1}: d sigma^2 = {2}")
    @CsvSource({
            "10, 0.5, 2.47985", "10, 0.8, 2.35665", "10, 1.0, 2.28463", "10, 1.5, 2.12934", "10, 2.0, 2",
            "64, 0.5, 2.06055", "64, 0.8, 2.04805", "64, 1.0, 2.03982", "64, 1.5, 2.01965", "64, 2.0, 2",
            "256, 0.5, 2.01477", "256, 0.8, 2.01179", "256, 1.0, 2.00981", "256, 1.5, 2.00489", "256, 2.0, 2"})
    void reluTable(int d, double s, double dSigma2) {
        assertEquals(dSigma2, d * FractionalMoments.relu(d, s), 5e-6);
    }

    @Test
    void orderTwoIsHe() {
        for (int d : new int[] {1, 2, 7, 64, 1000}) {
            assertEquals(2.0 / d, FractionalMoments.relu(d, 2), 1e-12 / d);
            assertEquals(1.0 / d, FractionalMoments.linear(d, 2), 1e-12 / d);
            assertEquals(2 / (1.25 * d), FractionalMoments.leaky(0.5, d, 2), 1e-15 / d);
            // and continuously: s -> 2 approaches He
            assertEquals(2.0 / d, FractionalMoments.relu(d, 2 - 1e-7), 1e-6 / d);
            assertEquals(2 / (1.25 * d), FractionalMoments.leaky(0.5, d, 2 - 1e-7), 1e-6 / d);
        }
    }

    /** docs/init-schemes.md: linear, d = 64: d sigma^2 = 1.01182 (s = 0.5), 1.00784 (1), 1.00390 (1.5). */
    @ParameterizedTest
    @CsvSource({"0.5, 1.01182", "1.0, 1.00784", "1.5, 1.00390"})
    void linearWidth64(double s, double dSigma2) {
        assertEquals(dSigma2, 64 * FractionalMoments.linear(64, s), 5e-6);
    }

    /**
     * The Laplace-transform integral against two exact closed forms: slope 0 is relu (the Gamma-Binomial
     * sum) and slope 1 is linear (chi-square), at several widths and orders.
     */
    @ParameterizedTest
    @CsvSource({"1, 0.5", "3, 0.3", "10, 1.0", "10, 0.8", "64, 1.5", "256, 0.5", "64, 1.99"})
    void integralMatchesTheClosedForms(int d, double s) {
        double relu = FractionalMoments.relu(d, s);
        assertEquals(relu, FractionalMoments.leaky(0, d, s), 1e-11 * relu);
        double linear = FractionalMoments.linear(d, s);
        assertEquals(linear, FractionalMoments.leaky(1, d, s), 1e-11 * linear);
        // a narrow uniform slope law is the fixed slope in the limit
        double fixed = FractionalMoments.leaky(0.3, d, s);
        assertEquals(fixed, FractionalMoments.randomizedLeaky(0.3 - 1e-5, 0.3 + 1e-5, d, s), 1e-9 * fixed);
    }

    /**
     * docs/init-schemes.md's example, d = 64, s = 1, a = 0.5: exact 2.53010e-2, the large-d expansion
     * 2.53008e-2; and the expansion's error shrinks like 1/d^3 relative to 1/d.
     */
    @Test
    void leakyExactVersusExpansion() {
        assertEquals(2.53010e-2, FractionalMoments.leaky(0.5, 64, 1), 5e-8);
        assertEquals(2.53008e-2, FractionalMoments.leakyExpansion(0.5, 64, 1), 5e-8);
        double prev = Double.NaN;
        for (int d : new int[] {16, 32, 64, 128, 256}) {
            double exact = FractionalMoments.leaky(0.2, d, 0.7);
            double err = Math.abs(FractionalMoments.leakyExpansion(0.2, d, 0.7) - exact) * d;
            // d sigma^2 has a 1/d^2 error term: halving it per doubling of d by a factor near 4
            if (!Double.isNaN(prev)) {
                assertTrue(err < prev / 3, "expansion error at d=" + d + ": " + err + " vs " + prev);
            }
            prev = err;
        }
        // relu and linear: the expansion of the authors' frac_init.py
        assertEquals(2.0 / 64 + 5 * (2 - 0.8) / (2.0 * 64 * 64), FractionalMoments.leakyExpansion(0, 64, 0.8), 1e-15);
        assertEquals(1.0 / 64 + (2 - 0.8) / (2.0 * 64 * 64), FractionalMoments.leakyExpansion(1, 64, 0.8), 1e-15);
    }

    /**
     * E[R^p] by the integral against a Monte Carlo mean of R^p, R = sum phi(Z_i)^2, for leaky and
     * randomized leaky relu at a small width, where the large-d expansion says nothing; the tolerance is 4.5
     * standard errors of the Monte Carlo mean.
     */
    @ParameterizedTest
    @CsvSource({"leaky, 4, 0.5, 0.1, 0.1", "leaky, 2, 0.25, 0.5, 0.5", "randomized, 3, 0.4, 0.125, 0.333", "randomized, 6, 0.75, 0.0, 0.5"})
    void momentAgainstMonteCarlo(String kind, int d, double p, double lo, double hi) {
        FractionalMoments.SlopeLaw law = kind.equals("leaky") ? FractionalMoments.SlopeLaw.fixed(lo) : FractionalMoments.SlopeLaw.uniform(lo, hi);
        SplittableRandom rng = new SplittableRandom(42);
        int n = 400_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (int j = 0; j < d; j++) {
                double z = rng.nextGaussian();
                double a = kind.equals("leaky") ? lo : lo + (hi - lo) * rng.nextDouble();
                double phi = z > 0 ? z : a * z;
                r += phi * phi;
            }
            double v = Math.pow(r, p);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        double exact = FractionalMoments.moment(law, d, p);
        assertEquals(mean, exact, 4.5 * se, "E[R^p] " + kind + " d=" + d + " p=" + p);
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> FractionalMoments.relu(10, 0));
        assertThrows(IllegalArgumentException.class, () -> FractionalMoments.relu(10, 2.5));
        assertThrows(IllegalArgumentException.class, () -> FractionalMoments.linear(0, 1));
        assertThrows(IllegalArgumentException.class, () -> FractionalMoments.randomizedLeaky(0.5, 0.1, 4, 1));
    }
}
