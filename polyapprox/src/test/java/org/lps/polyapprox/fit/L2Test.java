package org.lps.polyapprox.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.poly.Basis;
import org.lps.polyapprox.poly.Polynomial;
import org.lps.polyapprox.quadrature.GaussHermite;
import org.lps.polyapprox.quadrature.QuadratureRule;

/** Least squares up to degree 12 and beyond: optimality, convergence, agreement with independent rules. */
class L2Test {

    static final String[] ACTIVATIONS = {"relu", "leaky-relu:0.1", "elu", "gelu", "silu", "tanh", "sigmoid", "softplus"};
    static final String[] MEASURES = {"gaussian", "gaussian:0.5:2", "uniform:-1:1", "uniform:-5:5", "uniform:-2:6"};

    /**
     * The defining property of least squares: the residual f - p is orthogonal to every polynomial of
     * degree <= d under the measure. Checked on the returned monomial coefficients against the basis
     * polynomials, by the measure's quadrature, at degree 12 (where normal equations in monomials on
     * [-5, 5] would have a condition number past 1e15 and fail this).
     */
    @Test
    void residualIsOrthogonalToAllPolynomialsOfTheDegree() {
        int d = 12;
        for (String a : ACTIVATIONS) {
            Activation f = Activation.parse(a);
            for (String ms : MEASURES) {
                Measure m = Measure.parse(ms);
                FitResult r = PolyFit.fit(f, d, m, Method.L2);
                Basis b = r.basis();
                QuadratureRule rule = m.quadrature(f.kinks());
                double[] fam = new double[d + 1];
                double[] inner = new double[d + 1];
                double[] norm = new double[d + 1];
                for (int i = 0; i < rule.size(); i++) {
                    double x = rule.node(i);
                    double res = f.value(x) - r.value(x);
                    b.values(b.toReference(x), d, fam);
                    for (int k = 0; k <= d; k++) {
                        inner[k] += rule.weight(i) * res * fam[k];
                        norm[k] += rule.weight(i) * fam[k] * fam[k];
                    }
                }
                for (int k = 0; k <= d; k++) {
                    // relative to |f - p| |F_k| (Cauchy-Schwarz bound), so the check is scale-free
                    double scale = Math.max(r.l2Error(), 1e-3) * Math.sqrt(norm[k]);
                    assertEquals(0.0, inner[k] / scale, 1e-9, a + " on " + ms + ": <f - p, F_" + k + ">");
                }
            }
        }
    }

    @Test
    void errorsDecreaseWithDegree() {
        for (String a : ACTIVATIONS) {
            Activation f = Activation.parse(a);
            for (String ms : MEASURES) {
                Measure m = Measure.parse(ms);
                double prev = Double.POSITIVE_INFINITY;
                double first = 0;
                for (int d = 0; d <= 14; d++) {
                    double e = PolyFit.fit(f, d, m, Method.L2).l2Error();
                    assertTrue(e <= prev * (1 + 1e-10) + 1e-15, a + " on " + ms + ": degree " + d + " error " + e + " > " + prev);
                    if (d == 0) {
                        first = e;
                    }
                    prev = e;
                }
                assertTrue(prev < 0.2 * first, a + " on " + ms + ": degree 14 barely improves on degree 0");
            }
        }
    }

    @Test
    void smoothActivationsMatchAnIndependentHighOrderGaussHermiteProjection() {
        // gelu and softplus are entire or nearly so on the real line: 150-point Gauss-Hermite converges
        QuadratureRule gh = GaussHermite.probabilists(150);
        int d = 12;
        for (String a : new String[] {"gelu", "softplus", "sigmoid", "silu"}) {
            Activation f = Activation.parse(a);
            double[] c = PolyFit.fit(f, d, Measure.standardGaussian(), Method.L2).basisCoefficients();
            double[] he = new double[d + 1];
            Basis b = new Basis(Basis.Family.HERMITE, 0, 1);
            double[] ref = new double[d + 1];
            for (int i = 0; i < gh.size(); i++) {
                b.values(gh.node(i), d, he);
                for (int k = 0; k <= d; k++) {
                    ref[k] += gh.weight(i) * f.value(gh.node(i)) * he[k];
                }
            }
            double fact = 1;
            for (int k = 0; k <= d; k++) {
                fact *= Math.max(k, 1);
                assertEquals(ref[k] / fact, c[k], 1e-10, a + " c_" + k);
            }
        }
    }

