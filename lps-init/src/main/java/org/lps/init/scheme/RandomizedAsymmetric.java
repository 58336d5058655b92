package org.lps.init.scheme;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.lps.init.Initializer;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Randomized asymmetric initialization (RAI; Lu, Shin, Su and Karniadakis, "Dying ReLU and
 * initialization", 2020), designed against born-dead deep narrow relu networks. For every unit, the
 * augmented row [w | b] of length fan_in + 1 (conv: one row per output channel, fan_in = in*kh*kw) is
 * drawn i.i.d. N(0, sigma^2 / fan_in) with sigma = 0.6007; then one position k, uniform among the
 * fan_in + 1, is overwritten with xi ~ Beta(2, 1) (positive: E xi = 2/3, E xi^2 = 1/2)
 * [docs/init-schemes.md: confirmed by several public implementations citing "sig = 0.6, P = beta(2,1)"].
 *
 * <p>Beta(2, 1) has the distribution function x^2 on [0, 1], so xi = sqrt(U) with U uniform is an exact
 * draw (the tests check the law against Hipparchus' BetaDistribution). Each row draws its fan_in + 1
 * normals, then k, then U, from the layer's own stream.
 */
public final class RandomizedAsymmetric implements Initializer {

    /** The paper's sigma. */
    public static final double SIGMA = 0.6007;

    private volatile Map<String, Object> details;

    @Override
    public String name() {
        return "rai";
    }

    @Override
    public String description() {
        return "randomized asymmetric (Lu et al.): [w|b] ~ N(0, 0.6007^2/fan_in), one entry per row ~ Beta(2,1)";
    }

    @Override
    public void initialize(Model model, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        for (ParameterizedLayer l : model.parameterizedLayers()) {
            SplittableRandom rng = root.split();
            float[] w = l.weight().values();
            float[] b = l.bias().values();
            int fanIn = l.fanIn();
            double std = SIGMA / Math.sqrt(fanIn);
            double[] row = new double[fanIn + 1];
            for (int r = 0; r < b.length; r++) {
                for (int j = 0; j <= fanIn; j++) {
                    row[j] = std * rng.nextGaussian();
                }
                int k = rng.nextInt(fanIn + 1);
                row[k] = Math.sqrt(rng.nextDouble());
                for (int j = 0; j < fanIn; j++) {
                    w[r * fanIn + j] = (float) row[j];
                }
                b[r] = (float) row[fanIn];
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("sigma", SIGMA);
        d.put("replacement", "Beta(2,1)");
        details = d;
    }

    @Override
    public Optional<Object> details() {
        return Optional.ofNullable(details);
    }

    @Override
    public String toString() {
        return name();
    }
}
