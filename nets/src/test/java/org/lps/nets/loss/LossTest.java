package org.lps.nets.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossTest {

    @Test
    void crossEntropyOfUniformLogitsIsLogOfClassCount() {
        float[] out = new float[2 * 10];
        assertEquals(2 * Math.log(10), Loss.softmaxCrossEntropy().evaluate(out, 2, 10, new int[] {3, 7}, null, null, 1f), 1e-12);
    }

    @Test
    void crossEntropyClosedFormAndLargeLogits() {
        float[] out = {1, 2, 3};
        double expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 1;
        assertEquals(expected, Loss.softmaxCrossEntropy().evaluate(out, 1, 3, new int[] {0}, null, null, 1f), 1e-6);
        float[] big = {1000, 0, -1000};
        assertEquals(1000, Loss.softmaxCrossEntropy().evaluate(big, 1, 3, new int[] {1}, null, null, 1f), 1e-9);
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHot() {
        checkGradient(Loss.softmaxCrossEntropy(), new int[] {2, 0, 4}, null);
    }

    @Test
    void mseValueAndGradient() {
        float[] out = {1, 2, 0, 0};
        float[] target = {0, 0, 0, 1};
        // rows: (1 + 4) / 2, (0 + 1) / 2
        assertEquals(3.0, Loss.meanSquaredError().evaluate(out, 2, 2, null, target, null, 1f), 1e-12);
        checkGradient(Loss.meanSquaredError(), null, new float[] {0.3f, -1, 2, 0.5f, 0, 1, -0.2f, 0.1f, 0.4f, 1, 0, 0.7f, 0.1f, 0.2f, 0.3f});
        checkGradient(Loss.meanSquaredError(), new int[] {2, 0, 4}, null); // one-hot targets
    }

    private static void checkGradient(Loss loss, int[] labels, float[] values) {
        int rows = 3;
        int dim = 5;
        float[] out = {0.2f, -1.3f, 0.7f, 2.1f, -0.4f, 1.1f, 0.3f, -0.6f, 0.05f, 0.9f, -2f, 0.4f, 1.5f, -0.8f, 0.6f};
        float[] grad = new float[out.length];
        loss.evaluate(out, rows, dim, labels, values, grad, 0.5f);
        double h = 1e-3;
        for (int i = 0; i < out.length; i++) {
            float keep = out[i];
            out[i] = (float) (keep + h);
            double up = loss.evaluate(out, rows, dim, labels, values, null, 1f);
            out[i] = (float) (keep - h);
            double down = loss.evaluate(out, rows, dim, labels, values, null, 1f);
            out[i] = keep;
            assertEquals(0.5 * (up - down) / (2 * h), grad[i], 1e-4, loss.name() + " gradient " + i);
        }
    }

    @Test
    void badTargetsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Loss.softmaxCrossEntropy().evaluate(new float[3], 1, 3, new int[] {3}, null, null, 1f));
        assertThrows(IllegalArgumentException.class, () -> Loss.parse("hinge"));
    }
}
