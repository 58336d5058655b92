package org.lps.polyapprox.fit;

import java.util.List;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.poly.Basis;
import org.lps.polyapprox.poly.Polynomial;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * Polynomial approximations of activation functions. Every method computes in an orthogonal basis on the
 * measure's reference variable and converts to monomials of x once, at the end:
 * <pre>{@code
 * FitResult r = PolyFit.fit(Activation.relu(), 2, Measure.standardGaussian(), Method.L2);
 * double[] c = r.coefficients();   // {0.19947, 0.5, 0.19947}
 * }</pre>
 */
public final class PolyFit {

    /**
     * The highest degree accepted. Fits stay accurate in their own basis well beyond it, but the monomial
     * coefficients of a high-degree polynomial on a wide interval lose digits to cancellation, and a
     * degree-30 activation surrogate is already far beyond what the LPS systems can use.
     */
    public static final int MAX_DEGREE = 30;

    /** Points in {@link FitResult#errorCurve()}. */
    public static final int CURVE_POINTS = 401;

    private PolyFit() {
    }

    /** The default fit of lps-init: least squares under N(0,1). */
    public static FitResult l2Gaussian(Activation f, int degree) {
        return fit(f, degree, Measure.standardGaussian(), Method.L2);
    }

    /**
     * Fits f by a polynomial of degree at most {@code degree} for the measure.
     *
     * @throws IllegalArgumentException for a degree outside 0..{@value #MAX_DEGREE}, or taylor at a kink
     */
    public static FitResult fit(Activation f, int degree, Measure measure, Method method) {
        if (f == null || measure == null || method == null) {
            throw new IllegalArgumentException("fit needs an activation, a measure and a method");
        }
        if (degree < 0 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("degree must be between 0 and " + MAX_DEGREE + ", got " + degree);
        }
        double lo = measure.lower();
        double hi = measure.upper();
        Basis basis;
        double[] coefficients;
        double[] reference = new double[0];
        switch (method) {
            case L2 -> {
                basis = L2Projection.basis(measure);
                coefficients = L2Projection.coefficients(f, degree, measure);
            }
            case CHEBYSHEV -> {
                basis = Chebyshev.basis(lo, hi);
                coefficients = Chebyshev.coefficients(f, degree, lo, hi);
            }
            case MINIMAX -> {
                basis = Chebyshev.basis(lo, hi);
                Remez.Result r = Remez.fit(f, degree, lo, hi);
                if (!r.converged()) {
                    throw new ArithmeticException("minimax: the Remez exchange did not converge for " + f.name()
                            + " of degree " + degree + " on [" + lo + ", " + hi + "] in " + Remez.MAX_ITERATIONS
                            + " iterations");
                }
                coefficients = r.coefficients();
                reference = r.reference();
            }
            case TAYLOR -> {
                basis = new Basis(Basis.Family.POWER, measure.center(), 1.0);
                coefficients = f.taylorCoefficients(measure.center(), degree);
            }
            default -> throw new IllegalStateException("unhandled method " + method);
        }
        for (double c : coefficients) {
            if (!Double.isFinite(c)) {
                throw new ArithmeticException(method.spelling() + " fit of " + f.name() + " produced a non-finite coefficient");
            }
        }
        Polynomial p = basis.toMonomial(coefficients);
        double[] kinks = f.kinks();
        List<Extrema.Point> ext = Extrema.local(x -> f.value(x) - p.value(x), lo, hi, kinks, Extrema.gridSize(degree));
        Extrema.Point worst = Extrema.largest(ext);
        return new FitResult(f, degree, measure, method, p, basis, coefficients, l2Error(f, p, measure),
                Math.abs(worst.e()), worst.x(), reference, curve(f, p, lo, hi));
    }

    /** sqrt(E[(f - p)^2]) under the measure, by the same kink-aware quadrature as the projections. */
    static double l2Error(Activation f, Polynomial p, Measure m) {
        QuadratureRule rule = m.quadrature(f.kinks());
        double s = 0;
        for (int i = 0; i < rule.size(); i++) {
            double x = rule.node(i);
            double e = f.value(x) - p.value(x);
            s += rule.weight(i) * e * e;
        }
        return Math.sqrt(s);
    }

    private static FitResult.ErrorCurve curve(Activation f, Polynomial p, double lo, double hi) {
        double[] x = new double[CURVE_POINTS];
        double[] e = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            x[i] = i == CURVE_POINTS - 1 ? hi : lo + (hi - lo) * i / (CURVE_POINTS - 1);
            e[i] = f.value(x[i]) - p.value(x[i]);
        }
        return new FitResult.ErrorCurve(x, e);
    }
}