    @Test
    void monomialCoefficientsReproduceTheOrthogonalSeriesAtDegree12() {
        for (String a : ACTIVATIONS) {
            Activation f = Activation.parse(a);
            for (String ms : MEASURES) {
                Measure m = Measure.parse(ms);
                FitResult r = PolyFit.fit(f, 12, m, Method.L2);
                double[] c = r.basisCoefficients();
                for (int i = 0; i <= 40; i++) {
                    double x = m.lower() + (m.upper() - m.lower()) * i / 40;
                    double series = r.basis().evaluate(c, x);
                    assertEquals(series, r.value(x), 1e-11 * Math.max(1, Math.abs(series)), a + " " + ms + " at " + x);
                }
            }
        }
    }

    @Test
    void chebyshevInterpolatesAtTheChebyshevPoints() {
        Activation f = Activation.tanh();
        Measure m = Measure.parse("uniform:-2:3");
        int d = 7;
        FitResult r = PolyFit.fit(f, d, m, Method.CHEBYSHEV);
        for (int k = 0; k <= d; k++) {
            double x = 0.5 + 2.5 * Math.cos(Math.PI * (k + 0.5) / (d + 1));
            assertEquals(f.value(x), r.value(x), 1e-14);
        }
        // and its error shrinks geometrically for an analytic function
        assertTrue(PolyFit.fit(f, 20, m, Method.CHEBYSHEV).maxError() < 1e-4);
    }

    @Test
    void taylorIsTheSeriesAtTheCenter() {
        FitResult r = PolyFit.fit(Activation.sigmoid(), 3, Measure.parse("gaussian:1:0.5"), Method.TAYLOR);
        double s = 1 / (1 + Math.exp(-1));
        Polynomial expected = Polynomial.of(s, s * (1 - s), s * (1 - s) * (1 - 2 * s) / 2,
                s * (1 - s) * (1 - 6 * s + 6 * s * s) / 6).composeAffine(1, -1);
        assertArrayEquals(expected.coefficients(), r.coefficients(), 1e-14);
        assertEquals(Basis.Family.POWER, r.basis().family());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolyFit.fit(Activation.relu(), 2, Measure.standardGaussian(), Method.TAYLOR));
        assertTrue(e.getMessage().contains("kink"), e.getMessage());
    }

    @Test
    void resultsAreImmutableAndComplete() {
        FitResult r = PolyFit.l2Gaussian(Activation.gelu(), 4);
        double[] c = r.coefficients();
        c[0] = 42;
        assertTrue(r.coefficients()[0] != 42);
        double[] x = r.errorCurve().x();
        x[0] = 42;
        assertEquals(-4.0, r.errorCurve().x()[0]);
        assertEquals(PolyFit.CURVE_POINTS, r.errorCurve().error().length);
        assertEquals(0, r.equioscillationPoints().length);
        assertEquals(r.polynomial().derivativeValue(0.3), r.derivative(0.3));
        // the curve is f - p
        assertEquals(Activation.gelu().value(4) - r.value(4), r.errorCurve().error()[PolyFit.CURVE_POINTS - 1], 0);
    }

    @Test
    void degreeOutOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PolyFit.l2Gaussian(Activation.relu(), -1));
        assertThrows(IllegalArgumentException.class, () -> PolyFit.l2Gaussian(Activation.relu(), PolyFit.MAX_DEGREE + 1));
        assertEquals(PolyFit.MAX_DEGREE, PolyFit.l2Gaussian(Activation.tanh(), PolyFit.MAX_DEGREE).degree());
    }
}
