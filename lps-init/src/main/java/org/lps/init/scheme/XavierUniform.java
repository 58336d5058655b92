package org.lps.init.scheme;

import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Xavier (Glorot) uniform: W ~ U(-a, a), a = sqrt(6 / (fan_in + fan_out)), variance 2 / (fan_in + fan_out);
 * zero biases. PyTorch's {@code xavier_uniform_} with its default gain 1 (Keras' GlorotUniform). Also
 * reachable as {@code xavier}, nets' name for the same draw.
 */
public final class XavierUniform extends IidScheme {

    @Override
    public String name() {
        return "xavier-uniform";
    }

    @Override
    public String description() {
        return "Xavier/Glorot uniform, U(+-sqrt(6/(fan_in+fan_out))), zero biases";
    }

    @Override
    protected Law law() {
        return Law.UNIFORM;
    }

    @Override
    public double weightVariance(Model model, ParameterizedLayer layer) {
        return 2.0 / (layer.fanIn() + layer.fanOut());
    }

    /** nets' Xavier's expression, so that both draw identical floats. */
    @Override
    protected double uniformBound(Model model, ParameterizedLayer layer) {
        return Math.sqrt(6.0 / (layer.fanIn() + layer.fanOut()));
    }
}
