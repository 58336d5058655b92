package org.lps.nets.init;

import java.util.SplittableRandom;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Xavier (Glorot) uniform: W ~ U(-a, a) with a = sqrt(6 / (fan_in + fan_out)), zero biases: PyTorch's
 * {@code xavier_uniform_} with gain 1.
 */
public final class Xavier implements WeightInit {

    @Override
    public String name() {
        return "xavier";
    }

    @Override
    public String description() {
        return "Xavier/Glorot uniform, bound sqrt(6/(fan_in+fan_out)), zero biases";
    }

    @Override
    public void initialize(Model model, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        for (ParameterizedLayer l : model.parameterizedLayers()) {
            SplittableRandom rng = root.split();
            double bound = Math.sqrt(6.0 / (l.fanIn() + l.fanOut()));
            float[] w = l.weight().values();
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            java.util.Arrays.fill(l.bias().values(), 0f);
        }
    }
}
