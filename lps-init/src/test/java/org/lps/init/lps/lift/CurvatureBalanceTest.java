package org.lps.init.lps.lift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.init.Initializers;
import org.lps.init.diagnostics.HessianNorms;
import org.lps.init.lps.LpsInitializer;
import org.lps.nets.layer.Activations;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

class CurvatureBalanceTest {

    /** H_l (g_{l-1} / g_l)^2 with g_0 = 1: the norm of layer l after the gains. */
    private static double[] balanced(double[] h, double[] g) {
        double[] out = new double[h.length];
        double previous = 1;
        for (int l = 0; l < h.length; l++) {
            out[l] = h[l] * previous * previous / (g[l] * g[l]);
            previous = g[l];
        }
        return out;
    }

    @Test
    void theRecursionEqualizesEveryLayerAtTheGeometricMean() {
        // the MLP 784-256-256-10 at unit gains (lps init --diagnose): 176.4, 113.8, 67.7
        double[] h = {176.4, 113.8, 67.7};
        double[] g = CurvatureBalance.gains(h);
        double mean = Math.cbrt(176.4 * 113.8 * 67.7);
        assertEquals(Math.sqrt(176.4 / mean), g[0], 1e-12);
        assertEquals(g[0] * Math.sqrt(113.8 / mean), g[1], 1e-12);
        assertEquals(1, g[2]);
        for (double x : balanced(h, g)) {
            assertEquals(mean, x, 1e-9 * mean);
        }
        // four layers with a spread of 10^4, as in a CNN whose first conv has 9 inputs
        double[] wide = {2.5, 37.3, 458.6, 20000};
        double geo = Math.pow(2.5 * 37.3 * 458.6 * 20000, 0.25);
        for (double x : balanced(wide, CurvatureBalance.gains(wide))) {
            assertEquals(geo, x, 1e-9 * geo);
        }
    }

    @Test
    void aNetworkBornDeadKeepsUnitGains() {
        // its output does not depend on layer1: nothing to balance (the dying-relu study meets such networks)
        assertArrayEquals(new double[] {1, 1, 1}, CurvatureBalance.gains(new double[] {3, 0, 5}));
    }

    @Test
    void balancedGainsKeepTheFunctionAndEvenOutTheMeasuredCurvature() {
        String arch = "cnn:1x12x12,c4k3,p2,c8k3,p2,d10";
        Model fixed = Architecture.parse(arch, Activations.relu());
        Initializers.parse("lps:design").initialize(fixed, 3);
        Model balanced = Architecture.parse(arch, Activations.relu());
        LpsInitializer lps = (LpsInitializer) Initializers.parse("lps:design:gain=balanced");
        lps.initialize(balanced, 3);

        float[] probe = CurvatureBalance.probe(balanced, InputStatistics.standardized());
        int n = CurvatureBalance.PROBE;
        List<HessianNorms.LayerNorm> before = HessianNorms.gaussNewton(fixed, probe, n);
        List<HessianNorms.LayerNorm> after = HessianNorms.gaussNewton(balanced, probe, n);
        double product = 1;
        double largest = 0;
        for (HessianNorms.LayerNorm x : before) {
            product *= x.frobenius();
            largest = Math.max(largest, x.frobenius());
        }
        double geometric = Math.cbrt(product);
        for (HessianNorms.LayerNorm x : after) {
            assertEquals(geometric, x.frobenius(), 1e-3 * geometric, x.layer());
        }
        // the unit-gain network was unbalanced, so this is not vacuous
        assertTrue(largest > 3 * geometric, "largest " + largest + ", geometric mean " + geometric);

        // the same logits: relu is positively homogeneous and each layer divides by its input's predicted scale
        float[] a = fixed.runner(n).forward(probe, n).clone();
        float[] b = balanced.runner(n).forward(probe, n);
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        assertTrue(diff <= 1e-4 * scale, "max logit difference " + diff + " of " + scale);

        // the report carries the gains: the hidden layers' differ from 1, the output layer's is 1
        List<LayerPrediction> p = lps.predictions();
        assertTrue(Math.abs(p.get(0).gain() - 1) > 0.1, "first gain " + p.get(0).gain());
        assertEquals(1, p.get(p.size() - 1).gain());
    }

    @Test
    void rescalingALiftIsLiftingWithTheGains() {
        String arch = "cnn:1x12x12,c4k3,p2,c8k3,p2,d10";
        Model direct = Architecture.parse(arch, Activations.relu());
        LpsInitializer withGain = (LpsInitializer) Initializers.parse("lps:design:gain=0.4:lastgain=2.5");
        withGain.initialize(direct, 5);
        Model rescaled = Architecture.parse(arch, Activations.relu());
        LpsInitializer unit = (LpsInitializer) Initializers.parse("lps:design");
        unit.initialize(rescaled, 5);
        List<LayerPrediction> p = Lift.rescale(rescaled, unit.predictions(), new double[] {0.4, 1.0, 1});

        for (int l = 0; l < 3; l++) {
            // the output layer divides by the predicted spread of its input, which the direct lift integrates again at
            // the new scale (quasi-Monte Carlo through max pooling, reproducible to about 1e-3 under scaling)
            double tol = l == 2 ? 3e-3 : 1e-6;
            float[] a = direct.parameterizedLayers().get(l).weight().values();
            float[] b = rescaled.parameterizedLayers().get(l).weight().values();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], tol * Math.max(1e-2, Math.abs(a[i])), "layer" + l + " weight " + i);
            }
            float[] c = direct.parameterizedLayers().get(l).bias().values();
            float[] d = rescaled.parameterizedLayers().get(l).bias().values();
            for (int i = 0; i < c.length; i++) {
                assertEquals(c[i], d[i], 10 * tol * Math.max(1, Math.abs(c[i])), "layer" + l + " bias " + i);
            }
            LayerPrediction x = withGain.predictions().get(l);
            LayerPrediction y = p.get(l);
            assertEquals(x.gain(), y.gain(), 1e-12, "layer" + l);
            assertEquals(x.inputStd(), y.inputStd(), 3e-3 * x.inputStd(), "layer" + l);
            assertEquals(x.predictedStd(), y.predictedStd(), 3e-3 * x.predictedStd(), "layer" + l);
            assertEquals(x.predictedMean(), y.predictedMean(), 3e-3 * x.predictedStd(), "layer" + l);
        }
    }

    @Test
    void withoutAPositivelyHomogeneousActivationTheGainsStayOneAndTheReportSaysWhy() {
        Model m = Architecture.parse("mlp:784,16,10", Activations.tanh());
        LpsInitializer lps = (LpsInitializer) Initializers.parse("lps:design:gain=balanced");
        lps.initialize(m, 1);
        for (LayerPrediction p : lps.predictions()) {
            assertEquals(1, p.gain(), p.layer());
        }
        assertTrue(lps.report().gains().startsWith("unit: layer0 is followed by tanh"), lps.report().gains());
        assertThrows(IllegalArgumentException.class, () -> CurvatureBalance.requirePositivelyHomogeneous(m));
    }

    @Test
    void theOutputLayerHasTheRequestedLogitSpread() {
        Model m = Architecture.parse("mlp:784,32,10", Activations.relu());
        LpsInitializer lps = (LpsInitializer) Initializers.parse("lps:design:out=0.25");
        lps.initialize(m, 1);
        assertEquals(0.25, lps.predictions().get(1).predictedStd());
        assertThrows(IllegalArgumentException.class, () -> Initializers.parse("lps:out=0"));
        assertThrows(IllegalArgumentException.class, () -> Initializers.parse("lps:out=-1"));
    }
}
