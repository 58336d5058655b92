package org.lps.polyapprox.fit;

import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.poly.Basis;
import org.lps.polyapprox.poly.Polynomial;

/**
 * An immutable polynomial approximation p of an activation f, with how good it is.
 *
 * <ul>
 *   <li>{@link #l2Error()}: the root-mean-square error sqrt(E[(f(X) - p(X))^2]) for X ~ the measure (a
 *       probability measure: for uniform:A:B that is the integral over [A, B] divided by B - A). Square it
 *       for the mean square error.</li>
 *   <li>{@link #maxError()}: max |f - p| on the measure's interval (mean +- 4 sigma for a Gaussian).</li>
 * </ul>
 * Both are measured on the monomial coefficients returned, the polynomial a caller actually uses.
 */
public final class FitResult {

    /** Sampled error f(x) - p(x) on the measure's interval, for plots. */
    public record ErrorCurve(double[] x, double[] error) {
        public ErrorCurve {
            x = x.clone();
            error = error.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] error() {
            return error.clone();
        }
    }

    private final Activation activation;
    private final int degree;
    private final Measure measure;
    private final Method method;
    private final Polynomial polynomial;
    private final Basis basis;
    private final double[] basisCoefficients;
    private final double l2Error;
    private final double maxError;
    private final double maxErrorAt;
    private final double[] reference;
    private final ErrorCurve errorCurve;

    FitResult(Activation activation, int degree, Measure measure, Method method, Polynomial polynomial, Basis basis,
              double[] basisCoefficients, double l2Error, double maxError, double maxErrorAt, double[] reference,
              ErrorCurve errorCurve) {
        this.activation = activation;
        this.degree = degree;
        this.measure = measure;
        this.method = method;
        this.polynomial = polynomial;
        this.basis = basis;
        this.basisCoefficients = basisCoefficients.clone();
        this.l2Error = l2Error;
        this.maxError = maxError;
        this.maxErrorAt = maxErrorAt;
        this.reference = reference.clone();
        this.errorCurve = errorCurve;
    }

    public Activation activation() {
        return activation;
    }

    public int degree() {
        return degree;
    }

    public Measure measure() {
        return measure;
    }

    public Method method() {
        return method;
    }

    /** p in the monomial basis. */
    public Polynomial polynomial() {
        return polynomial;
    }

    /** The monomial coefficients of p, c0 first (a copy). */
    public double[] coefficients() {
        return polynomial.coefficients();
    }

    /** The basis the fit was computed in: Hermite (l2, Gaussian), Legendre (l2, uniform), Chebyshev, powers (taylor). */
    public Basis basis() {
        return basis;
    }

    /** p's coefficients in {@link #basis()} (a copy). */
    public double[] basisCoefficients() {
        return basisCoefficients.clone();
    }

    /** Root-mean-square error under the measure. */
    public double l2Error() {
        return l2Error;
    }

    /** Maximum absolute error on [measure.lower(), measure.upper()]. */
    public double maxError() {
        return maxError;
    }

    /** Where the maximum error is attained. */
    public double maxErrorAt() {
        return maxErrorAt;
    }

    /**
     * For minimax: the d + 2 points where the error equioscillates (the final Remez reference), increasing.
     * Empty for the other methods, and for minimax when the error is at rounding level (then the Chebyshev
     * interpolant is returned: double precision cannot tell it from the best approximation).
     */
    public double[] equioscillationPoints() {
        return reference.clone();
    }

    public ErrorCurve errorCurve() {
        return errorCurve;
    }

    /** p(x). */
    public double value(double x) {
        return polynomial.value(x);
    }

    /** p'(x). */
    public double derivative(double x) {
        return polynomial.derivativeValue(x);
    }

    @Override
    public String toString() {
        return method.spelling() + " fit of " + activation.name() + " (degree " + degree + ", " + measure.spec() + "): "
                + polynomial + "; l2Error " + l2Error + ", maxError " + maxError;
    }
}
