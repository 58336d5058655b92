package org.lps.nets.init;

import java.util.SplittableRandom;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * He (Kaiming) normal: W ~ N(0, gain^2 / fan_in) with gain sqrt(2 / (1 + a^2)), a the negative slope of a
 * following leaky ReLU (0 otherwise), zero biases: PyTorch's {@code kaiming_normal_} with its defaults.
 */
public final class He implements WeightInit {

    @Override
    public String name() {
        return "he";
    }

    @Override
    public String description() {
        return "He/Kaiming normal, std sqrt(2/fan_in), zero biases";
    }

    @Override
    public void initialize(Model model, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        for (ParameterizedLayer l : model.parameterizedLayers()) {
            SplittableRandom rng = root.split();
            Activation next = model.activationAfter(l);
            double a = next instanceof Activations.LeakyRelu lr ? lr.slope() : 0;
            double std = Math.sqrt(2 / (1 + a * a)) / Math.sqrt(l.fanIn());
            float[] w = l.weight().values();
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (std * rng.nextGaussian());
            }
            java.util.Arrays.fill(l.bias().values(), 0f);
        }
    }
}
