package org.lps.polyapprox.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.measure.Measure;

/** The closed forms of issue #4 and docs/polyapprox.md, to rounding. */
class ClosedFormTest {

    static final double R2PI = Math.sqrt(2 * Math.PI);
    static final Measure N01 = Measure.standardGaussian();
    static final Measure U11 = Measure.parse("uniform:-1:1");

    /** relu declared only as a Java function with its kink: takes the quadrature path, not the closed form. */
    static final Activation RELU_BY_QUADRATURE = Activation.of("relu-lambda", x -> Math.max(x, 0),
            x -> x > 0 ? 1 : 0, 0.0);

    @Test
    void gaussianReluDegree2() {
        for (Activation relu : new Activation[] {Activation.relu(), RELU_BY_QUADRATURE}) {
            FitResult r = PolyFit.fit(relu, 2, N01, Method.L2);
            // x/2 + (1 + x^2) / (2 sqrt(2 pi))
            assertArrayEquals(new double[] {1 / (2 * R2PI), 0.5, 1 / (2 * R2PI)}, r.coefficients(), 1e-14);
            assertArrayEquals(new double[] {1 / R2PI, 0.5, 1 / (2 * R2PI)}, r.basisCoefficients(), 1e-14);
            assertEquals(0.25 - 3 / (4 * Math.PI), r.l2Error() * r.l2Error(), 1e-13);
            assertEquals(0.10615, r.l2Error(), 5e-6);
        }
    }

    @Test
    void gaussianReluDegree3IsDegree2BecauseC3Vanishes() {
        FitResult r3 = PolyFit.fit(Activation.relu(), 3, N01, Method.L2);
        assertEquals(0.0, r3.coefficients()[3], 1e-16);
        assertEquals(0.25 - 3 / (4 * Math.PI), r3.l2Error() * r3.l2Error(), 1e-13);
    }

    @Test
    void gaussianReluDegree4() {
        for (Activation relu : new Activation[] {Activation.relu(), RELU_BY_QUADRATURE}) {
            FitResult r = PolyFit.fit(relu, 4, N01, Method.L2);
            // x/2 + (9 + 18 x^2 - x^4) / (24 sqrt(2 pi))
            assertArrayEquals(new double[] {9 / (24 * R2PI), 0.5, 18 / (24 * R2PI), 0, -1 / (24 * R2PI)},
                    r.coefficients(), 1e-14);
            assertEquals(0.25 - 37 / (48 * Math.PI), r.l2Error() * r.l2Error(), 1e-13);
        }
    }

    @Test
    void gaussianReluDegree1() {
        FitResult r = PolyFit.fit(Activation.relu(), 1, N01, Method.L2);
        assertEquals(0.25 - 1 / (2 * Math.PI), r.l2Error() * r.l2Error(), 1e-13);
    }

    @Test
    void hermiteCoefficientsOfReluFollowTheSeriesFormula() {
        // c_{2k} = (-1)^{k+1} / (sqrt(2 pi) 2^k k! (2k - 1)), odd ones beyond c_1 vanish
        double[] c = PolyFit.fit(RELU_BY_QUADRATURE, 14, N01, Method.L2).basisCoefficients();
        double[] closed = PolyFit.fit(Activation.relu(), 14, N01, Method.L2).basisCoefficients();
        double kFact = 1;
        for (int k = 1; k <= 7; k++) {
            kFact *= k;
            double expected = (k % 2 == 1 ? 1 : -1) / (R2PI * Math.pow(2, k) * kFact * (2 * k - 1));
            assertEquals(expected, closed[2 * k], 1e-16 + 1e-14 * Math.abs(expected), "c_" + 2 * k);
            assertEquals(expected, c[2 * k], 1e-16 + 1e-13 * Math.abs(expected), "quadrature c_" + 2 * k);
            if (2 * k + 1 <= 14) {
                assertEquals(0.0, closed[2 * k + 1], 1e-16, "c_" + (2 * k + 1));
                assertEquals(0.0, c[2 * k + 1], 1e-15, "quadrature c_" + (2 * k + 1));
            }
        }
    }

