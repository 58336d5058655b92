package org.lps.nets.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/**
 * Central finite differences against a layer's backward pass, for the scalar L = sum_i r_i y_i with random
 * fixed r (so dL/dy = r). The layer computes in float; L is accumulated in double, and h = 1e-2 keeps the
 * float rounding of L (about 1e-6) far below the tolerance while the O(h^2) truncation stays around 1e-4.
 * An indexing or formula error shows up as an O(1) mismatch.
 */
final class GradientCheck {
    static final float H = 1e-2f;
    static final double ABS = 2e-3;
    static final double REL = 1e-2;

    private GradientCheck() {
    }

    /**
     * Checks dL/dx and every parameter gradient of {@code layer} at input {@code x} (batch rows): against
     * float differences of the layer itself, then against double differences of {@link DoubleReference}.
     */
    static void check(Layer layer, float[] x, int batch, long seed) {
        checkFloat(layer, x, batch, seed);
        DoubleReference.checkBackward(layer, x, batch, seed);
    }

    static void checkFloat(Layer layer, float[] x, int batch, long seed) {
        int outSize = batch * layer.outputShape().size();
        SplittableRandom rng = new SplittableRandom(seed);
        float[] r = new float[outSize];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) rng.nextGaussian();
        }
        Layer.Runner run = layer.runner(batch);
        float[] y = new float[outSize];
        float[] dx = new float[x.length];
        run.forward(x, y, batch);
        run.backward(x, y, r.clone(), dx, batch);
        for (int i = 0; i < x.length; i++) {
            double num = numeric(layer, x, batch, r, x, i);
            assertClose(dx[i], num, layer + ": d/dx[" + i + "]");
        }
        float[][] grads = run.gradients();
        for (int p = 0; p < layer.parameters().size(); p++) {
            float[] w = layer.parameters().get(p).values();
            float[] g = grads[p].clone();
            for (int i = 0; i < w.length; i++) {
                double num = numeric(layer, x, batch, r, w, i);
                assertClose(g[i], num, layer + ": d/d" + layer.parameters().get(p).name() + "[" + i + "]");
            }
        }
    }

    private static double numeric(Layer layer, float[] x, int batch, float[] r, float[] target, int i) {
        float keep = target[i];
        target[i] = keep + H;
        double up = loss(layer, x, batch, r);
        target[i] = keep - H;
        double down = loss(layer, x, batch, r);
        target[i] = keep;
        return (up - down) / (2.0 * H);
    }

    static double loss(Layer layer, float[] x, int batch, float[] r) {
        float[] y = new float[r.length];
        layer.runner(batch).forward(x, y, batch);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (double) r[i] * y[i];
        }
        return s;
    }

    static void assertClose(double analytic, double numeric, String what) {
        double err = Math.abs(analytic - numeric);
        assertTrue(err <= ABS + REL * Math.abs(numeric),
                () -> what + ": backward " + analytic + " vs finite difference " + numeric);
    }

    static float[] gaussian(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    /** Values at least {@code gap} apart in random order: no ties or near-ties for max pooling and kinks. */
    static float[] spaced(int n, float gap, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i - n / 2f) * gap + gap / 2;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }
}
