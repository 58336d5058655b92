package org.lps.init.scheme;

import java.util.Locale;
import java.util.Map;
import org.lps.init.Initializer;
import org.lps.init.MethodSpec;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Hessian-norm calibrated initialization, after Skorski, Temperoni and Theobald, "Revisiting (weight)
 * initialization of deep neural networks" (ACML 2021): W ~ N(0, sigma^2), zero biases, with
 *
 * <pre>
 *   n sigma^2 c = 1,   c = E[phi'(z)^2]
 * </pre>
 *
 * per layer [derived in docs/init-schemes.md from the paper's principle and its Gauss-Newton chain rule]:
 * the Gauss-Newton block of layer k is (B_k^T Lambda B_k) (x) (x_k x_k^T), and with equal widths n the
 * forward factor |x_{k+1}|^2 ~ n sigma^2 c |x_k|^2 and the backward factor |B_{k-1}|^2 ~ n sigma^2 c |B_k|^2
 * make every layer's Hessian norm proportional to prod_{j != k} (n sigma_j^2 c); keeping it bounded and
 * independent of depth asks for n sigma^2 c = 1.
 *
 * <p>c is taken in the linear regime of small pre-activations, as the derivation linearizes: phi'(0)^2 for
 * smooth activations (tanh: sigma^2 = 1/n), exactly (1 + a^2)/2 for relu and leaky relu at any scale
 * (relu: 2/n, He). With unequal widths the forward factor counts the layer's outputs and the backward one
 * its inputs, so no single sigma makes both 1; the default takes the Glorot-style compromise n = (fan_in +
 * fan_out)/2 the reference suggests, {@code hessian:in} and {@code hessian:out} take one side.
 * {@link org.lps.init.diagnostics.HessianNorms} measures the resulting Gauss-Newton norms on data.
 */
public final class HessianCalibrated extends IidScheme {

    /** Which n: fan_in, fan_out, or their mean. */
    public enum Fan { AVG, IN, OUT }

    private final Fan fan;

    public HessianCalibrated() {
        this(Fan.AVG);
    }

    public HessianCalibrated(Fan fan) {
        this.fan = fan;
    }

    @Override
    public String name() {
        return "hessian";
    }

    @Override
    public String syntax() {
        return "hessian[:avg|in|out]";
    }

    @Override
    public String description() {
        return "Hessian-norm calibrated, n sigma^2 E[phi'(z)^2] = 1 with n = (fan_in+fan_out)/2 (or :in, :out), zero biases";
    }

    @Override
    public Initializer configure(MethodSpec spec) {
        spec.requireAtMost(1, syntax());
        if (spec.parameters().isEmpty()) {
            return new HessianCalibrated();
        }
        switch (spec.parameters().get(0)) {
            case "avg": return new HessianCalibrated(Fan.AVG);
            case "in": return new HessianCalibrated(Fan.IN);
            case "out": return new HessianCalibrated(Fan.OUT);
            default: throw new IllegalArgumentException("'" + spec.method() + "': expected " + syntax());
        }
    }

    @Override
    protected Law law() {
        return Law.NORMAL;
    }

    @Override
    public double weightVariance(Model model, ParameterizedLayer layer) {
        double c = Nonlinearity.of(model, layer).derivativeSquaredLinearRegime();
        if (!(c > 0)) {
            throw new IllegalArgumentException("hessian needs E[phi'(z)^2] > 0; " + Nonlinearity.of(model, layer).name() + " has phi'(0) = 0");
        }
        return 1 / (n(layer) * c);
    }

    double n(ParameterizedLayer layer) {
        switch (fan) {
            case IN: return layer.fanIn();
            case OUT: return layer.fanOut();
            default: return (layer.fanIn() + layer.fanOut()) / 2.0;
        }
    }

    @Override
    protected Map<String, Object> settings(Model model) {
        return Map.of("fan", fan.name().toLowerCase(Locale.ROOT));
    }
}
