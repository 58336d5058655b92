package org.lps.init.scheme;

import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * He (Kaiming) normal, fan-in mode: W ~ N(0, gain^2 / fan_in) with gain sqrt(2 / (1 + a^2)), a the
 * negative slope of a leaky-relu network (0 otherwise, so sqrt(2) for relu and for every other activation,
 * as PyTorch's {@code kaiming_normal_} with its default {@code nonlinearity='leaky_relu', a=0}); zero
 * biases. It preserves the second moment of the forward signal through relu layers.
 *
 * <p>Registered as {@code he}, it replaces nets' He, which draws the same numbers (for a leaky-relu network
 * nets' He used gain sqrt(2) on the output layer; this one uses the network's slope there too, like every
 * scheme of this package).
 */
public class HeNormal extends IidScheme {

    @Override
    public String name() {
        return "he";
    }

    @Override
    public String description() {
        return "He/Kaiming normal, std sqrt(2/((1+a^2) fan_in)) (a: leaky slope), zero biases";
    }

    @Override
    protected final Law law() {
        return Law.NORMAL;
    }

    /** The fan that sets the scale: fan_in here. */
    int fan(ParameterizedLayer layer) {
        return layer.fanIn();
    }

    private static double gain(Model model, ParameterizedLayer layer) {
        Nonlinearity n = Nonlinearity.of(model, layer);
        double a = n.kind() == Nonlinearity.Kind.LEAKY_RELU ? n.slope() : 0;
        return Math.sqrt(2 / (1 + a * a));
    }

    @Override
    public final double weightVariance(Model model, ParameterizedLayer layer) {
        double g = gain(model, layer);
        return g * g / fan(layer);
    }

    /** nets' He's expression, so that both draw identical floats. */
    @Override
    protected final double normalStd(Model model, ParameterizedLayer layer) {
        return gain(model, layer) / Math.sqrt(fan(layer));
    }
}
