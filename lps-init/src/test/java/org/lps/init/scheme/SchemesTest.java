package org.lps.init.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleBiFunction;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.init.Initializer;
import org.lps.init.Initializers;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

/**
 * Every scheme's weights against its formula, within sampling error: for normal laws sum(w^2)/sigma^2 is
 * chi-square with n degrees of freedom, and must lie between its 1e-7 and 1 - 1e-7 quantiles; for uniform
 * laws the mean of w^2 is checked by the central limit theorem (Var w^2 = 4/5 sigma^4), at 5.3 standard
 * errors (the same 1e-7 two-sided). Layers are large (up to 200 000 weights), so a variance off by 3% fails.
 * The expected variances are written out here from the papers' formulas, not taken from the schemes.
 */
class SchemesTest {

    /** Fans 500 -> 400 -> 300 -> 10 (dense) and conv fans 16*9 = 144 in, 32*9 = 288 out, then 32*25 ... */
    static final String MLP = "mlp:500,400,300,10";
    static final String CNN = "cnn:16x10x10,c32k3,c16k5,d10";
    static final double P = 1e-7;

    record Case(String method, String activation, ToDoubleBiFunction<Integer, Integer> variance, boolean uniform) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("xavier-uniform", "relu", (in, out) -> 2.0 / (in + out), true),
                new Case("xavier", "tanh", (in, out) -> 2.0 / (in + out), true),
                new Case("xavier-normal", "relu", (in, out) -> 2.0 / (in + out), false),
                new Case("he", "relu", (in, out) -> 2.0 / in, false),
                new Case("he", "tanh", (in, out) -> 2.0 / in, false),
                new Case("he", "leaky-relu:0.2", (in, out) -> 2.0 / (1.04 * in), false),
                new Case("he-fan-out", "relu", (in, out) -> 2.0 / out, false),
                new Case("lecun", "relu", (in, out) -> 1.0 / in, false),
                new Case("kumar", "relu", (in, out) -> 2.0 / in, false),
                new Case("kumar", "sigmoid", (in, out) -> 12.8 / in, false),
                new Case("kumar", "tanh", (in, out) -> 1.0 / in, false),
                new Case("kumar", "gelu", (in, out) -> 4.0 / in, false),
                new Case("hessian", "relu", (in, out) -> 4.0 / (in + out), false),
                new Case("hessian:in", "relu", (in, out) -> 2.0 / in, false),
                new Case("hessian:out", "tanh", (in, out) -> 1.0 / out, false),
                new Case("hessian", "sigmoid", (in, out) -> 32.0 / (in + out), false),
                new Case("fmp:2", "relu", (in, out) -> 2.0 / in, false),
                new Case("fmp", "relu", (in, out) -> FractionalMoments.relu(in, 0.8), false),
                new Case("fmp:0.5", "leaky-relu:0.1", (in, out) -> FractionalMoments.leaky(0.1, in, 0.5), false),
                new Case("fmp", "poly:0,1", (in, out) -> FractionalMoments.linear(in, 1), false));
    }

    @Test
    void everyIidSchemeMatchesItsVarianceWithinSamplingError() {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (Case c : cases()) {
            for (String arch : new String[] {MLP, CNN}) {
                Model m = Architecture.parse(arch, Activations.parse(c.activation()));
                Initializer init = Initializers.parse(c.method());
                init.initialize(m, 11);
                for (ParameterizedLayer l : m.parameterizedLayers()) {
                    String what = c.method() + " " + c.activation() + " " + arch + " " + m.nameOf(l);
                    double v = c.variance().applyAsDouble(l.fanIn(), l.fanOut());
                    float[] w = l.weight().values();
                    int n = w.length;
                    double sum = 0;
                    double sumSq = 0;
                    for (float x : w) {
                        sum += x;
                        sumSq += (double) x * x;
                    }
                    if (c.uniform()) {
                        double z = (sumSq / n - v) / (v * Math.sqrt(0.8 / n));
                        assertTrue(Math.abs(z) < 5.3, what + ": mean square " + sumSq / n + " vs " + v + " (z = " + z + ")");
                    } else {
                        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(n);
                        double s = sumSq / v;
                        assertTrue(s > chi2.inverseCumulativeProbability(P / 2) && s < chi2.inverseCumulativeProbability(1 - P / 2),
                                what + ": sum w^2 / sigma^2 = " + s + " for n = " + n);
                    }
                    double zMean = sum / Math.sqrt(n * v);
                    assertTrue(Math.abs(zMean) < 5.3, what + ": mean z = " + zMean);
                    for (float b : l.bias().values()) {
                        assertEquals(0f, b, what + ": biases are zero");
                    }
                    if (l.weight().size() > 50_000) {
                        // The shape of the law, on the first 20 000 weights (KS on all of them costs 0.1 s a layer).
                        double[] x = new double[20_000];
                        for (int i = 0; i < x.length; i++) {
                            x[i] = w[i];
                        }
                        double a = Math.sqrt(3 * v);
                        double p = ks.kolmogorovSmirnovTest(c.uniform() ? new UniformRealDistribution(-a, a) : new NormalDistribution(0, Math.sqrt(v)), x);
                        assertTrue(p > 1e-6, what + ": the law of the weights, KS p = " + p);
                    }
                }
            }
        }
    }

    /** docs/init-schemes.md: Kumar's sigmoid std is 3.578/sqrt(N) (the paper's "3.6/sqrt(N)"). */
    @Test
    void kumarSigmoidConstant() {
        for (int n : new int[] {1, 10, 784}) {
            double std = Math.sqrt(Kumar.variance(Nonlinearity.of(Activations.sigmoid()), n));
            assertEquals(3.5777, std * Math.sqrt(n), 1e-4);
            assertEquals(1 / Math.sqrt(0.0625 * 1.25), std * Math.sqrt(n), 1e-12);
        }
        assertEquals(2.0 / 64, Kumar.variance(Nonlinearity.of(Activations.relu()), 64), 1e-15);
        assertEquals(1.0 / 64, Kumar.variance(Nonlinearity.of(Activations.tanh()), 64), 1e-15);
        // g(0) = 0.2, g'(0) = 0.5 for poly:0.2,0.5,0.2
        assertEquals(1 / (64 * 0.25 * 1.04), Kumar.variance(Nonlinearity.of(Activations.parse("poly:0.2,0.5,0.2")), 64), 1e-15);
    }

    /** PyTorch's fans for conv weights [out, in, kh, kw]: fan_in = in*kh*kw, fan_out = out*kh*kw. */
    @Test
    void convFans() {
        Model m = Architecture.parse("cnn:3x8x8,c16k3,d4", Activations.relu());
        ParameterizedLayer conv = m.parameterizedLayers().get(0);
        assertArrayEquals(new int[] {16, 3, 3, 3}, conv.weight().shape());
        assertEquals(27, conv.fanIn());
        assertEquals(144, conv.fanOut());
        assertEquals(2.0 / 27, ((IidScheme) Initializers.parse("he")).weightVariance(m, conv), 1e-16);
        assertEquals(2.0 / 144, ((IidScheme) Initializers.parse("he-fan-out")).weightVariance(m, conv), 1e-16);
        assertEquals(2.0 / 171, ((IidScheme) Initializers.parse("xavier-normal")).weightVariance(m, conv), 1e-16);
        assertEquals(1.0 / 27, ((IidScheme) Initializers.parse("lecun")).weightVariance(m, conv), 1e-16);
        // the dense layer after the conv: fan_in = 16*8*8
        assertEquals(2.0 / 1024, ((IidScheme) Initializers.parse("he")).weightVariance(m, m.parameterizedLayers().get(1)), 1e-16);
    }

    /** lps-init's he and xavier replace nets' without changing a single weight (relu networks). */
    @Test
    void heAndXavierDrawWhatNetsDrew() {
        for (String arch : new String[] {MLP, CNN}) {
            Model a = Architecture.parse(arch, Activations.relu());
            Model b = Architecture.parse(arch, Activations.relu());
            new org.lps.nets.init.He().initialize(a, 3);
            Initializers.parse("he").initialize(b, 3);
            assertSameWeights(a, b);
            new org.lps.nets.init.Xavier().initialize(a, 4);
            Initializers.parse("xavier").initialize(b, 4);
            assertSameWeights(a, b);
        }
        assertEquals("xavier-uniform", Initializers.parse("xavier").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xavier-uniform", "xavier-normal", "he", "he-fan-out", "lecun", "orthogonal", "kumar", "fmp", "hessian", "rai"})
    void deterministicPerSeedOnAnyThread(String method) throws Exception {
        Model ref = Architecture.parse(CNN, Activations.relu());
        Initializers.parse(method).initialize(ref, 99);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Model>> fs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                fs.add(pool.submit(() -> {
                    Model m = Architecture.parse(CNN, Activations.relu());
                    Initializers.parse(method).initialize(m, 99);
                    return m;
                }));
            }
            for (Future<Model> f : fs) {
                assertSameWeights(ref, f.get());
            }
        } finally {
            pool.shutdown();
        }
        Model other = Architecture.parse(CNN, Activations.relu());
        Initializers.parse(method).initialize(other, 100);
        assertFalse(java.util.Arrays.equals(ref.parameterizedLayers().get(0).weight().values(),
                other.parameterizedLayers().get(0).weight().values()), "another seed, other weights");
        // Each layer has its own stream: a wider last layer leaves the earlier layers' weights alone.
        Model wider = Architecture.parse(CNN.replace("d10", "d20"), Activations.relu());
        Initializers.parse(method).initialize(wider, 99);
        assertArrayEquals(ref.parameterizedLayers().get(1).weight().values(), wider.parameterizedLayers().get(1).weight().values());
    }

    static void assertSameWeights(Model a, Model b) {
        for (Map.Entry<String, org.lps.nets.layer.Parameter> e : a.namedParameters().entrySet()) {
            assertArrayEquals(e.getValue().values(), b.namedParameters().get(e.getKey()).values(), e.getKey());
        }
    }
}