    @Test
    void preActivationScalingRule() {
        // p(x) = s p1(x / s): the x coefficient stays, constant * s, x^2 / s, x^4 / s^3
        double[] p1 = PolyFit.fit(Activation.relu(), 4, N01, Method.L2).coefficients();
        for (double s : new double[] {0.3, 2.5}) {
            double[] ps = PolyFit.fit(Activation.relu(), 4, new Measure.Gaussian(0, s), Method.L2).coefficients();
            assertArrayEquals(new double[] {p1[0] * s, p1[1], p1[2] / s, 0, p1[4] / (s * s * s)}, ps, 1e-14);
        }
    }

    @Test
    void closedFormAgreesWithQuadratureForShiftedGaussiansAndLeakyRelu() {
        for (double[] ms : new double[][] {{0, 1}, {0.7, 0.4}, {-1.5, 2.0}, {3, 1}}) {
            Measure m = new Measure.Gaussian(ms[0], ms[1]);
            for (double slope : new double[] {0, 0.01, 0.3}) {
                Activation closed = slope == 0 ? Activation.relu() : Activation.leakyRelu(slope);
                Activation lambda = Activation.of("leaky", x -> x >= 0 ? x : slope * x, x -> x > 0 ? 1 : slope, 0.0);
                double[] a = L2Projection.coefficients(closed, 12, m);
                double[] b = L2Projection.byQuadrature(lambda, 12, m);
                assertArrayEquals(a, b, 1e-13 * ms[1], "measure " + m.spec() + " slope " + slope);
            }
        }
    }

    @Test
    void legendreReluOnMinusOneOne() {
        FitResult r = PolyFit.fit(Activation.relu(), 2, U11, Method.L2);
        assertArrayEquals(new double[] {3.0 / 32, 0.5, 15.0 / 32}, r.coefficients(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.5, 5.0 / 16}, r.basisCoefficients(), 1e-15);
        // integral over [-1, 1] of (relu - q)^2 dx = 1/384; l2Error is the RMS for the probability measure dx/2
        assertEquals(1.0 / 384, 2 * r.l2Error() * r.l2Error(), 1e-15);
        assertEquals(3.0 / 32, r.maxError(), 1e-15);
        assertEquals(0.0, r.maxErrorAt(), 1e-9);
        // on [-A, A]: 3A/32 + x/2 + 15 x^2 / (32 A)
        double a = 2.5;
        assertArrayEquals(new double[] {3 * a / 32, 0.5, 15 / (32 * a)},
                PolyFit.fit(Activation.relu(), 2, new Measure.Uniform(-a, a), Method.L2).coefficients(), 1e-14);
    }

    @Test
    void minimaxQuadraticOfAbs() {
        Activation abs = Activation.of("abs", Math::abs, Math::signum, 0.0);
        FitResult r = PolyFit.fit(abs, 2, U11, Method.MINIMAX);
        assertArrayEquals(new double[] {0.125, 0, 1}, r.coefficients(), 1e-12);
        assertEquals(0.125, r.maxError(), 1e-13);
        // and relu = (x + |x|) / 2 inherits it: x/2 + x^2/2 + 1/16, error 1/16
        FitResult relu = PolyFit.fit(Activation.relu(), 2, U11, Method.MINIMAX);
        assertArrayEquals(new double[] {1.0 / 16, 0.5, 0.5}, relu.coefficients(), 1e-12);
        assertEquals(1.0 / 16, relu.maxError(), 1e-13);
    }

    @Test
    void polynomialsAreReproducedExactlyByEveryMethod() {
        Activation cubic = Activation.of("cubic", x -> 1 - 2 * x + 0.5 * x * x * x, x -> -2 + 1.5 * x * x);
        for (Method method : new Method[] {Method.L2, Method.CHEBYSHEV, Method.MINIMAX}) {
            for (Measure m : new Measure[] {N01, Measure.parse("uniform:-3:2"), Measure.parse("gaussian:1:0.5")}) {
                FitResult r = PolyFit.fit(cubic, 5, m, method);
                assertArrayEquals(new double[] {1, -2, 0, 0.5, 0, 0}, r.coefficients(), 1e-11, method + " " + m.spec());
                assertEquals(0.0, r.maxError(), 1e-11);
            }
        }
    }
}
