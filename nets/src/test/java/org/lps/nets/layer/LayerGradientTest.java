package org.lps.nets.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.nets.tensor.Shape;

/** Every layer's backward pass against finite differences, and the forward passes against direct loops. */
class LayerGradientTest {

    private static void randomize(Layer l, long seed) {
        for (Parameter p : l.parameters()) {
            float[] g = GradientCheck.gaussian(p.size(), seed++);
            System.arraycopy(g, 0, p.values(), 0, g.length);
        }
    }

    @Test
    void denseGradients() {
        Dense d = new Dense(7, 5);
        randomize(d, 1);
        GradientCheck.check(d, GradientCheck.gaussian(3 * 7, 2), 3, 3);
    }

    @Test
    void denseGradientsThroughBlas() {
        // Large enough for the native GEMM path (more than 4096 multiply-adds).
        Dense d = new Dense(40, 30);
        randomize(d, 4);
        GradientCheck.check(d, GradientCheck.gaussian(6 * 40, 5), 6, 6);
    }

    @Test
    void denseForwardIsXWtPlusB() {
        Dense d = new Dense(3, 2);
        System.arraycopy(new float[] {1, 2, 3, 4, 5, 6}, 0, d.weight().values(), 0, 6); // [out, in]
        System.arraycopy(new float[] {0.5f, -1}, 0, d.bias().values(), 0, 2);
        float[] y = new float[4];
        d.runner(2).forward(new float[] {1, 0, -1, 2, 1, 0}, y, 2);
        // row 0: (1-3)+0.5, (4-6)-1; row 1: (2+2)+0.5, (8+5)-1
        assertArrayEquals(new float[] {-1.5f, -3f, 4.5f, 12f}, y, 1e-6f);
    }

    @ParameterizedTest
    @CsvSource({"3,1,1", "3,1,0", "3,2,1", "3,2,0", "5,1,2", "1,1,0"})
    void convGradients(int k, int stride, int pad) {
        Conv2d c = new Conv2d(Shape.of(2, 5, 6), 3, k, stride, pad);
        randomize(c, 7);
        GradientCheck.check(c, GradientCheck.gaussian(2 * 2 * 5 * 6, 8), 2, 9);
    }

