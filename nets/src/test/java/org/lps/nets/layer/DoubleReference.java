package org.lps.nets.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/**
 * Every layer written again from its definition, in double precision and plain loops, for the tests: the
 * float32 backward passes are compared with central differences of this reference taken in double
 * (h = 1e-6, error near 1e-9), so the only slack left is the float rounding of the backward pass itself.
 */
final class DoubleReference {

    private DoubleReference() {
    }

    /** The layer's output on {@code x} with parameters {@code params} (aligned with {@link Layer#parameters()}). */
    static double[] forward(Layer layer, double[] x, double[][] params, int batch) {
        int in = layer.inputShape().size();
        int outSize = layer.outputShape().size();
        double[] y = new double[batch * outSize];
        if (layer instanceof Dense d) {
            double[] w = params[0];
            double[] b = params[1];
            for (int s = 0; s < batch; s++) {
                for (int o = 0; o < outSize; o++) {
                    double v = b[o];
                    for (int i = 0; i < in; i++) {
                        v += w[o * in + i] * x[s * in + i];
                    }
                    y[s * outSize + o] = v;
                }
            }
        } else if (layer instanceof Conv2d c) {
            int cin = c.inputShape().dim(0), h = c.inputShape().dim(1), w = c.inputShape().dim(2);
            int f = c.outputShape().dim(0), oh = c.outputShape().dim(1), ow = c.outputShape().dim(2);
            int k = c.kernelSize(), st = c.stride(), pad = c.padding();
            for (int s = 0; s < batch; s++) {
                for (int o = 0; o < f; o++) {
                    for (int r = 0; r < oh; r++) {
                        for (int q = 0; q < ow; q++) {
                            double v = params[1][o];
                            for (int ci = 0; ci < cin; ci++) {
                                for (int i = 0; i < k; i++) {
                                    for (int j = 0; j < k; j++) {
                                        int ih = r * st - pad + i, iw = q * st - pad + j;
                                        if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                                            v += params[0][((o * cin + ci) * k + i) * k + j] * x[((s * cin + ci) * h + ih) * w + iw];
                                        }
                                    }
                                }
                            }
                            y[((s * f + o) * oh + r) * ow + q] = v;
                        }
                    }
                }
            }
        } else if (layer instanceof Pool2d p) {
            int ch = p.inputShape().dim(0), h = p.inputShape().dim(1), w = p.inputShape().dim(2);
            int oh = p.outputShape().dim(1), ow = p.outputShape().dim(2);
            int k = p.size(), st = p.stride();
            for (int plane = 0; plane < batch * ch; plane++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        double max = Double.NEGATIVE_INFINITY, sum = 0;
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < k; j++) {
                                double v = x[(plane * h + r * st + i) * w + q * st + j];
                                max = Math.max(max, v);
                                sum += v;
                            }
                        }
                        y[(plane * oh + r) * ow + q] = p.mode() == Pool2d.Mode.MAX ? max : sum / (k * k);
                    }
                }
            }
        } else if (layer instanceof ActivationLayer a) {
            for (int i = 0; i < y.length; i++) {
                y[i] = a.activation().value(x[i]);
            }
        } else if (layer instanceof Flatten) {
            System.arraycopy(x, 0, y, 0, y.length);
        } else {
            throw new IllegalArgumentException("no reference for " + layer);
        }
        return y;
    }

    /**
     * Checks the float backward pass of {@code layer} at {@code x} against double central differences of
     * the reference, for L = sum r_i y_i with random r.
     */
    static void checkBackward(Layer layer, float[] x, int batch, long seed) {
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

        double[] xd = toDouble(x);
        double[][] pd = new double[layer.parameters().size()][];
        for (int p = 0; p < pd.length; p++) {
            pd[p] = toDouble(layer.parameters().get(p).values());
        }
        double[] y0 = forward(layer, xd, pd, batch);
        for (int i = 0; i < y.length; i++) {
            int at = i;
            assertTrue(Math.abs(y0[i] - y[i]) <= 1e-5 * (1 + Math.abs(y0[i])),
                    () -> layer + ": forward[" + at + "] " + y[at] + " vs reference " + y0[at]);
        }
        for (int i = 0; i < xd.length; i++) {
            compare(dx[i], numeric(layer, xd, pd, batch, r, xd, i), layer + ": d/dx[" + i + "]");
        }
        float[][] grads = run.gradients();
        for (int p = 0; p < pd.length; p++) {
            for (int i = 0; i < pd[p].length; i++) {
                compare(grads[p][i], numeric(layer, xd, pd, batch, r, pd[p], i),
                        layer + ": d/d" + layer.parameters().get(p).name() + "[" + i + "]");
            }
        }
    }

    private static double numeric(Layer layer, double[] x, double[][] params, int batch, float[] r, double[] target, int i) {
        double h = 1e-6;
        double keep = target[i];
        target[i] = keep + h;
        double up = dot(r, forward(layer, x, params, batch));
        target[i] = keep - h;
        double down = dot(r, forward(layer, x, params, batch));
        target[i] = keep;
        return (up - down) / (2 * h);
    }

    private static void compare(double analytic, double numeric, String what) {
        assertTrue(Math.abs(analytic - numeric) <= 1e-4 * (1 + Math.abs(numeric)),
                () -> what + ": float backward " + analytic + " vs double finite difference " + numeric);
    }

    private static double dot(float[] r, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += r[i] * y[i];
        }
        return s;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
