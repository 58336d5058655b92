package org.lps.init.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.lps.init.Initializer;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * A scheme that draws every weight of a layer independently from one zero-mean law (normal or uniform)
 * whose variance is a formula in the layer's fans and the activation, and sets the biases to zero.
 *
 * <p>Randomness: one {@link SplittableRandom} per layer, split from the seed's generator in layer order,
 * so each layer's weights depend only on the seed and the layer's position: the same on any thread count,
 * and unchanged when a later layer changes shape. This is also how nets' He and Xavier draw, so lps-init's
 * he and xavier-uniform give the very same numbers.
 */
public abstract class IidScheme implements Initializer {

    /** What {@link #details()} reports: the last {@link #initialize} call's law and per-layer variances. */
    private volatile Map<String, Object> details;

    /** The law the weights are drawn from. */
    public enum Law { NORMAL, UNIFORM }

    protected abstract Law law();

    /** The variance of every weight of {@code layer}, the scheme's formula. */
    public abstract double weightVariance(Model model, ParameterizedLayer layer);

    /** The normal law's standard deviation; overridden where a scheme's own expression rounds differently. */
    protected double normalStd(Model model, ParameterizedLayer layer) {
        return Math.sqrt(weightVariance(model, layer));
    }

    /** The uniform law's bound a: U(-a, a) has variance a^2/3. */
    protected double uniformBound(Model model, ParameterizedLayer layer) {
        return Math.sqrt(3 * weightVariance(model, layer));
    }

    @Override
    public void initialize(Model model, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<Double> variances = new ArrayList<>();
        for (ParameterizedLayer l : model.parameterizedLayers()) {
            SplittableRandom rng = root.split();
            variances.add(weightVariance(model, l));
            float[] w = l.weight().values();
            if (law() == Law.NORMAL) {
                double std = normalStd(model, l);
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (std * rng.nextGaussian());
                }
            } else {
                double bound = uniformBound(model, l);
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            Arrays.fill(l.bias().values(), 0f);
        }
        Map<String, Object> d = new LinkedHashMap<>(settings(model));
        d.put("law", law().name().toLowerCase(Locale.ROOT));
        d.put("weightVariance", variances);
        details = d;
    }

    /** The scheme's settings for {@code model}, reported first in {@link #details()} (e.g. fmp's order s). */
    protected Map<String, Object> settings(Model model) {
        return Map.of();
    }

    /**
     * The law and each layer's weight variance by the formula (layer0 first), from the last
     * {@link #initialize} call: what {@code lps init --json} shows next to the measured standard deviations.
     */
    @Override
    public Optional<Object> details() {
        return Optional.ofNullable(details);
    }

    @Override
    public String toString() {
        return name();
    }
}
