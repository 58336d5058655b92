package org.lps.init.scheme;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lps.init.Initializer;
import org.lps.init.MethodSpec;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Fractional moment-preserving initialization (Gurbuzbalaban and Hu, AISTATS 2021), {@code fmp[:S]}:
 * W ~ N(0, sigma^2), zero biases, sigma^2 the exact variance that preserves E|x|^s from layer to layer
 * ({@link FractionalMoments}) with d = fan_in:
 *
 * <ul>
 *   <li>relu: the Gamma-Binomial sum (exact);</li>
 *   <li>leaky relu: the Laplace-transform integral (exact to quadrature accuracy, about 1e-13);</li>
 *   <li>linear (no activation, or {@code poly:0,c}): the chi-square closed form, divided by c^2.</li>
 * </ul>
 *
 * The analysis needs a positively homogeneous activation; tanh, sigmoid, gelu, silu and other polynomials
 * get an error. The default order follows the authors' experiments [confirmed: their scripts]: s = 0.8
 * for relu, s = 1 for leaky relu and linear. s = 2 gives He (2/fan_in; 1/fan_in linear). The width in the
 * analysis is the number of units a layer's norm sums over; with fan_in for d, layers of equal width
 * preserve the moment exactly, as He's fan_in preserves the second moment.
 */
public final class FractionalMomentPreserving extends IidScheme {

    private final Double order;

    /** The default order for the network's activation. */
    public FractionalMomentPreserving() {
        this.order = null;
    }

    /** A fixed order s in (0, 2]. */
    public FractionalMomentPreserving(double s) {
        if (!(s > 0 && s <= 2)) {
            throw new IllegalArgumentException("fmp: the moment order s must be in (0, 2], got " + s);
        }
        this.order = s;
    }

    @Override
    public String name() {
        return "fmp";
    }

    @Override
    public String syntax() {
        return "fmp[:S]";
    }

    @Override
    public String description() {
        return "fractional moment preserving of order S (default 0.8 relu, 1 leaky/linear), exact variance, zero biases";
    }

    @Override
    public Initializer configure(MethodSpec spec) {
        spec.requireAtMost(1, syntax());
        if (spec.parameters().isEmpty()) {
            return new FractionalMomentPreserving();
        }
        double s = spec.number(0, "the order S");
        if (!(s > 0 && s <= 2)) {
            throw new IllegalArgumentException("'" + spec.method() + "': the moment order S must be in (0, 2], got " + spec.parameters().get(0));
        }
        return new FractionalMomentPreserving(s);
    }

    @Override
    protected Law law() {
        return Law.NORMAL;
    }

    /** The order used for this activation: the one given, or the authors' default for it. */
    public double order(Model model, ParameterizedLayer layer) {
        return order(Nonlinearity.of(model, layer));
    }

    private double order(Nonlinearity g) {
        requireHomogeneous(g);
        if (order != null) {
            return order;
        }
        return g.kind() == Nonlinearity.Kind.RELU ? 0.8 : 1.0;
    }

    @Override
    public double weightVariance(Model model, ParameterizedLayer layer) {
        Nonlinearity g = Nonlinearity.of(model, layer);
        double s = order(g);
        int d = layer.fanIn();
        switch (g.kind()) {
            case RELU: return FractionalMoments.relu(d, s);
            case LEAKY_RELU: return FractionalMoments.leaky(g.slope(), d, s);
            default: return FractionalMoments.linear(d, s) / (g.slope() * g.slope());
        }
    }

    private static void requireHomogeneous(Nonlinearity g) {
        if (!g.positivelyHomogeneous()) {
            throw new IllegalArgumentException("fmp is defined for positively homogeneous activations (relu, leaky-relu, linear); "
                    + g.name() + " is not");
        }
    }

    @Override
    protected Map<String, Object> settings(Model model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", order(model, model.parameterizedLayers().get(0)));
        m.put("activation", Nonlinearity.of(model, model.parameterizedLayers().get(0)).name());
        return m;
    }
}
