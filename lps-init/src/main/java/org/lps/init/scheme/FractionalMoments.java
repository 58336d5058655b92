package org.lps.init.scheme;

import java.util.stream.DoubleStream;
import org.hipparchus.special.Gamma;
import org.hipparchus.util.CombinatoricsUtils;
import org.lps.polyapprox.quadrature.GaussLegendre;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * The weight variance sigma^2 that preserves the s-th moment of the signal norm in a bias-free network of
 * width d with a positively homogeneous activation phi (Gurbuzbalaban and Hu, "Fractional moment-preserving
 * initialization schemes for training deep neural networks", AISTATS 2021; formulas of docs/init-schemes.md).
 *
 * <p>Conditional on x_{k-1}, the pre-activations are i.i.d. N(0, sigma^2 |x_{k-1}|^2), so
 * |x_k|^2 = sigma^2 |x_{k-1}|^2 R with R = sum_{i=1}^d phi(Z_i)^2 independent of the past, and
 * E|x_k|^s = E|x_{k-1}|^s exactly when sigma^s E[R^{s/2}] = 1:
 *
 * <pre>
 *   sigma^2 = E[R^{s/2}]^{-2/s},   0 < s <= 2.
 * </pre>
 *
 * At s = 2 this is 1/E[R] = 1/(d E phi(Z)^2): He's 2/d for relu, 1/d for linear.
 */
public final class FractionalMoments {

    private FractionalMoments() {
    }

    /**
     * ReLU, exactly: R is chi-square with B ~ Binomial(d, 1/2) degrees of freedom (the active units; B = 0
     * gives R = 0), so E[R^{s/2}] = 2^{s/2} sum_{n=1}^d C(d,n) 2^{-d} Gamma((n+s)/2)/Gamma(n/2) and
     * sigma^2 = 1/2 [sum ...]^{-2/s} [confirmed: the authors' notebooks]. Summed in logarithms, so any d works.
     */
    public static double relu(int d, double s) {
        checkOrder(s);
        checkWidth(d);
        double[] logTerms = new double[d];
        for (int n = 1; n <= d; n++) {
            logTerms[n - 1] = CombinatoricsUtils.binomialCoefficientLog(d, n) - d * Math.log(2)
                    + Gamma.logGamma((n + s) / 2) - Gamma.logGamma(n / 2.0);
        }
        return 0.5 * Math.exp(-2 / s * logSumExp(logTerms));
    }

    /** Linear (phi(z) = z), exactly: R is chi-square with d degrees of freedom, sigma^2 = 1/2 (Gamma(d/2)/Gamma((d+s)/2))^{2/s}. */
    public static double linear(int d, double s) {
        checkOrder(s);
        checkWidth(d);
        return 0.5 * Math.exp(2 / s * (Gamma.logGamma(d / 2.0) - Gamma.logGamma((d + s) / 2)));
    }

    /** Leaky ReLU with negative slope a, exactly (the integral of {@link #moment}). */
    public static double leaky(double a, int d, double s) {
        return variance(SlopeLaw.fixed(a), d, s);
    }

    /** Randomized leaky ReLU, the negative slope of every unit drawn from U[lo, hi], exactly. */
    public static double randomizedLeaky(double lo, double hi, int d, double s) {
        return variance(SlopeLaw.uniform(lo, hi), d, s);
    }

    /**
     * The large-d expansion sigma^2 ~ 1/(d m) + (2 - s) v / (4 d^2 m^3), m = E phi(Z)^2, v = Var phi(Z)^2
     * [derived in docs/init-schemes.md; for relu and linear it is the authors' frac_init.py]. For the
     * piecewise-linear phi with negative slope a (a = 0 relu, a = 1 linear):
     * m = (1 + a^2)/2 and E phi(Z)^4 = 3 (1 + a^4)/2.
     */
    public static double leakyExpansion(double a, int d, double s) {
        checkOrder(s);
        double m = (1 + a * a) / 2;
        double v = 1.5 * (1 + a * a * a * a) - m * m;
        return 1 / (d * m) + (2 - s) * v / (4.0 * d * d * m * m * m);
    }

    private static double variance(SlopeLaw law, int d, double s) {
        checkOrder(s);
        checkWidth(d);
        if (s == 2) {
            return 1 / (d * law.secondMoment());
        }
        return Math.pow(moment(law, d, s / 2), -2 / s);
    }

    /**
     * E[R^p], 0 < p < 1, for phi(z) = z (z > 0), a z (z < 0), a drawn from the slope law per unit:
     *
     * <pre>
     *   E[R^p] = p / Gamma(1 - p) * int_0^inf (1 - M(t)) t^{-p-1} dt,
     *   M(t) = E exp(-t R) = [ (1 + 2t)^{-1/2} / 2 + E_a (1 + 2 a^2 t)^{-1/2} / 2 ]^d
     * </pre>
     *
     * [derived in docs/init-schemes.md, the Laplace-transform identity for fractional moments of a
     * non-negative variable]. In u = ln t the integrand (1 - M(e^u)) e^{-p u} is smooth; it is integrated by
     * composite Gauss-Legendre (20 nodes per half unit) on [u0, u1], with both ends in closed form:
     * below t0 = e^{u0}, 1 - M(t) = t E[R] - t^2 E[R^2]/2 + O(t^3); above t1 = e^{u1},
     * 1 - M(t) = 1 - M(inf) + O(t^{-1/2} log t), where M(inf) = P(R = 0) is 2^{-d} for relu and 0 for any
     * positive slope; u1 makes the neglected term e^{-40} times smaller than the integral.
     */
    static double moment(SlopeLaw law, int d, double p) {
        double m1 = d * law.secondMoment();
        double fourth = 1.5 * (1 + law.fourthSlopeMoment());
        double m2 = d * fourth + (double) d * (d - 1) * law.secondMoment() * law.secondMoment();
        // t0 * E[R] = 1e-5: the cubic term left out of the low end, ~ E[R^3] t0^3 / 6, is below 1e-13 of
        // the result even at d = 1, where E[R^3] / E[R]^3 = 60 is largest.
        double t0 = 1e-5 / m1;
        double u0 = Math.log(t0);
        double low = m1 * Math.pow(t0, 1 - p) / (1 - p) - m2 / 2 * Math.pow(t0, 2 - p) / (2 - p);
        // M(t) - M(inf) decays at least like t^{-1/2}, so the tail error is ~ e^{-(p + 1/2) u1}.
        double u1 = 40 / (p + 0.5);
        double mInf = law.zeroSlope() ? Math.pow(0.5, d) : 0;
        double high = (1 - mInf) * Math.exp(-p * u1) / p;
        double h = 0.5;
        int panels = (int) Math.ceil((u1 - u0) / h);
        double[] breaks = DoubleStream.iterate(u0, u -> u + (u1 - u0) / panels).limit(panels + 1L).toArray();
        breaks[panels] = u1;
        QuadratureRule rule = GaussLegendre.composite(breaks, 20);
        double middle = rule.integrate(u -> oneMinusM(law, d, Math.exp(u)) * Math.exp(-p * u));
        return p / Gamma.gamma(1 - p) * (low + middle + high);
    }

    /**
     * 1 - M(t) without cancellation for small t: M = (1 - delta)^d with
     * delta = (1 - (1 + 2t)^{-1/2})/2 + (1 - E_a (1 + 2 a^2 t)^{-1/2})/2, each bracket by expm1/log1p.
     */
    static double oneMinusM(SlopeLaw law, int d, double t) {
        double delta = 0.5 * oneMinusInvSqrt(2 * t) + 0.5 * law.oneMinusMeanInvSqrt(t);
        // Rounding can push the brackets a hair past 1 at huge t, where M is 0 anyway.
        delta = Math.min(delta, 1);
        return -Math.expm1(d * Math.log1p(-delta));
    }

    /** 1 - (1 + x)^{-1/2}, accurate for small x. */
    static double oneMinusInvSqrt(double x) {
        return -Math.expm1(-0.5 * Math.log1p(x));
    }

    private static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }

    private static void checkOrder(double s) {
        if (!(s > 0 && s <= 2)) {
            throw new IllegalArgumentException("the moment order s must be in (0, 2], got " + s);
        }
    }

    private static void checkWidth(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("the width d must be at least 1, got " + d);
        }
    }

    /** The law of the negative-side slope a of each unit. */
    abstract static class SlopeLaw {

        /** E[phi(Z)^2] = (1 + E a^2)/2. */
        abstract double secondMoment();

        /** E[a^4]. */
        abstract double fourthSlopeMoment();

        /** 1 - E_a (1 + 2 a^2 t)^{-1/2}, accurate for small t. */
        abstract double oneMinusMeanInvSqrt(double t);

        /** True when a = 0 with probability one (relu: the units below zero output exactly 0). */
        abstract boolean zeroSlope();

        static SlopeLaw fixed(double a) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("the slope must be finite, got " + a);
            }
            return new SlopeLaw() {
                @Override
                double secondMoment() {
                    return (1 + a * a) / 2;
                }

                @Override
                double fourthSlopeMoment() {
                    return a * a * a * a;
                }

                @Override
                double oneMinusMeanInvSqrt(double t) {
                    return oneMinusInvSqrt(2 * a * a * t);
                }

                @Override
                boolean zeroSlope() {
                    return a == 0;
                }
            };
        }

        /**
         * a ~ U[lo, hi]: E_a (1 + 2 a^2 t)^{-1/2} = [asinh(a c) / c]_{lo}^{hi} / (hi - lo), c = sqrt(2t), so
         * 1 - E_a(...) = (hi f(hi c) - lo f(lo c)) / (hi - lo) with f(x) = 1 - asinh(x)/x.
         */
        static SlopeLaw uniform(double lo, double hi) {
            if (!(Double.isFinite(lo) && Double.isFinite(hi) && 0 <= lo && lo < hi)) {
                throw new IllegalArgumentException("randomized leaky relu needs slopes 0 <= lo < hi, got " + lo + ", " + hi);
            }
            return new SlopeLaw() {
                @Override
                double secondMoment() {
                    return (1 + (lo * lo + lo * hi + hi * hi) / 3) / 2;
                }

                @Override
                double fourthSlopeMoment() {
                    return (Math.pow(hi, 5) - Math.pow(lo, 5)) / (5 * (hi - lo));
                }

                @Override
                double oneMinusMeanInvSqrt(double t) {
                    double c = Math.sqrt(2 * t);
                    return (hi * oneMinusAsinhRatio(hi * c) - lo * oneMinusAsinhRatio(lo * c)) / (hi - lo);
                }

                @Override
                boolean zeroSlope() {
                    return false;
                }
            };
        }

        /** f(x) = 1 - asinh(x)/x; its Taylor series x^2/6 - 3x^4/40 + 5x^6/112 - 35x^8/1152 for small x. */
        static double oneMinusAsinhRatio(double x) {
            if (x < 1e-2) {
                double x2 = x * x;
                return x2 * (1.0 / 6 - x2 * (3.0 / 40 - x2 * (5.0 / 112 - x2 * 35.0 / 1152)));
            }
            // asinh(x) = log1p(x + x^2/(1 + sqrt(1 + x^2))), accurate for all x > 0
            double asinh = Math.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
            return 1 - asinh / x;
        }
    }
}
