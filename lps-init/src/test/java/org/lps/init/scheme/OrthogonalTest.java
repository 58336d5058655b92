package org.lps.init.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.init.Initializers;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

class OrthogonalTest {

    /**
     * As PyTorch: orthonormal rows when rows <= cols, orthonormal columns when rows >= cols, conv weights
     * flattened to [out, in*kh*kw]; every Gram entry to float rounding, scaled by gain^2.
     */
    @ParameterizedTest(name = "{0} {1} gain {2}")
    @CsvSource({
            "'mlp:200,64,300', relu, 1.4142135623730951", // 64 x 200 wide, 300 x 64 tall
            "'mlp:30,30,30', tanh, 1.6666666666666667", // square
            "'cnn:3x6x6,c16k3,c40k1,d5', relu, 1.4142135623730951", // 16 x 27 wide, 40 x 16 tall, 5 x 1440 wide
            "'mlp:10,20,5', sigmoid, 1.0",
            "'mlp:10,20,5', 'poly:0,1', 1.0", "'mlp:10,20,5', 'poly:0,-2', 0.5"})
    void orthonormalRowsOrColumnsTimesTheGain(String arch, String activation, double gain) {
        Model m = Architecture.parse(arch, Activations.parse(activation));
        Initializers.parse("orthogonal").initialize(m, 5);
        for (ParameterizedLayer l : m.parameterizedLayers()) {
            assertGram(l, gain);
        }
    }

    @Test
    void explicitGain() {
        Model m = Architecture.parse("mlp:40,20,10", Activations.relu());
        Initializers.parse("orthogonal:0.5").initialize(m, 1);
        for (ParameterizedLayer l : m.parameterizedLayers()) {
            assertGram(l, 0.5);
        }
    }

    private static void assertGram(ParameterizedLayer l, double gain) {
        int rows = l.weight().shape()[0];
        int cols = l.weight().size() / rows;
        float[] w = l.weight().values();
        boolean byRows = rows <= cols;
        int k = Math.min(rows, cols);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < Math.max(rows, cols); i++) {
                    dot += byRows ? (double) w[a * cols + i] * w[b * cols + i] : (double) w[i * cols + a] * w[i * cols + b];
                }
                assertEquals(a == b ? gain * gain : 0, dot, 2e-6 * gain * gain, l + " Gram[" + a + "][" + b + "]");
            }
        }
        for (float b : l.bias().values()) {
            assertEquals(0f, b);
        }
    }

    /**
     * Haar measure needs the sign fix: Householder QR alone gives R a diagonal of one sign convention, and Q's
     * first column is then -sign(a11) a1/|a1| or similar, with a mean far from 0. For Haar-distributed 3x3 Q,
     * every entry has mean 0 and mean square 1/3, and det Q is +1 or -1 with probability 1/2.
     */
    @Test
    void haarDistributed() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 20_000;
        double[] sum = new double[9];
        double[] sumSq = new double[9];
        int positiveDet = 0;
        for (int t = 0; t < n; t++) {
            double[][] q = Orthogonal.orthogonal(3, 3, rng);
            for (int i = 0; i < 9; i++) {
                double v = q[i / 3][i % 3];
                sum[i] += v;
                sumSq[i] += v * v;
            }
            double det = q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) - q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0])
                    + q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
            positiveDet += det > 0 ? 1 : 0;
        }
        // Var q_ij = 1/3: the mean's standard error is sqrt(1/(3n)); 5 of them.
        double se = Math.sqrt(1.0 / (3 * n));
        for (int i = 0; i < 9; i++) {
            assertEquals(0, sum[i] / n, 5 * se, "mean of Q[" + i / 3 + "][" + i % 3 + "]");
            // Var q^2 = E q^4 - 1/9 = 1/5 - 1/9 for a coordinate of a uniform point on the 2-sphere
            assertEquals(1.0 / 3, sumSq[i] / n, 5 * Math.sqrt((0.2 - 1.0 / 9) / n), "mean square of Q[" + i / 3 + "][" + i % 3 + "]");
        }
        assertEquals(0.5, (double) positiveDet / n, 5 * Math.sqrt(0.25 / n), "P(det Q = +1)");
    }

    @Test
    void gainsArePyTorchs() {
        assertEquals(Math.sqrt(2), Nonlinearity.of(Activations.relu()).gain(), 1e-15);
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Nonlinearity.of(Activations.leakyRelu(0.01)).gain(), 1e-15);
        assertEquals(5.0 / 3, Nonlinearity.of(Activations.tanh()).gain(), 1e-15);
        assertEquals(1, Nonlinearity.of(Activations.sigmoid()).gain(), 1e-15);
        assertEquals(1, Nonlinearity.of((org.lps.nets.layer.Activation) null).gain(), 1e-15);
        // gelu, not in PyTorch's table: 1/sqrt(E[gelu(Z)^2]); E[gelu(Z)^2] = 1/4 + 1/(2 pi sqrt 3) + ...
        // checked here against a 200 000-point Riemann sum on [-12, 12]
        double e = 0;
        double h = 24.0 / 200_000;
        for (int i = 0; i < 200_000; i++) {
            double z = -12 + (i + 0.5) * h;
            double g = Activations.gelu().value(z);
            e += g * g * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * h;
        }
        assertEquals(1 / Math.sqrt(e), Nonlinearity.of(Activations.gelu()).gain(), 1e-6);
        assertTrue(Nonlinearity.of(Activations.gelu()).gain() > 1.4);
    }
}
