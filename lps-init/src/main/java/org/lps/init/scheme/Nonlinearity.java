package org.lps.init.scheme;

import java.util.Arrays;
import java.util.List;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * The activation a scheme designs a layer's weights for, and the facts about it the formulas need.
 *
 * <p>Which activation: the one right after the layer; for the output layer (nothing after it) the one
 * after the nearest earlier dense or conv2d layer; linear when the network has none. This is how PyTorch
 * users apply {@code calculate_gain(nonlinearity)} to every layer of a network, and how He's 2/fan_in is
 * used for the first and last layers too: the schemes are derived for a homogeneous stack, and the
 * output layer, whose inputs are activations like any hidden layer's, gets the same treatment.
 */
public final class Nonlinearity {

    /** The pieces of an activation the schemes distinguish. */
    enum Kind { LINEAR, RELU, LEAKY_RELU, TANH, SIGMOID, GELU, SILU, POLYNOMIAL }

    private final Kind kind;
    private final Activation activation;
    private final double slope;
    private final double[] coefficients;

    private Nonlinearity(Kind kind, Activation activation, double slope, double[] coefficients) {
        this.kind = kind;
        this.activation = activation;
        this.slope = slope;
        this.coefficients = coefficients;
    }

    /** The activation that {@code layer}'s weights are designed for (see the class comment). */
    static Nonlinearity of(Model model, ParameterizedLayer layer) {
        Activation a = model.activationAfter(layer);
        if (a == null) {
            List<ParameterizedLayer> ps = model.parameterizedLayers();
            for (int i = ps.indexOf(layer) - 1; i >= 0 && a == null; i--) {
                a = model.activationAfter(ps.get(i));
            }
        }
        return of(a);
    }

    /** Classifies a nets activation; null is the identity. */
    static Nonlinearity of(Activation a) {
        if (a == null) {
            return new Nonlinearity(Kind.LINEAR, null, 1, new double[] {0, 1});
        }
        if (a instanceof Activations.LeakyRelu l) {
            return new Nonlinearity(Kind.LEAKY_RELU, a, l.slope(), null);
        }
        if (a instanceof Activations.Polynomial p) {
            double[] c = trim(p.coefficients());
            // p(z) = c1 z is linear (positively homogeneous); the schemes that need that know its slope.
            boolean linear = c.length == 2 && c[0] == 0 && c[1] != 0;
            return new Nonlinearity(linear ? Kind.LINEAR : Kind.POLYNOMIAL, a, linear ? c[1] : Double.NaN, c);
        }
        switch (a.name()) {
            case "relu": return new Nonlinearity(Kind.RELU, a, 0, null);
            case "tanh": return new Nonlinearity(Kind.TANH, a, Double.NaN, null);
            case "sigmoid": return new Nonlinearity(Kind.SIGMOID, a, Double.NaN, null);
            case "gelu": return new Nonlinearity(Kind.GELU, a, Double.NaN, null);
            case "silu": return new Nonlinearity(Kind.SILU, a, Double.NaN, null);
            default: throw new IllegalArgumentException("activation '" + a.name() + "' is not known to the initializers");
        }
    }

    private static double[] trim(double[] c) {
        int n = c.length;
        while (n > 1 && c[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(c, n);
    }

    Kind kind() {
        return kind;
    }

    /** relu, leaky-relu:0.01, tanh, ..., linear. */
    String name() {
        return activation == null ? "linear" : activation.name();
    }

    /**
     * True for relu, leaky relu and c*z: phi(c u) = c phi(u) for c > 0, which the fractional-moment analysis
     * needs.
     */
    boolean positivelyHomogeneous() {
        return kind == Kind.RELU || kind == Kind.LEAKY_RELU || kind == Kind.LINEAR;
    }

    /** {@link #positivelyHomogeneous()} of a nets activation (null: the identity), for the lps lift's gains. */
    public static boolean positivelyHomogeneous(Activation a) {
        return of(a).positivelyHomogeneous();
    }

    /** The negative-side slope a of relu (0), leaky relu (a) or a linear map c*z (c). */
    double slope() {
        return slope;
    }

    /** phi(0). */
    double valueAtZero() {
        return activation == null ? 0 : activation.value(0);
    }

    /** phi'(0); for relu and leaky relu, where it does not exist, NaN. */
    double derivativeAtZero() {
        switch (kind) {
            case RELU:
            case LEAKY_RELU:
                return Double.NaN;
            case LINEAR:
                return slope;
            default:
                return activation.derivative(0);
        }
    }

    /** E[phi(Z)^2], Z ~ N(0, 1): closed forms for the piecewise-linear ones, quadrature otherwise. */
    double secondMoment() {
        switch (kind) {
            case LINEAR: return slope * slope;
            case RELU: return 0.5;
            case LEAKY_RELU: return (1 + slope * slope) / 2;
            default: return gaussianExpectation(z -> {
                double v = activation.value(z);
                return v * v;
            });
        }
    }

    /**
     * E[phi'(Z)^2] in the linear regime (pre-activations small): phi'(0)^2 for smooth activations; for relu
     * and leaky relu, whose derivative is a step, the same at every scale: (1 + a^2)/2.
     */
    double derivativeSquaredLinearRegime() {
        switch (kind) {
            case RELU: return 0.5;
            case LEAKY_RELU: return (1 + slope * slope) / 2;
            default: {
                double d = derivativeAtZero();
                return d * d;
            }
        }
    }

    /**
     * PyTorch's {@code torch.nn.init.calculate_gain}: 1 for linear (no activation) and sigmoid, 5/3 for
     * tanh, sqrt(2) for relu, sqrt(2/(1+a^2)) for leaky relu. PyTorch has no gain for gelu, silu or
     * polynomials; for those (c*z included: 1/|c|) we use 1/sqrt(E[phi(Z)^2]), the rule that gives relu's
     * sqrt(2): a weight variance gain^2/fan_in then keeps E[x^2] of unit-variance pre-activations at 1.
     */
    double gain() {
        switch (kind) {
            case LINEAR: return activation == null ? 1 : 1 / Math.abs(slope);
            case RELU: return Math.sqrt(2);
            case LEAKY_RELU: return Math.sqrt(2 / (1 + slope * slope));
            case TANH: return 5.0 / 3;
            case SIGMOID: return 1;
            default: {
                double m = secondMoment();
                if (!(m > 0) || !Double.isFinite(m)) {
                    throw new IllegalArgumentException("activation " + name() + " has E[phi(Z)^2] = " + m + ": no gain makes sense");
                }
                return 1 / Math.sqrt(m);
            }
        }
    }

    /** E[f(Z)], Z ~ N(0, 1), by polyapprox's composite Gauss-Legendre rule (panels split at 0). */
    private static double gaussianExpectation(java.util.function.DoubleUnaryOperator f) {
        QuadratureRule rule = new Measure.Gaussian(0, 1).quadrature(0.0);
        return rule.integrate(f);
    }
}
