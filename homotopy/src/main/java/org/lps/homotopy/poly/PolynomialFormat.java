package org.lps.homotopy.poly;

import java.util.List;

/**
 * Prints polynomials in the PHCpack syntax ({@code 3*x^2*y - (1.5 + 2*i)*z + 7}). Coefficients are printed
 * with the shortest decimal that reads back to the same double, so printing and parsing round-trip exactly.
 */
public final class PolynomialFormat {

    private PolynomialFormat() {
    }

    static String format(Polynomial p, List<String> names) {
        if (p.isZero()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < p.termCount(); t++) {
            appendTerm(sb, p, t, names, t == 0);
        }
        return sb.toString();
    }

    private static void appendTerm(StringBuilder sb, Polynomial p, int t, List<String> names, boolean first) {
        double re = p.re(t), im = p.im(t);
        boolean hasVars = p.termDegree(t) > 0;
        boolean negative = im == 0.0 && re < 0;
        if (first) {
            sb.append(negative ? "-" : "");
        } else {
            sb.append(negative ? " - " : " + ");
        }
        boolean coefPrinted = true;
        if (im == 0.0) {
            double a = Math.abs(re);
            if (a == 1.0 && hasVars) {
                coefPrinted = false;
            } else {
                sb.append(number(a));
            }
        } else {
            sb.append('(').append(complex(re, im)).append(')');
        }
        for (int v = 0; v < p.width(); v++) {
            int e = p.exponent(t, v);
            if (e == 0) {
                continue;
            }
            if (coefPrinted) {
                sb.append('*');
            }
            coefPrinted = true;
            sb.append(name(names, v));
            if (e > 1) {
                sb.append('^').append(e);
            }
        }
    }

    /** A complex number as PHCpack reads it: {@code 1.5 + 2*i}, {@code -2*i}, {@code 3 - 0.5*i}. */
    public static String complex(double re, double im) {
        if (im == 0.0) {
            return number(re);
        }
        String imag = number(Math.abs(im)) + "*i";
        if (re == 0.0) {
            return (im < 0 ? "-" : "") + imag;
        }
        return number(re) + (im < 0 ? " - " : " + ") + imag;
    }

    /** The shortest decimal that reads back to {@code x}; integers without a fractional part. */
    public static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    static String name(List<String> names, int v) {
        return names != null && v < names.size() ? names.get(v) : "x" + v;
    }
}
