package org.lps.init.lps.block;

import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.fit.FitResult;
import org.lps.polyapprox.fit.Method;
import org.lps.polyapprox.fit.PolyFit;
import org.lps.polyapprox.measure.Measure;

/**
 * Step 1 of docs/design.md's LPS initialization: the polynomial p ~ sigma of degree d, least squares for the fit
 * measure (default N(0, 1)), monomial coefficients a_0..a_d.
 *
 * <p>Coefficients below {@link #NOISE} times the largest are set to exactly zero. They are rounding noise of the
 * orthogonal-basis fit (gelu's cubic comes out as -1e-17, tanh's even ones as 1e-18) where the exact projection is
 * zero by parity, and keeping them would (a) break the sign symmetries the block then has exactly and (b) put a
 * 1e-17 leading coefficient into the polynomial system, whose extra solutions would sit near 1e17 instead of at
 * infinity. ReLU's cubic coefficient is exactly zero already (docs/polyapprox.md: its degree-3 fit is its
 * degree-2 fit).
 */
public record ActivationFit(Activation activation, Measure measure, int degree, double[] coefficients, double l2Error) {

    /** Relative size under which a fitted coefficient counts as zero. */
    static final double NOISE = 1e-12;

    public ActivationFit {
        coefficients = coefficients.clone();
    }

    public static ActivationFit of(Activation activation, int degree, Measure measure) {
        FitResult fit = PolyFit.fit(activation, degree, measure, Method.L2);
        double[] a = fit.coefficients();
        double max = 0;
        for (double x : a) {
            max = Math.max(max, Math.abs(x));
        }
        for (int m = 0; m < a.length; m++) {
            if (Math.abs(a[m]) <= NOISE * max) {
                a[m] = 0;
            }
        }
        return new ActivationFit(activation, measure, degree, a, fit.l2Error());
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The degree of p itself: below {@link #degree()} when the top coefficients vanish (relu at d = 3). */
    public int effectiveDegree() {
        for (int m = coefficients.length - 1; m > 0; m--) {
            if (coefficients[m] != 0) {
                return m;
            }
        }
        return 0;
    }

    /** p is even: p(-u) = p(u). */
    boolean isEven() {
        for (int m = 1; m < coefficients.length; m += 2) {
            if (coefficients[m] != 0) {
                return false;
            }
        }
        return true;
    }

    /** p is odd: p(-u) = -p(u). */
    boolean isOdd() {
        for (int m = 0; m < coefficients.length; m += 2) {
            if (coefficients[m] != 0) {
                return false;
            }
        }
        return true;
    }

    /** p(u). */
    double value(double u) {
        double s = 0;
        for (int m = coefficients.length - 1; m >= 0; m--) {
            s = s * u + coefficients[m];
        }
        return s;
    }
}
