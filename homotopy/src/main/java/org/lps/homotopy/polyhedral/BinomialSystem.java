package org.lps.homotopy.polyhedral;

/**
 * The binomial system of a mixed cell, y^(v_i) = c_i (i = 1..n) with v_i = q_i - p_i the cell's edges and
 * c_i = -g(p_i) / g(q_i) from the start system's coefficients, solved exactly. In logarithms it is the linear
 * system V log y = log c modulo 2 pi i Z^n; with the Hermite form H = U V (U unimodular) it becomes the
 * triangular H log y = U log c (mod 2 pi i), and back substitution gives every solution:
 * <pre>
 *   log y_j = (w_j + 2 pi i k_j - sum_{l &gt; j} h_jl log y_l) / h_jj,     k_j = 0 .. h_jj - 1,
 * </pre>
 * with w = U log c: prod h_jj = |det V| distinct solutions, solution number k being the digits k_j of k in
 * mixed radix. Each costs O(n^2) and no search or Newton iteration. Immutable.
 */
final class BinomialSystem {

    private final int n;
    private final double[] h;        // Hermite form, row-major
    private final long[] radix;      // the diagonal of H
    private final double[] wRe;      // U log c
    private final double[] wIm;
    private final long count;

    /**
     * @param v   the exponent matrix, row i = q_i - p_i (row-major n x n, nonsingular)
     * @param cRe real parts of c_i = -g(p_i) / g(q_i)
     * @param cIm imaginary parts
     */
    BinomialSystem(long[] v, int n, double[] cRe, double[] cIm) {
        this.n = n;
        HermiteForm hf = HermiteForm.of(v, n);
        this.h = new double[n * n];
        this.radix = new long[n];
        long c = 1;
        for (int k = 0; k < n * n; k++) {
            h[k] = hf.h[k];
        }
        for (int j = 0; j < n; j++) {
            radix[j] = hf.h[j * n + j];
            c = Math.multiplyExact(c, radix[j]);
        }
        this.count = c;
        // w = U log c, log c_k = ln|c_k| + i arg c_k (any branch: U is integer, branches differ by 2 pi i Z^n)
        this.wRe = new double[n];
        this.wIm = new double[n];
        for (int i = 0; i < n; i++) {
            double re = 0, im = 0;
            for (int k = 0; k < n; k++) {
                long m = hf.u[i * n + k];
                if (m != 0) {
                    re += m * Math.log(Math.hypot(cRe[k], cIm[k]));
                    im += m * Math.atan2(cIm[k], cRe[k]);
                }
            }
            wRe[i] = re;
            wIm[i] = reduceAngle(im);
        }
    }

    /** An angle in (-pi, pi]: adding 2 pi Z changes nothing but keeps the arguments of exp small. */
    private static double reduceAngle(double a) {
        return a - 2 * Math.PI * Math.rint(a / (2 * Math.PI));
    }

    /** The number of solutions, |det V|. */
    long count() {
        return count;
    }

    /** Writes solution {@code k} (0 &lt;= k &lt; count) into y (interleaved); {@code logs} is 2n scratch. */
    void solution(long k, double[] y, double[] logs) {
        long rest = k;
        for (int j = n - 1; j >= 0; j--) {
            long digit = rest % radix[j];
            rest /= radix[j];
            double re = wRe[j], im = wIm[j] + 2 * Math.PI * digit;
            for (int l = j + 1; l < n; l++) {
                double c = h[j * n + l];
                if (c != 0) {
                    re -= c * logs[2 * l];
                    im -= c * logs[2 * l + 1];
                }
            }
            double d = h[j * n + j];
            logs[2 * j] = re / d;
            logs[2 * j + 1] = reduceAngle(im / d);
        }
        for (int j = 0; j < n; j++) {
            double m = Math.exp(logs[2 * j]);
            y[2 * j] = m * Math.cos(logs[2 * j + 1]);
            y[2 * j + 1] = m * Math.sin(logs[2 * j + 1]);
        }
    }
}
