package org.lps.polyapprox.poly;

import java.util.Locale;

/**
 * A polynomial basis on a reference variable {@code u = (x - center) / scale}: a family of polynomials
 * F_0, F_1, ... in u. Fits are computed in such a basis (where they are well conditioned) and returned in
 * monomials of x at the end.
 *
 * @param family which polynomials F_n
 * @param center the x that maps to u = 0
 * @param scale  the x-distance that maps to u = 1 (positive)
 */
public record Basis(Family family, double center, double scale) {

    /** The polynomial families used by the fits. */
    public enum Family {
        /** Probabilists' Hermite He_n: orthogonal for N(0,1), E[He_n He_m] = n! delta_nm. */
        HERMITE("He"),
        /** Legendre P_n: orthogonal on [-1,1] for du, integral of P_n^2 = 2/(2n+1). */
        LEGENDRE("P"),
        /** Chebyshev T_n of the first kind, T_n(cos t) = cos(n t). */
        CHEBYSHEV("T"),
        /** Plain powers u^n: the Taylor basis around the center. */
        POWER("");

        private final String symbol;

        Family(String symbol) {
            this.symbol = symbol;
        }
    }

    public Basis {
        if (family == null) {
            throw new IllegalArgumentException("basis family is null");
        }
        if (!Double.isFinite(center) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("basis needs a finite center and a positive finite scale, got "
                    + center + ", " + scale);
        }
    }

    /** The reference variable u of x. */
    public double toReference(double x) {
        return (x - center) / scale;
    }

    /** F_0(u), ..., F_n(u) into {@code out} (length at least n + 1), by the three-term recurrence. */
    public void values(double u, int n, double[] out) {
        out[0] = 1.0;
        if (n == 0) {
            return;
        }
        out[1] = u;
        for (int k = 1; k < n; k++) {
            out[k + 1] = switch (family) {
                case HERMITE -> u * out[k] - k * out[k - 1];
                case LEGENDRE -> ((2 * k + 1) * u * out[k] - k * out[k - 1]) / (k + 1);
                case CHEBYSHEV -> 2 * u * out[k] - out[k - 1];
                case POWER -> u * out[k];
            };
        }
    }

    /** sum_n coefficients[n] F_n(u(x)), evaluated in the basis itself (no conversion to monomials). */
    public double evaluate(double[] coefficients, double x) {
        double u = toReference(x);
        double[] f = new double[coefficients.length];
        values(u, coefficients.length - 1, f);
        double s = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            s += coefficients[k] * f[k];
        }
        return s;
    }

    /**
     * The same polynomial in monomials of x. Each F_n is expanded in powers of u by its recurrence (exact
     * integer or rational coefficients, so no conditioning is lost there), the series is summed, and
     * u = (x - center) / scale is substituted once at the end.
     */
    public Polynomial toMonomial(double[] coefficients) {
        int d = coefficients.length - 1;
        double[] inU = new double[d + 1];
        double[] prev = new double[d + 1];
        double[] cur = new double[d + 1];
        double[] next = new double[d + 1];
        prev[0] = 1; // F_0 = 1
        inU[0] += coefficients[0];
        if (d >= 1) {
            cur[1] = 1; // F_1 = u
            inU[1] += coefficients[1];
        }
        for (int k = 1; k < d; k++) {
            java.util.Arrays.fill(next, 0);
            for (int j = 0; j <= k; j++) {
                switch (family) {
                    case HERMITE -> next[j + 1] += cur[j];
                    case LEGENDRE -> next[j + 1] += (2.0 * k + 1) / (k + 1) * cur[j];
                    case CHEBYSHEV -> next[j + 1] += 2 * cur[j];
                    case POWER -> next[j + 1] += cur[j];
                }
            }
            if (family != Family.POWER) {
                double f = switch (family) {
                    case HERMITE -> k;
                    case LEGENDRE -> (double) k / (k + 1);
                    default -> 1.0;
                };
                for (int j = 0; j < k; j++) {
                    next[j] -= f * prev[j];
                }
            }
            for (int j = 0; j <= k + 1; j++) {
                inU[j] += coefficients[k + 1] * next[j];
            }
            double[] t = prev;
            prev = cur;
            cur = next;
            next = t;
        }
        return Polynomial.of(inU).composeAffine(1.0 / scale, -center / scale);
    }

    /** e.g. {@code He_n((x - 0) / 1)} or {@code (x - 0.5)^n}. */
    public String describe() {
        String u = String.format(Locale.ROOT, "(x - %s) / %s", fmt(center), fmt(scale));
        return family == Family.POWER ? "(" + u + ")^n" : family.symbol + "_n(" + u + ")";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
