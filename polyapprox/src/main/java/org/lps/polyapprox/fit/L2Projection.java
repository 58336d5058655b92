package org.lps.polyapprox.fit;

import org.apache.commons.math3.special.Erf;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.activation.LeakyRelu;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.poly.Basis;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * Least squares for the measure, done as an orthogonal projection (never normal equations in monomials):
 * <ul>
 *   <li>Gaussian N(mu, sigma^2): c_n = E[f(mu + sigma t) He_n(t)] / n!, t ~ N(0,1);</li>
 *   <li>uniform on [a, b]: c_n = (2n + 1) E[f(x) P_n(u)], u = (2x - a - b) / (b - a) uniform on [-1, 1].</li>
 * </ul>
 * The expectations are composite Gauss-Legendre quadratures split at the activation's kinks, except for
 * relu and leaky-relu under a Gaussian, which have a closed form (see {@link #reluHermite}).
 */
final class L2Projection {

    private L2Projection() {
    }

    static Basis basis(Measure m) {
        if (m instanceof Measure.Gaussian g) {
            return new Basis(Basis.Family.HERMITE, g.mean(), g.sigma());
        }
        Measure.Uniform u = (Measure.Uniform) m;
        return new Basis(Basis.Family.LEGENDRE, u.center(), 0.5 * (u.b() - u.a()));
    }

    static double[] coefficients(Activation f, int degree, Measure m) {
        if (m instanceof Measure.Gaussian g && f instanceof LeakyRelu l) {
            return leakyReluHermite(l.negativeSlope(), g.mean(), g.sigma(), degree);
        }
        return byQuadrature(f, degree, m);
    }

    static double[] byQuadrature(Activation f, int degree, Measure m) {
        Basis basis = basis(m);
        QuadratureRule rule = m.quadrature(f.kinks());
        double[] c = new double[degree + 1];
        double[] fam = new double[degree + 1];
        for (int i = 0; i < rule.size(); i++) {
            double x = rule.node(i);
            double wf = rule.weight(i) * f.value(x);
            basis.values(basis.toReference(x), degree, fam);
            for (int n = 0; n <= degree; n++) {
                c[n] += wf * fam[n];
            }
        }
        double factorial = 1;
        for (int n = 0; n <= degree; n++) {
            if (basis.family() == Basis.Family.HERMITE) {
                factorial *= Math.max(n, 1);
                c[n] /= factorial; // E[He_n^2] = n!
            } else {
                c[n] *= 2 * n + 1; // E[P_n(u)^2] = 1 / (2n + 1) for u uniform on [-1, 1]
            }
        }
        return c;
    }

    /**
     * Hermite coefficients of slope x + (1 - slope) relu(x) under N(mu, sigma^2). With g(t) = relu(mu + sigma t)
     * and a = -mu/sigma the kink, Stein's identity E[g(t) He_n(t)] = E[g^(n)(t)] and g'' = sigma delta(t - a)
     * give: E[g] = mu Phi(mu/sigma) + sigma phi(mu/sigma), E[g He_1] = sigma Phi(mu/sigma), and
     * E[g He_n] = sigma He_{n-2}(a) phi(a) for n >= 2 (the closed forms in docs/polyapprox.md are the case mu = 0, sigma = 1).
     */
    static double[] leakyReluHermite(double slope, double mu, double sigma, int degree) {
        double[] r = reluHermite(mu, sigma, degree);
        for (int n = 0; n <= degree; n++) {
            r[n] *= (1 - slope);
        }
        r[0] += slope * mu;
        if (degree >= 1) {
            r[1] += slope * sigma;
        }
        return r;
    }

    static double[] reluHermite(double mu, double sigma, int degree) {
        double[] c = new double[degree + 1];
        double z = mu / sigma;
        double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
        double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        c[0] = mu * cdf + sigma * pdf;
        if (degree >= 1) {
            c[1] = sigma * cdf;
        }
        if (degree >= 2) {
            double a = -z;
            double[] he = new double[degree - 1];
            new Basis(Basis.Family.HERMITE, 0, 1).values(a, degree - 2, he);
            double factorial = 1;
            for (int n = 2; n <= degree; n++) {
                factorial *= n;
                c[n] = sigma * he[n - 2] * pdf / factorial + 0.0; // + 0.0 turns He_odd(-0.0) = -0.0 into 0
            }
        }
        return c;
    }
}
