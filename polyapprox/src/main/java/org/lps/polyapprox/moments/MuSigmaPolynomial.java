package org.lps.polyapprox.moments;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lps.polyapprox.poly.Polynomial;

/**
 * A polynomial in the mean mu and standard deviation s of a Gaussian, as plain data: {@link #terms()} maps
 * exponents (i, j) to the coefficient of mu^i s^j. This is what lps-init turns into polynomial systems.
 */
public final class MuSigmaPolynomial {

    /** The exponents of one term mu^mu s^sigma. */
    public record Exponents(int mu, int sigma) {
    }

    private final double[][] c; // c[i][j] multiplies mu^i s^j

    MuSigmaPolynomial(double[][] c) {
        this.c = c;
    }

    /** The coefficient of mu^i s^j (zero outside the stored range). */
    public double coefficient(int i, int j) {
        return i >= 0 && j >= 0 && i < c.length && j < c[i].length ? c[i][j] : 0.0;
    }

    /** The nonzero terms, ordered by total degree then by the power of mu, descending. */
    public Map<Exponents, Double> terms() {
        Map<Exponents, Double> m = new LinkedHashMap<>();
        int maxTotal = 2 * (c.length - 1);
        for (int total = 0; total <= maxTotal; total++) {
            for (int i = Math.min(total, c.length - 1); i >= 0; i--) {
                int j = total - i;
                if (j < c[i].length && c[i][j] != 0) {
                    m.put(new Exponents(i, j), c[i][j]);
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The value at (mu, s). */
    public double value(double mu, double s) {
        double r = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            double inner = 0;
            for (int j = c[i].length - 1; j >= 0; j--) {
                inner = inner * s + c[i][j];
            }
            r = r * mu + inner;
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MuSigmaPolynomial p && Arrays.deepEquals(c, p.c);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(c);
    }

    /** e.g. {@code 1 mu^2 + 1 s^2}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Exponents, Double> e : terms().entrySet()) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append(Polynomial.format(e.getValue()));
            if (e.getKey().mu() > 0) {
                sb.append(" mu^").append(e.getKey().mu());
            }
            if (e.getKey().sigma() > 0) {
                sb.append(" s^").append(e.getKey().sigma());
            }
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
