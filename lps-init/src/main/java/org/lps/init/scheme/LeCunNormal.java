package org.lps.init.scheme;

import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * LeCun normal: W ~ N(0, 1 / fan_in), a plain (untruncated) normal, zero biases: Deeplearning4j's
 * LECUN_NORMAL. Keras' LecunNormal has the same standard deviation after truncating at two standard
 * deviations; PyTorch has no LeCun initializer (its SELU recipe is {@code kaiming_normal_(nonlinearity='linear')},
 * which is this).
 */
public final class LeCunNormal extends IidScheme {

    @Override
    public String name() {
        return "lecun";
    }

    @Override
    public String description() {
        return "LeCun normal, std sqrt(1/fan_in), zero biases";
    }

    @Override
    protected Law law() {
        return Law.NORMAL;
    }

    @Override
    public double weightVariance(Model model, ParameterizedLayer layer) {
        return 1.0 / layer.fanIn();
    }
}
