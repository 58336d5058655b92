package org.lps.init.scheme;

import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Xavier (Glorot) normal: W ~ N(0, 2 / (fan_in + fan_out)), zero biases. PyTorch's {@code xavier_normal_}
 * with gain 1 (a plain normal; Keras' GlorotNormal truncates at two standard deviations and rescales).
 */
public final class XavierNormal extends IidScheme {

    @Override
    public String name() {
        return "xavier-normal";
    }

    @Override
    public String description() {
        return "Xavier/Glorot normal, std sqrt(2/(fan_in+fan_out)), zero biases";
    }

    @Override
    protected Law law() {
        return Law.NORMAL;
    }

    @Override
    public double weightVariance(Model model, ParameterizedLayer layer) {
        return 2.0 / (layer.fanIn() + layer.fanOut());
    }
}
