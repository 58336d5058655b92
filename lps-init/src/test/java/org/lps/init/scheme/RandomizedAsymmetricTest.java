package org.lps.init.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.AbstractRealDistribution;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.lps.init.Initializers;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

class RandomizedAsymmetricTest {

    /**
     * Each entry of an augmented row [w | b] of length n + 1 is, marginally, Beta(2, 1) with probability
     * 1/(n + 1) (the replaced position, uniform) and N(0, 0.6007^2 / n) otherwise. With n = 3 and 40 000
     * rows, the weights and the biases each follow that mixture (Kolmogorov-Smirnov against it, Hipparchus'
     * Beta and normal distribution functions). A wrong sigma, a uniform instead of Beta(2, 1), or a
     * replacement never landing on the bias all fail.
     */
    @Test
    void entriesFollowTheMixtureOfNormalAndBeta() {
        int n = 3;
        Model m = Architecture.parse("mlp:3,40000", Activations.relu());
        Initializers.parse("rai").initialize(m, 2);
        ParameterizedLayer l = m.parameterizedLayers().get(0);
        AbstractRealDistribution mixture = mixture(n);
        float[] w = l.weight().values();
        double[] weights = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = w[i];
        }
        float[] b = l.bias().values();
        double[] biases = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            biases[i] = b[i];
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double pw = ks.kolmogorovSmirnovTest(mixture, weights);
        double pb = ks.kolmogorovSmirnovTest(mixture, biases);
        assertTrue(pw > 1e-4, "weights: KS p = " + pw);
        assertTrue(pb > 1e-4, "biases: KS p = " + pb);
        // and it is a sharp test: the same entries against the mixture with sigma 0.55 are rejected
        double wrong = ks.kolmogorovSmirnovTest(mixtureWith(n, 0.55), weights);
        assertTrue(wrong < 1e-6, "KS rejects a wrong sigma: p = " + wrong);
    }

    /** The Beta(2, 1) draws themselves, picked out by size where the normal entries are tiny. */
    @Test
    void betaReplacementsAreBeta21() {
        // With fan_in 10 000 the normal entries have std 0.006: every entry above 0.1 is a Beta draw, and the
        // Beta draws below 0.1 (probability 0.01) are what is missed; so compare with Beta conditioned on > 0.1.
        Model m = Architecture.parse("mlp:10000,600", Activations.relu());
        Initializers.parse("rai").initialize(m, 3);
        ParameterizedLayer l = m.parameterizedLayers().get(0);
        float[] w = l.weight().values();
        float[] b = l.bias().values();
        java.util.List<Double> big = new java.util.ArrayList<>();
        for (float v : w) {
            if (v > 0.1) {
                big.add((double) v);
            }
        }
        for (float v : b) {
            if (v > 0.1) {
                big.add((double) v);
            }
        }
        // one per row, less the 1% below 0.1
        assertEquals(600 * 0.99, big.size(), 5 * Math.sqrt(600 * 0.01));
        BetaDistribution beta = new BetaDistribution(2, 1);
        double lo = beta.cumulativeProbability(0.1);
        double[] u = big.stream().mapToDouble(x -> (beta.cumulativeProbability(x) - lo) / (1 - lo)).toArray();
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new org.hipparchus.distribution.continuous.UniformRealDistribution(0, 1), u);
        assertTrue(p > 1e-4, "Beta(2,1) above 0.1: KS p = " + p);
    }

    /**
     * The law with the paper's sigma, written here rather than read from {@code RandomizedAsymmetric}: 0.6007,
     * Lu, Shin, Su and Karniadakis, "Dying ReLU and initialization: theory and numerical examples", CiCP 28(5),
     * 2020 (arXiv 1903.06733), as the public implementations citing it use it (docs/init-schemes.md, rai).
     */
    private static AbstractRealDistribution mixture(int n) {
        return mixtureWith(n, 0.6007);
    }

    private static AbstractRealDistribution mixtureWith(int n, double sigma) {
        NormalDistribution normal = new NormalDistribution(0, sigma / Math.sqrt(n));
        BetaDistribution beta = new BetaDistribution(2, 1);
        double pBeta = 1.0 / (n + 1);
        return new AbstractRealDistribution() {
            @Override
            public double density(double x) {
                return pBeta * beta.density(x) + (1 - pBeta) * normal.density(x);
            }

            @Override
            public double cumulativeProbability(double x) {
                return pBeta * beta.cumulativeProbability(x) + (1 - pBeta) * normal.cumulativeProbability(x);
            }

            @Override
            public double getNumericalMean() {
                return pBeta * 2 / 3;
            }

            @Override
            public double getNumericalVariance() {
                return Double.NaN;
            }

            @Override
            public double getSupportLowerBound() {
                return Double.NEGATIVE_INFINITY;
            }

            @Override
            public double getSupportUpperBound() {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public boolean isSupportConnected() {
                return true;
            }
        };
    }
}
