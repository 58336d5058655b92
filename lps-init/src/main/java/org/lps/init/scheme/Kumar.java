package org.lps.init.scheme;

import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Kumar (2017), "On weight initialization in deep neural networks": W ~ N(0, v^2), zero biases, with
 *
 * <pre>
 *   v^2 = 1 / (N g'(0)^2 (1 + g(0)^2))     activations differentiable at 0 (N = fan_in)
 *   v^2 = 2 / ((1 + a^2) N)                relu (a = 0) and leaky relu
 * </pre>
 *
 * The general formula is a reconstruction (docs/init-schemes.md) [derived]: with zero biases and zero-mean
 * weights, Var y = N v^2 E[x^2] = N v^2 (Var x + (E x)^2); linearizing x = g(y) ~ g(0) + g'(0) y and asking
 * for unit-variance activations gives g'(0)^2 N v^2 (1 + g(0)^2) = 1. It reproduces the paper's sigmoid
 * constant (g(0) = 1/2, g'(0) = 1/4: v = 3.578/sqrt(N), "3.6/sqrt(N)") and tanh's 1/N [confirmed,
 * secondary]. The relu result (2/N) [confirmed, secondary] extends to leaky relu by E[leaky(y)^2] =
 * (1 + a^2)/2 Var y [derived]. gelu and silu get 4/N (g(0) = 0, g'(0) = 1/2).
 */
public final class Kumar extends IidScheme {

    @Override
    public String name() {
        return "kumar";
    }

    @Override
    public String description() {
        return "Kumar 2017: variance 1/(N g'(0)^2 (1+g(0)^2)), 2/N for relu, zero biases";
    }

    @Override
    protected Law law() {
        return Law.NORMAL;
    }

    @Override
    public double weightVariance(Model model, ParameterizedLayer layer) {
        return variance(Nonlinearity.of(model, layer), layer.fanIn());
    }

    static double variance(Nonlinearity g, int n) {
        switch (g.kind()) {
            case RELU:
            case LEAKY_RELU:
                return 2 / ((1 + g.slope() * g.slope()) * n);
            default: {
                double g0 = g.valueAtZero();
                double g1 = g.derivativeAtZero();
                if (!(g1 != 0) || !Double.isFinite(g1)) {
                    throw new IllegalArgumentException("kumar needs an activation with g'(0) != 0; " + g.name() + " has g'(0) = " + g1);
                }
                return 1 / (n * g1 * g1 * (1 + g0 * g0));
            }
        }
    }
}