    @ParameterizedTest
    @CsvSource({"3,2,1", "3,1,1", "5,1,2", "3,1,0", "1,1,0", "2,2,0"})
    void convForwardMatchesDirectCrossCorrelation(int k, int stride, int pad) {
        int cin = 3, h = 9, w = 8, f = 4, batch = 2;
        Conv2d c = new Conv2d(Shape.of(cin, h, w), f, k, stride, pad);
        randomize(c, 10);
        float[] x = GradientCheck.gaussian(batch * cin * h * w, 11);
        float[] y = new float[batch * c.outputShape().size()];
        c.runner(batch).forward(x, y, batch);
        int oh = c.outputShape().dim(1), ow = c.outputShape().dim(2);
        assertEquals((h + 2 * pad - k) / stride + 1, oh);
        assertEquals((w + 2 * pad - k) / stride + 1, ow);
        float[] wt = c.weight().values();
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < f; o++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        double s = c.bias().values()[o];
                        for (int ci = 0; ci < cin; ci++) {
                            for (int i = 0; i < k; i++) {
                                for (int j = 0; j < k; j++) {
                                    int ih = r * stride - pad + i, iw = q * stride - pad + j;
                                    if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                                        // PyTorch layout: weight[o][ci][i][j], input NCHW
                                        s += wt[((o * cin + ci) * k + i) * k + j] * x[((b * cin + ci) * h + ih) * w + iw];
                                    }
                                }
                            }
                        }
                        assertEquals(s, y[((b * f + o) * oh + r) * ow + q], 1e-4, "output " + b + "," + o + "," + r + "," + q);
                    }
                }
            }
        }
    }

    @Test
    void maxPoolGradients() {
        Pool2d p = new Pool2d(Shape.of(2, 4, 6), Pool2d.Mode.MAX, 2, 2);
        GradientCheck.check(p, GradientCheck.spaced(2 * 2 * 4 * 6, 0.05f, 12), 2, 13);
    }

    @Test
    void overlappingMaxPoolGradients() {
        Pool2d p = new Pool2d(Shape.of(1, 5, 5), Pool2d.Mode.MAX, 3, 1);
        GradientCheck.check(p, GradientCheck.spaced(2 * 25, 0.05f, 14), 2, 15);
    }

    @Test
    void avgPoolGradients() {
        Pool2d p = new Pool2d(Shape.of(2, 5, 4), Pool2d.Mode.AVG, 2, 2);
        GradientCheck.check(p, GradientCheck.gaussian(3 * 2 * 5 * 4, 16), 3, 17);
    }

    @Test
    void poolingForward() {
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}; // one 4x4 plane
        float[] y = new float[4];
        new Pool2d(Shape.of(1, 4, 4), Pool2d.Mode.MAX, 2, 2).runner(1).forward(x, y, 1);
        assertArrayEquals(new float[] {6, 8, 14, 16}, y);
        new Pool2d(Shape.of(1, 4, 4), Pool2d.Mode.AVG, 2, 2).runner(1).forward(x, y, 1);
        assertArrayEquals(new float[] {3.5f, 5.5f, 11.5f, 13.5f}, y);
        assertEquals(Shape.of(1, 2, 2), new Pool2d(Shape.of(1, 5, 5), Pool2d.Mode.MAX, 2, 2).outputShape()); // floor, as PyTorch
    }

    @Test
    void maxPoolTiesGoToTheFirstElementInRowOrder() {
        for (int k : new int[] {2, 3}) { // the 2x2 fast path and the general loop
            Pool2d p = new Pool2d(Shape.of(1, k, k), Pool2d.Mode.MAX, k, k);
            float[] x = new float[k * k];
            java.util.Arrays.fill(x, -1f);
            x[1] = 5f;
            x[k] = 5f; // same value in the next row
            x[k * k - 1] = 5f;
            Layer.Runner r = p.runner(1);
            float[] y = new float[1];
            r.forward(x, y, 1);
            float[] dx = new float[k * k];
            r.backward(x, y, new float[] {2f}, dx, 1);
            float[] expected = new float[k * k];
            expected[1] = 2f;
            assertArrayEquals(expected, dx, "k=" + k);
            assertEquals(5f, y[0]);
        }
    }

    @Test
    void flattenGradients() {
        GradientCheck.check(new Flatten(Shape.of(2, 3, 2)), GradientCheck.gaussian(2 * 12, 18), 2, 19);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky-relu:0.1", "tanh", "sigmoid", "gelu", "silu", "poly:0.1,0.5,0.3,-0.05"})
    void activationGradients(String name) {
        Activation a = Activations.parse(name);
        // Spaced values keep the kinks of relu and leaky relu away from the finite-difference stencil.
        float[] z = GradientCheck.spaced(2 * 30, 0.13f, 20);
        GradientCheck.check(new ActivationLayer(Shape.of(30), a), z, 2, 21);
    }

    @Test
    void activationValuesAgainstClosedForms() {
        assertEquals(0.0, Activations.relu().value(-2));
        assertEquals(-0.02, Activations.leakyRelu(0.01).value(-2), 1e-15);
        // GELU(1) = Phi(1) = 0.8413447460685429; GELU(-1) = -(1 - Phi(1))
        assertEquals(0.8413447460685429, Activations.gelu().value(1), 2e-7);
        assertEquals(-0.15865525393145707, Activations.gelu().value(-1), 2e-7);
        assertEquals(1 / (1 + Math.exp(-0.7)), Activations.sigmoid().value(0.7), 1e-15);
        assertEquals(0.7 / (1 + Math.exp(-0.7)), Activations.silu().value(0.7), 1e-15);
        Activation p = Activations.polynomial(1, -2, 3); // 1 - 2z + 3z^2
        assertEquals(1 - 4 + 12, p.value(2), 1e-12);
        assertEquals(-2 + 12, p.derivative(2), 1e-12);
        assertEquals("poly:1.0,-2.0,3.0", p.name());
        assertEquals(p.value(0.3), Activations.parse(p.name()).value(0.3), 1e-15);
    }

    @Test
    void activationArrayKernelsMatchScalarDefinitions() {
        float[] z = GradientCheck.gaussian(200, 22);
        for (String n : new String[] {"relu", "leaky-relu:0.2", "tanh", "sigmoid", "gelu", "silu", "poly:0,1,0.5"}) {
            Activation a = Activations.parse(n);
            float[] y = new float[z.length];
            a.forward(z, y, z.length);
            for (int i = 0; i < z.length; i++) {
                assertEquals(a.value(z[i]), y[i], 1e-6 * (1 + Math.abs(y[i])), n);
            }
        }
    }

    @Test
    void badLayerSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(Shape.of(1, 2, 2), 4, 5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(Shape.of(10), 4, 3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Pool2d(Shape.of(1, 1, 1), Pool2d.Mode.MAX, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Activations.parse("softsign"));
        assertThrows(IllegalArgumentException.class, () -> Activations.parse("poly:1,x"));
    }
}
