package org.lps.polyapprox.fit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a polynomial approximation is chosen. */
public enum Method {
    /** Least squares for the measure: orthogonal projection onto Hermite (Gaussian) or Legendre (uniform) polynomials. */
    L2,
    /** Interpolation at the d + 1 Chebyshev points of the first kind on the measure's interval. */
    CHEBYSHEV,
    /** The best uniform approximation on the measure's interval, by the Remez exchange algorithm. */
    MINIMAX,
    /** The Taylor polynomial at the measure's center (mean or midpoint); smooth activations only. */
    TAYLOR;

    /** The CLI spelling: {@code l2}, {@code chebyshev}, {@code minimax}, {@code taylor}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a CLI spelling (case-insensitive). */
    public static Method parse(String s) {
        if (s != null) {
            for (Method m : values()) {
                if (m.spelling().equalsIgnoreCase(s.trim())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown fit method '" + s + "'; valid: "
                + Arrays.stream(values()).map(Method::spelling).collect(Collectors.joining(", ")));
    }
}
