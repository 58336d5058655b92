package org.lps.init.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.init.Initializers;
import org.lps.nets.layer.Activations;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

/**
 * The Gauss-Newton norms against the exact Hessian of the mean cross-entropy, by central second differences
 * of a double-precision re-implementation of the network. For relu and linear networks the output is
 * piecewise linear in one layer's weights, so the Gauss-Newton matrix is the whole Hessian and the two
 * must agree (to the float rounding of the GEMMs, about 1e-6, and the O(h^2) of the differences).
 */
class HessianNormsTest {

    @Test
    void denseReluNetworkMatchesFiniteDifferences() {
        Model m = Architecture.parse("mlp:3,4,3", Activations.relu());
        Initializers.parse("he").initialize(m, 4);
        float[] x = data(5 * 3, 1);
        List<HessianNorms.LayerNorm> gn = HessianNorms.gaussNewton(m, x, 5);
        DoubleNet net = new DoubleNet(m, false);
        for (int k = 0; k < 2; k++) {
            double exact = net.hessianFrobenius(k, x, 5);
            assertEquals(exact, gn.get(k).frobenius(), 1e-4 * exact, "layer" + k);
            assertEquals("layer" + k, gn.get(k).layer());
        }
    }

    @Test
    void linearNetworkMatchesFiniteDifferences() {
        Model m = Architecture.parse("mlp:4,6,5,3", Activations.parse("poly:0,1"));
        Initializers.parse("xavier-normal").initialize(m, 6);
        float[] x = data(7 * 4, 2);
        List<HessianNorms.LayerNorm> gn = HessianNorms.gaussNewton(m, x, 7);
        DoubleNet net = new DoubleNet(m, false);
        for (int k = 0; k < 3; k++) {
            double exact = net.hessianFrobenius(k, x, 7);
            assertEquals(exact, gn.get(k).frobenius(), 1e-4 * exact, "layer" + k);
        }
    }

    /** cnn:1x4x4,c2k3,d3: the conv path (explicit Jacobians) and the dense path after a flatten. */
    @Test
    void convReluNetworkMatchesFiniteDifferences() {
        Model m = Architecture.parse("cnn:1x4x4,c2k3,d3", Activations.relu());
        Initializers.parse("he").initialize(m, 8);
        float[] x = data(6 * 16, 3);
        List<HessianNorms.LayerNorm> gn = HessianNorms.gaussNewton(m, x, 6);
        DoubleNet net = new DoubleNet(m, true);
        for (int k = 0; k < 2; k++) {
            double exact = net.hessianFrobenius(k, x, 6);
            assertEquals(exact, gn.get(k).frobenius(), 1e-4 * exact, "layer" + k);
        }
    }

    private static float[] data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /**
     * The same network in double: either dense-act-dense-act-...-dense, or one 3x3 "same" conv (1 input
     * channel, 4x4 image) then the activation, a flatten and one dense layer.
     */
    static final class DoubleNet {
        final double[][] w;
        final double[][] b;
        final int[][] shapes;
        final boolean conv;
        final org.lps.nets.layer.Activation act;

        DoubleNet(Model m, boolean conv) {
            int n = m.parameterizedLayers().size();
            w = new double[n][];
            b = new double[n][];
            shapes = new int[n][];
            for (int k = 0; k < n; k++) {
                var l = m.parameterizedLayers().get(k);
                w[k] = toDouble(l.weight().values());
                b[k] = toDouble(l.bias().values());
                shapes[k] = l.weight().shape();
            }
            this.conv = conv;
            this.act = m.activationAfter(m.parameterizedLayers().get(0));
        }

        static double[] toDouble(float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }

        double[] forward(double[] x) {
            double[] h = x;
            for (int k = 0; k < w.length; k++) {
                h = conv && k == 0 ? conv(h) : dense(k, h);
                if (k < w.length - 1) {
                    for (int i = 0; i < h.length; i++) {
                        h[i] = act.value(h[i]);
                    }
                }
            }
            return h;
        }

        double[] dense(int k, double[] x) {
            int out = shapes[k][0];
            int in = shapes[k][1];
            double[] y = new double[out];
            for (int i = 0; i < out; i++) {
                double s = b[k][i];
                for (int j = 0; j < in; j++) {
                    s += w[k][i * in + j] * x[j];
                }
                y[i] = s;
            }
            return y;
        }

        /** 4x4 single-channel image, filters [f][1][3][3], padding 1, stride 1. */
        double[] conv(double[] x) {
            int f = shapes[0][0];
            double[] y = new double[f * 16];
            for (int c = 0; c < f; c++) {
                for (int r = 0; r < 4; r++) {
                    for (int q = 0; q < 4; q++) {
                        double s = b[0][c];
                        for (int i = 0; i < 3; i++) {
                            for (int j = 0; j < 3; j++) {
                                int rr = r + i - 1;
                                int qq = q + j - 1;
                                if (rr >= 0 && rr < 4 && qq >= 0 && qq < 4) {
                                    s += w[0][c * 9 + i * 3 + j] * x[rr * 4 + qq];
                                }
                            }
                        }
                        y[c * 16 + r * 4 + q] = s;
                    }
                }
            }
            return y;
        }

        /** Mean cross-entropy against fixed labels (sample index mod classes; labels do not change H here). */
        double loss(float[] x, int samples) {
            int in = x.length / samples;
            double sum = 0;
            for (int s = 0; s < samples; s++) {
                double[] xs = new double[in];
                for (int i = 0; i < in; i++) {
                    xs[i] = x[s * in + i];
                }
                double[] z = forward(xs);
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double lse = 0;
                for (double v : z) {
                    lse += Math.exp(v - max);
                }
                sum += max + Math.log(lse) - z[s % z.length];
            }
            return sum / samples;
        }

        /** |d^2 L / d W_k^2|_F by central second differences, h = 1e-4. */
        double hessianFrobenius(int k, float[] x, int samples) {
            double[] wk = w[k];
            int p = wk.length;
            double h = 1e-4;
            double f0 = loss(x, samples);
            double sumSq = 0;
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    double hij;
                    double wi = wk[i];
                    double wj = wk[j];
                    if (i == j) {
                        wk[i] = wi + h;
                        double fp = loss(x, samples);
                        wk[i] = wi - h;
                        double fm = loss(x, samples);
                        wk[i] = wi;
                        hij = (fp - 2 * f0 + fm) / (h * h);
                    } else {
                        wk[i] = wi + h;
                        wk[j] = wj + h;
                        double fpp = loss(x, samples);
                        wk[j] = wj - h;
                        double fpm = loss(x, samples);
                        wk[i] = wi - h;
                        double fmm = loss(x, samples);
                        wk[j] = wj + h;
                        double fmp = loss(x, samples);
                        wk[i] = wi;
                        wk[j] = wj;
                        hij = (fpp - fpm - fmp + fmm) / (4 * h * h);
                    }
                    sumSq += i == j ? hij * hij : 2 * hij * hij;
                }
            }
            return Math.sqrt(sumSq);
        }
    }
}
