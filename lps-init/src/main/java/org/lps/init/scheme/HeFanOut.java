package org.lps.init.scheme;

import org.lps.nets.layer.ParameterizedLayer;

/**
 * He (Kaiming) normal, fan-out mode: W ~ N(0, gain^2 / fan_out), gain as in {@link HeNormal}; zero biases.
 * PyTorch's {@code kaiming_normal_(mode='fan_out')}: it preserves the second moment of the gradients in the
 * backward pass instead of the signal in the forward pass. For conv layers fan_out = out * kh * kw.
 */
public final class HeFanOut extends HeNormal {

    @Override
    public String name() {
        return "he-fan-out";
    }

    @Override
    public String description() {
        return "He/Kaiming normal, fan-out mode, std sqrt(2/((1+a^2) fan_out)), zero biases";
    }

    @Override
    int fan(ParameterizedLayer layer) {
        return layer.fanOut();
    }
}
