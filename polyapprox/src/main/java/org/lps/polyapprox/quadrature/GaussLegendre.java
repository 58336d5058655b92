package org.lps.polyapprox.quadrature;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss-Legendre rules for the plain integral over an interval, single and composite. The composite rule
 * is how this library integrates activations: panels end at the activation's kinks, so every panel sees an
 * analytic integrand and converges geometrically, where one global rule across a kink would converge only
 * algebraically.
 */
public final class GaussLegendre {

    private static final ConcurrentHashMap<Integer, double[][]> REFERENCE = new ConcurrentHashMap<>();

    private GaussLegendre() {
    }

    /** The n-point rule for the integral over [a, b], exact for polynomials of degree at most 2n - 1. */
    public static QuadratureRule on(double a, double b, int n) {
        return composite(new double[] {a, b}, n);
    }

    /**
     * An n-point rule on every panel [breaks[k], breaks[k+1]] (breaks strictly increasing), for the integral
     * over [breaks[0], breaks[last]].
     */
    public static QuadratureRule composite(double[] breaks, int n) {
        if (breaks.length < 2) {
            throw new IllegalArgumentException("a composite rule needs at least one panel");
        }
        double[][] ref = reference(n);
        int panels = breaks.length - 1;
        double[] x = new double[panels * n];
        double[] w = new double[panels * n];
        for (int p = 0; p < panels; p++) {
            double a = breaks[p];
            double b = breaks[p + 1];
            if (!(b > a) || !Double.isFinite(a) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("panel breaks must be finite and increasing: " + a + ", " + b);
            }
            double mid = 0.5 * (a + b);
            double half = 0.5 * (b - a);
            for (int i = 0; i < n; i++) {
                x[p * n + i] = mid + half * ref[0][i];
                w[p * n + i] = half * ref[1][i];
            }
        }
        return new QuadratureRule(x, w);
    }

    private static double[][] reference(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("Gauss-Legendre nodes per panel must be between 1 and 200, got " + n);
        }
        return REFERENCE.computeIfAbsent(n, k -> {
            GaussIntegrator g = new GaussIntegratorFactory().legendre(k);
            double[][] r = new double[2][k];
            for (int i = 0; i < k; i++) {
                r[0][i] = g.getPoint(i);
                r[1][i] = g.getWeight(i);
            }
            return r;
        });
    }
}
