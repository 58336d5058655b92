package org.lps.polyapprox.poly;

import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable real polynomial in the monomial basis, {@code c[0] + c[1] x + ... + c[d] x^d}.
 *
 * <p>Trailing zero coefficients are kept as given: a fit of degree 4 whose x^3 coefficient is zero still
 * reports five coefficients, because callers index them by power.
 */
public final class Polynomial {

    private final double[] c;

    private Polynomial(double[] c) {
        this.c = c;
    }

    /** The polynomial with these monomial coefficients, c0 first (copied). At least one coefficient. */
    public static Polynomial of(double... coefficients) {
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("a polynomial needs at least one coefficient");
        }
        for (double v : coefficients) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("polynomial coefficients must be finite: " + Arrays.toString(coefficients));
            }
        }
        return new Polynomial(coefficients.clone());
    }

    /** x, the identity. */
    public static Polynomial x() {
        return new Polynomial(new double[] {0, 1});
    }

    /** The nominal degree: the number of coefficients minus one (trailing zeros count). */
    public int degree() {
        return c.length - 1;
    }

    /** The coefficient of x^k, zero beyond the nominal degree. */
    public double coefficient(int k) {
        return k >= 0 && k < c.length ? c[k] : 0.0;
    }

    /** The monomial coefficients, c0 first (a copy). */
    public double[] coefficients() {
        return c.clone();
    }

    /** p(x) by Horner's rule. */
    public double value(double x) {
        double r = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            r = r * x + c[k];
        }
        return r;
    }

    /** p'(x) by Horner's rule on the derivative, without building it. */
    public double derivativeValue(double x) {
        if (c.length == 1) {
            return 0.0;
        }
        int d = c.length - 1;
        double r = d * c[d];
        for (int k = d - 1; k >= 1; k--) {
            r = r * x + k * c[k];
        }
        return r;
    }

    /** p', of nominal degree max(d - 1, 0). */
    public Polynomial derivative() {
        if (c.length == 1) {
            return new Polynomial(new double[] {0});
        }
        double[] r = new double[c.length - 1];
        for (int k = 1; k < c.length; k++) {
            r[k - 1] = k * c[k];
        }
        return new Polynomial(r);
    }

    public Polynomial plus(Polynomial q) {
        double[] r = new double[Math.max(c.length, q.c.length)];
        for (int k = 0; k < r.length; k++) {
            r[k] = coefficient(k) + q.coefficient(k);
        }
        return new Polynomial(r);
    }

    public Polynomial times(double s) {
        double[] r = c.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] *= s;
        }
        return new Polynomial(r);
    }

    public Polynomial times(Polynomial q) {
        double[] r = new double[c.length + q.c.length - 1];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < q.c.length; j++) {
                r[i + j] += c[i] * q.c[j];
            }
        }
        return new Polynomial(r);
    }

    /**
     * p(a x + b) as a polynomial in x, by Horner's rule in polynomial arithmetic (d^2 operations). This is
     * how fits made on a reference variable u = (x - center) / scale are returned in powers of x.
     */
    public Polynomial composeAffine(double a, double b) {
        int d = c.length - 1;
        double[] r = new double[d + 1];
        r[0] = c[d];
        // r holds q_k(x) = c[d] (ax+b)^(d-k) + ... + c[k]; step: q_{k-1} = q_k * (ax + b) + c[k-1].
        for (int k = d - 1; k >= 0; k--) {
            int deg = d - k;
            for (int j = deg; j >= 1; j--) {
                r[j] = r[j] * b + r[j - 1] * a;
            }
            r[0] = r[0] * b + c[k];
        }
        return new Polynomial(r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polynomial p && Arrays.equals(c, p.c);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(c);
    }

    /** Six significant digits without trailing zeros: {@code 0.5}, {@code -4}, {@code 100000}, {@code 1.5e-05}. */
    public static String format(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + exponent;
    }

    /** e.g. {@code 0.199471 + 0.5 x + 0.199471 x^2} (six significant digits; exact values via coefficients()). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < c.length; k++) {
            if (c[k] == 0 && c.length > 1) {
                continue;
            }
            String v = format(Math.abs(c[k]));
            if (sb.length() == 0) {
                sb.append(c[k] < 0 ? "-" : "");
            } else {
                sb.append(c[k] < 0 ? " - " : " + ");
            }
            if (k == 0 || !v.equals("1")) {
                sb.append(v).append(k == 0 ? "" : " ");
            }
            if (k == 1) {
                sb.append("x");
            } else if (k > 1) {
                sb.append("x^").append(k);
            }
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
