package org.lps.homotopy.polyhedral.cells;

import java.math.BigInteger;

/**
 * A fine mixed cell of a lifted support configuration: one edge {p_i, q_i} per support, and the inner normal
 * (alpha, 1) for which, in every support i, the lifted points p_i and q_i are the lowest and all others lie
 * strictly above. Its volume |det(q_1 - p_1, ..., q_n - p_n)| is its share of the mixed volume; for the
 * polyhedral start system it is the number of solutions of the binomial system the cell selects.
 *
 * <p>Everything is exact: alpha = {@link #normalNumerator(int)} / {@link #denominator()} with integer
 * numerators (Cramer's rule), the denominator being the signed determinant. Immutable.
 */
public final class MixedCell {

    private final int[] first;
    private final int[] second;
    private final BigInteger[] numerators;
    private final BigInteger det;
    private final long volume;

    MixedCell(int[] first, int[] second, BigInteger[] numerators, BigInteger det) {
        this.first = first;
        this.second = second;
        this.numerators = numerators;
        this.det = det;
        this.volume = det.abs().longValueExact();
    }

    /** The index (in support i) of the edge's first point. */
    public int first(int i) {
        return first[i];
    }

    /** The index (in support i) of the edge's second point. */
    public int second(int i) {
        return second[i];
    }

    /** |det| of the edge directions: this cell's contribution to the mixed volume. */
    public long volume() {
        return volume;
    }

    /** The signed determinant of the edge directions q_i - p_i (rows), the denominator of the normal. */
    public BigInteger denominator() {
        return det;
    }

    /** det * alpha_j, exactly. */
    public BigInteger normalNumerator(int j) {
        return numerators[j];
    }

    /** alpha_j as a double. */
    public double normal(int j) {
        return new java.math.BigDecimal(numerators[j]).divide(new java.math.BigDecimal(det),
                java.math.MathContext.DECIMAL64).doubleValue();
    }

    /**
     * How far the lifted point k of support i lies above the cell's lower face in the direction (alpha, 1):
     * (a_k - p_i) . alpha + w(a_k) - w(p_i), computed exactly and rounded once. Zero for the cell's own points,
     * positive for every other point. These are the exponents of t in the cell's toric homotopy.
     */
    public double heightAboveFace(Supports s, Lifting w, int i, int k) {
        int p = first[i];
        int n = s.dimension();
        BigInteger num = det.multiply(BigInteger.valueOf(w.height(i, k) - w.height(i, p)));
        for (int j = 0; j < n; j++) {
            int diff = s.coordinate(i, k, j) - s.coordinate(i, p, j);
            if (diff != 0) {
                num = num.add(numerators[j].multiply(BigInteger.valueOf(diff)));
            }
        }
        return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(det),
                java.math.MathContext.DECIMAL64).doubleValue();
    }

    /** Lexicographic order of the edges, support by support: the canonical order of a cell list. */
    int compareTo(MixedCell o) {
        for (int i = 0; i < first.length; i++) {
            int c = Integer.compare(first[i], o.first[i]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(second[i], o.second[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
