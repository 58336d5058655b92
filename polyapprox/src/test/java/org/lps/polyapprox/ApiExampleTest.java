package org.lps.polyapprox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.fit.FitResult;
import org.lps.polyapprox.fit.Method;
import org.lps.polyapprox.fit.PolyFit;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.moments.GaussianMoments;
import org.lps.polyapprox.moments.MuSigmaPolynomial;
import org.lps.polyapprox.poly.Polynomial;
import org.lps.polyapprox.quadrature.GaussHermite;
import org.lps.polyapprox.quadrature.QuadratureRule;

/** The Java snippet of docs/polyapprox.md, kept compiling and true. */
class ApiExampleTest {

    @Test
    void theDocumentedSnippetRuns() {
        // --- snippet start (docs/polyapprox.md) ---
        Activation relu = Activation.parse("relu");
        FitResult fit = PolyFit.fit(relu, 2, Measure.parse("gaussian"), Method.L2);
        double[] c = fit.coefficients();            // {0.199471, 0.5, 0.199471}, c0 first
        double rms = fit.l2Error();                 // 0.106149 = sqrt(1/4 - 3/(4 pi))
        Polynomial p = fit.polynomial();
        double slope = p.derivativeValue(0.3);      // p'(0.3) = 0.5 + 2 * 0.199471 * 0.3

        // E[p(w t + b)^2] for t ~ N(0,1), exactly: Gauss-Hermite with enough nodes ...
        QuadratureRule gh = GaussHermite.exactForDegree(4);
        double w = 0.85;
        double b = 0.83;
        double byRule = gh.integrate(t -> Math.pow(p.value(w * t + b), 2));
        // ... or in closed form, as a polynomial in the Gaussian's (mu, s) = (b, w)
        MuSigmaPolynomial m = GaussianMoments.expectationPolynomial(p.times(p));
        Map<MuSigmaPolynomial.Exponents, Double> terms = m.terms(); // mu^i s^j -> coefficient
        double closed = m.value(b, w);
        // --- snippet end ---

        assertEquals(0.5, c[1], 0);
        assertEquals(Math.sqrt(0.25 - 3 / (4 * Math.PI)), rms, 1e-14);
        assertEquals(0.5 + 2 * c[2] * 0.3, slope, 1e-15);
        assertEquals(closed, byRule, 1e-13);
        assertEquals(3 * c[2] * c[2], terms.get(new MuSigmaPolynomial.Exponents(0, 4)), 1e-15); // E[t^4] = 3
    }
}
