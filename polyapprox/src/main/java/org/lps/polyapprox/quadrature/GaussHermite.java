package org.lps.polyapprox.quadrature;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The probabilists' Gauss-Hermite rule: nodes t_i and weights w_i with
 * {@code E[f(T)] = sum_i w_i f(t_i)} for T ~ N(0,1), exact when f is a polynomial of degree at most 2n - 1.
 * The weights are positive and sum to 1.
 *
 * <p>Built on commons-math3's physicists' rule (weight exp(-x^2) on the real line): t = sqrt(2) x and
 * w = w_phys / sqrt(pi). Rules are cached, since building one costs O(n^2) Newton steps.
 */
public final class GaussHermite {

    /** Beyond this the physicists' rule of commons-math3 gets slow (seconds) and weights underflow. */
    public static final int MAX_NODES = 400;

    private static final ConcurrentHashMap<Integer, QuadratureRule> CACHE = new ConcurrentHashMap<>();

    private GaussHermite() {
    }

    /** The n-point rule for E over N(0,1), exact for polynomials of degree at most 2n - 1. */
    public static QuadratureRule probabilists(int n) {
        if (n < 1 || n > MAX_NODES) {
            throw new IllegalArgumentException("Gauss-Hermite nodes must be between 1 and " + MAX_NODES + ", got " + n);
        }
        return CACHE.computeIfAbsent(n, GaussHermite::build);
    }

    /** The smallest rule that integrates every polynomial of degree at most {@code degree} exactly. */
    public static QuadratureRule exactForDegree(int degree) {
        return probabilists(Math.max(1, degree / 2 + 1));
    }

    private static QuadratureRule build(int n) {
        GaussIntegrator phys = new GaussIntegratorFactory().hermite(n);
        double[] t = new double[n];
        double[] w = new double[n];
        double root2 = Math.sqrt(2.0);
        double rootPi = Math.sqrt(Math.PI);
        for (int i = 0; i < n; i++) {
            t[i] = root2 * phys.getPoint(i);
            w[i] = phys.getWeight(i) / rootPi;
        }
        return new QuadratureRule(t, w);
    }
}
