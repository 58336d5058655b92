package org.lps.init.lps.block;

import java.util.Locale;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * What the block B(t) is fitted to (docs/design.md, LPS step 2): {@code identity} g(t) = t (the default, the layer
 * passes its signal on) or {@code activation} g(t) = sigma(t) (the block imitates one unit of the activation).
 *
 * <p>The loss only sees g through E[g^2] and the moments mu_i = E[t^i g(t)], i = 0..d, t ~ N(0, 1): with
 * B = sum_j v_j p(w_j t + b_j) + c, E[B g] = sum_j v_j sum_i mu_i w_j^i p^(i)(b_j) / i! + c mu_0. For the identity
 * they are Gaussian moments (exact); for an activation they are integrated by polyapprox's kink-aware Gaussian
 * quadrature (exact to rounding for relu).
 */
public enum Target {
    IDENTITY("identity"),
    ACTIVATION("activation");

    private final String label;

    Target(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Target parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (Target x : values()) {
            if (x.label.equals(t)) {
                return x;
            }
        }
        throw new IllegalArgumentException("unknown LPS target '" + s + "': expected identity or activation");
    }

    /** mu_i = E[t^i g(t)] for i = 0..maxPower. */
    double[] moments(Activation activation, int maxPower) {
        double[] mu = new double[maxPower + 1];
        if (this == IDENTITY) {
            for (int i = 0; i <= maxPower; i++) {
                mu[i] = gaussianMoment(i + 1);
            }
            return mu;
        }
        QuadratureRule rule = standardGaussian().quadrature(activation.kinks());
        for (int i = 0; i <= maxPower; i++) {
            int power = i;
            mu[i] = rule.integrate(t -> Math.pow(t, power) * activation.value(t));
        }
        return mu;
    }

    /** E[g(t)^2]: J is then exactly the mean squared error plus the ridge term, never negative. */
    double secondMoment(Activation activation) {
        if (this == IDENTITY) {
            return 1;
        }
        return standardGaussian().quadrature(activation.kinks()).integrate(t -> {
            double g = activation.value(t);
            return g * g;
        });
    }

    /** E[t^n] for t ~ N(0, 1): (n - 1)!! for even n, 0 for odd n. */
    static double gaussianMoment(int n) {
        if (n % 2 == 1) {
            return 0;
        }
        double m = 1;
        for (int j = n - 1; j > 1; j -= 2) {
            m *= j;
        }
        return m;
    }

    private static Measure standardGaussian() {
        return new Measure.Gaussian(0, 1);
    }
}
