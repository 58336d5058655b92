package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.quadrature.QuadratureRule;

/** The loss polynomial is J of docs/design.md, LPS step 2: checked three independent ways. */
class BlockProblemTest {

    private static final List<BlockSpec> SPECS = List.of(
            BlockSpec.defaults(),
            BlockSpec.defaults().width(2).degree(3),
            BlockSpec.defaults().activation("elu").width(2).degree(3).lambda(1e-3),
            BlockSpec.defaults().activation("tanh").width(3).degree(4).target(Target.ACTIVATION),
            BlockSpec.defaults().activation("relu").width(2).degree(4).target(Target.ACTIVATION)
                    .measure("uniform:-2:2"));

    /**
     * The definition itself: E_t[(B(t) - g(t))^2] + ridge, integrated with a fine kink-aware Gaussian rule on
     * B evaluated from its definition, against the polynomial (built from Gauss-Hermite with d + 1 nodes and the
     * target's moments).
     */
    @Test
    void lossPolynomialIsTheExpectationOfTheSquaredError() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (BlockSpec spec : SPECS) {
            BlockProblem p = BlockProblem.of(spec);
            ActivationFit fit = p.fit();
            Activation g = spec.activation();
            QuadratureRule fine = new Measure.Gaussian(0, 1).quadrature(0.0);
            for (int trial = 0; trial < 5; trial++) {
                double[] theta = random(rnd, p.unknowns(), 1.5);
                int k = spec.width();
                double mse = fine.integrate(t -> {
                    double b = theta[LpsBlockSystem.c(k)];
                    for (int j = 0; j < k; j++) {
                        b += theta[LpsBlockSystem.v(j)]
                                * fit.value(theta[LpsBlockSystem.w(j)] * t + theta[LpsBlockSystem.b(j)]);
                    }
                    double target = spec.target() == Target.IDENTITY ? t : g.value(t);
                    return (b - target) * (b - target);
                });
                double ridge = 0;
                for (int i = 0; i < 3 * k; i++) {
                    ridge += theta[i] * theta[i];
                }
                double expected = mse + spec.lambda() * ridge;
                assertEquals(expected, p.loss(theta), 1e-10 * Math.max(1, expected), spec.toString());
                assertEquals(expected, p.function().value(theta), 1e-10 * Math.max(1, expected), spec.toString());
            }
        }
    }

    /** grad J three ways: the polynomial system, the direct formulas, central differences of J. */
    @Test
    void gradientSystemIsTheGradientOfTheLoss() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (BlockSpec spec : SPECS) {
            BlockProblem p = BlockProblem.of(spec);
            BlockFunction f = p.function();
            for (int trial = 0; trial < 5; trial++) {
                double[] theta = random(rnd, p.unknowns(), 1.0);
                double[] fromSystem = p.gradient(theta);
                double[] direct = new double[p.unknowns()];
                f.evaluate(theta, direct);
                for (int i = 0; i < theta.length; i++) {
                    double h = 1e-6;
                    double[] up = theta.clone();
                    double[] down = theta.clone();
                    up[i] += h;
                    down[i] -= h;
                    double fd = (f.value(up) - f.value(down)) / (2 * h);
                    double scale = Math.max(1, Math.abs(direct[i]));
                    assertEquals(direct[i], fromSystem[i], 1e-10 * scale, spec + " dJ/d" + p.variableNames().get(i));
                    assertEquals(direct[i], fd, 1e-6 * scale, spec + " dJ/d" + p.variableNames().get(i));
                }
            }
        }
    }

    @Test
    void hessianIsSymmetricAndMatchesDifferencesOfTheGradient() {
        SplittableRandom rnd = new SplittableRandom(5);
        BlockProblem p = BlockProblem.of(BlockSpec.defaults().width(2).degree(3));
        double[] theta = random(rnd, p.unknowns(), 1.0);
        double[][] h = p.hessian(theta);
        for (int j = 0; j < theta.length; j++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            double[] gu = p.gradient(up);
            double[] gd = p.gradient(down);
            for (int i = 0; i < theta.length; i++) {
                assertEquals((gu[i] - gd[i]) / 2e-6, h[i][j], 1e-5 * Math.max(1, Math.abs(h[i][j])));
                assertEquals(h[j][i], h[i][j], 0);
            }
        }
    }

    @Test
    void reluFitsOfDegreeThreeAreItsDegreeTwoFits() {
        ActivationFit relu3 = ActivationFit.of(Activation.relu(), 3, new Measure.Gaussian(0, 1));
        assertEquals(2, relu3.effectiveDegree());
        assertEquals(0.0, relu3.coefficients()[3]);
        // gelu - x/2 is even: its cubic coefficient is zero exactly, not the fit's -1e-17 rounding noise
        ActivationFit gelu3 = ActivationFit.of(Activation.gelu(), 3, new Measure.Gaussian(0, 1));
        assertEquals(0.0, gelu3.coefficients()[3]);
        assertTrue(ActivationFit.of(Activation.tanh(), 3, new Measure.Gaussian(0, 1)).isOdd());
        ActivationFit relu2 = ActivationFit.of(Activation.relu(), 2, new Measure.Gaussian(0, 1));
        double c = 1 / Math.sqrt(2 * Math.PI);
        assertEquals(c / 2, relu2.coefficients()[0], 1e-15);
        assertEquals(0.5, relu2.coefficients()[1], 1e-15);
        assertEquals(c / 2, relu2.coefficients()[2], 1e-15);
    }

    @Test
    void badSpecsAreRefusedWithAClearMessage() {
        assertEquals("LPS ridge weight lambda must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> BlockSpec.defaults().lambda(0)).getMessage());
        assertEquals("LPS block width k must be between 1 and 8, got 0",
                assertThrows(IllegalArgumentException.class, () -> BlockSpec.defaults().width(0)).getMessage());
        assertEquals("LPS degree must be between 1 and 8, got 9",
                assertThrows(IllegalArgumentException.class, () -> BlockSpec.defaults().degree(9)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlockSpec.defaults().activation("swoosh"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("square"));
    }

    @Test
    void specsAreEqualByValue() {
        assertEquals(BlockSpec.defaults(), BlockSpec.defaults().activation("relu").lambda(0.1));
        assertEquals(BlockSpec.defaults().hashCode(), BlockSpec.defaults().measure("gaussian:0:1").hashCode());
        assertTrue(!BlockSpec.defaults().equals(BlockSpec.defaults().lambda(0.01)));
    }

    static double[] random(SplittableRandom rnd, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * rnd.nextGaussian();
        }
        return x;
    }
}
