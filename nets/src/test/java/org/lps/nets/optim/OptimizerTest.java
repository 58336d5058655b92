package org.lps.nets.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.nets.layer.Dense;
import org.lps.nets.layer.Parameter;

class OptimizerTest {

    private static Parameter param(float... v) {
        Parameter p = new Dense(v.length, 1).weight();
        System.arraycopy(v, 0, p.values(), 0, v.length);
        return p;
    }

    @Test
    void sgdMomentumFollowsPyTorchsRecurrence() {
        Parameter p = param(1f);
        Optimizer o = Optimizer.sgd(0.1, 0.9, 0.0);
        o.attach(List.of(p));
        float[] w = p.values();
        // f(w) = w^2 / 2, g = w. PyTorch: buf1 = g1 = 1, w = 0.9; g2 = 0.9, buf2 = 0.9 + 0.9 = 1.8, w = 0.72
        for (int s = 0; s < 2; s++) {
            o.beginStep();
            o.update(0, w, new float[] {w[0]}, 0, 1);
        }
        assertEquals(0.72, w[0], 1e-6);
    }

    @Test
    void sgdWeightDecayAddsL2Gradient() {
        Parameter p = param(2f);
        Optimizer o = Optimizer.sgd(0.5, 0.0, 0.1);
        o.attach(List.of(p));
        o.beginStep();
        o.update(0, p.values(), new float[] {0f}, 0, 1);
        assertEquals(2 - 0.5 * 0.1 * 2, p.values()[0], 1e-6);
    }

    @Test
    void adamFirstStepMovesEveryWeightByTheLearningRate() {
        // With bias correction, m^/sqrt(v^) = g/|g| on the first step, whatever the gradient's size.
        Parameter p = param(1f, -2f, 3f);
        Optimizer o = Optimizer.adam(0.01, 0.9, 0.999, 1e-12, 0);
        o.attach(List.of(p));
        o.beginStep();
        o.update(0, p.values(), new float[] {1e-3f, -50f, 7f}, 0, 3);
        assertEquals(0.99, p.values()[0], 1e-6);
        assertEquals(-1.99, p.values()[1], 1e-6);
        assertEquals(2.99, p.values()[2], 1e-6);
    }

    @Test
    void adamSecondStepClosedForm() {
        Parameter p = param(0f);
        Optimizer o = Optimizer.adam(0.1, 0.9, 0.999, 1e-8, 0);
        o.attach(List.of(p));
        o.beginStep();
        o.update(0, p.values(), new float[] {1f}, 0, 1);
        o.beginStep();
        o.update(0, p.values(), new float[] {3f}, 0, 1);
        double m = 0.9 * 0.1 + 0.1 * 3, v = 0.999 * 0.001 + 0.001 * 9;
        double step2 = 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertEquals(-0.1 - step2, p.values()[0], 1e-6);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(-1, 0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(0.1, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(0.1, 0.9, 0.999, 0, 0));
    }
}
