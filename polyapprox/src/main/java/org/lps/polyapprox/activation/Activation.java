package org.lps.polyapprox.activation;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A scalar activation function with its derivative. Built-ins parse from the strings the CLI uses
 * ({@link #parse}); any Java function can be wrapped with {@link #of}.
 *
 * <p>{@link #kinks()} lists the points where the function is not analytic (relu's 0). Quadrature splits
 * there, which is what makes fits of kinked activations exact to rounding rather than slowly convergent.
 */
public interface Activation extends DoubleUnaryOperator {

    /** The spellings {@link #parse} accepts. */
    String SYNTAX = "relu, leaky-relu[:ALPHA] (default 0.01), elu[:ALPHA] (default 1), gelu, silu (or swish), "
            + "tanh, sigmoid, softplus";

    /** The canonical spelling, which {@link #parse} reads back for built-ins: {@code leaky-relu:0.01}. */
    String name();

    double value(double x);

    double derivative(double x);

    @Override
    default double applyAsDouble(double x) {
        return value(x);
    }

    /** Points where the function is not analytic (a copy; empty for smooth functions). */
    default double[] kinks() {
        return new double[0];
    }

    /**
     * The Taylor coefficients f^(k)(x0) / k! for k = 0..degree, exact up to rounding (computed by
     * recurrences for the series, not by finite differences).
     *
     * @throws IllegalArgumentException if the function has no Taylor series at x0 (a kink there), or this
     *         activation cannot expand itself (a wrapped Java function)
     */
    default double[] taylorCoefficients(double x0, int degree) {
        throw new IllegalArgumentException("activation " + name() + " has no Taylor expansion available"
                + " (only built-in activations can expand themselves)");
    }

    static Activation relu() {
        return LeakyRelu.RELU;
    }

    /** max(x, 0) + alpha min(x, 0), as PyTorch's LeakyReLU(negative_slope = alpha). */
    static Activation leakyRelu(double alpha) {
        return new LeakyRelu(alpha);
    }

    /** x for x > 0, alpha (e^x - 1) otherwise, as PyTorch's ELU(alpha). */
    static Activation elu(double alpha) {
        return new Elu(alpha);
    }

    /** The exact GELU x Phi(x) (PyTorch's default, approximate = 'none'). */
    static Activation gelu() {
        return Smooth.GELU;
    }

    /** x sigmoid(x), also called swish. */
    static Activation silu() {
        return Smooth.SILU;
    }

    static Activation tanh() {
        return Smooth.TANH;
    }

    static Activation sigmoid() {
        return Smooth.SIGMOID;
    }

    /** log(1 + e^x) (PyTorch's Softplus with beta = 1, without its linear cut-off above 20). */
    static Activation softplus() {
        return Smooth.SOFTPLUS;
    }

    /**
     * Wraps a Java function and its derivative. List the points where f is not analytic as kinks: the fits
     * integrate piecewise between them, and accuracy is lost at a kink that is not declared.
     */
    static Activation of(String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative, double... kinks) {
        return new Lambda(name, f, derivative, kinks.clone());
    }

    /** Wraps a smooth Java function; its derivative is a 5-point central difference (about 1e-11 accurate). */
    static Activation of(String name, DoubleUnaryOperator f) {
        return new Lambda(name, f, x -> Lambda.centralDifference(f, x), new double[0]);
    }

    /** Reads an activation as the CLI spells it (case-insensitive); see {@link #SYNTAX}. */
    static Activation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty activation; valid: " + SYNTAX);
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String head = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1);
        Activation a = switch (head) {
            case "relu" -> relu();
            case "leaky-relu", "leaky_relu", "leakyrelu" -> leakyRelu(arg == null ? 0.01 : parameter(arg, spec));
            case "elu" -> {
                double alpha = arg == null ? 1.0 : parameter(arg, spec);
                if (!(alpha > 0)) {
                    throw new IllegalArgumentException("bad activation '" + spec + "': ELU's ALPHA must be > 0");
                }
                yield elu(alpha);
            }
            case "gelu" -> gelu();
            case "silu", "swish" -> silu();
            case "tanh" -> tanh();
            case "sigmoid" -> sigmoid();
            case "softplus" -> softplus();
            default -> throw new IllegalArgumentException("unknown activation '" + spec + "'; valid: " + SYNTAX);
        };
        boolean takesParameter = head.startsWith("leaky") || head.equals("elu");
        if (arg != null && !takesParameter) {
            throw new IllegalArgumentException("bad activation '" + spec + "': " + head + " takes no parameter");
        }
        return a;
    }

    private static double parameter(String arg, String spec) {
        try {
            double v = Double.parseDouble(arg.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad activation '" + spec + "': '" + arg + "' is not a finite number");
    }
}
