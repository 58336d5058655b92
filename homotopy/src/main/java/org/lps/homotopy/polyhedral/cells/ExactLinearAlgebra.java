package org.lps.homotopy.polyhedral.cells;

import java.math.BigInteger;

/**
 * Exact integer linear algebra for small square matrices: determinants and solutions of A x = b as
 * det(A) x (an integer vector, by Cramer's rule) with Bareiss' fraction-free elimination, in which every
 * division is exact. The long versions throw {@link ArithmeticException} on overflow; callers fall back on
 * the BigInteger ones, which never overflow.
 */
public final class ExactLinearAlgebra {

    private ExactLinearAlgebra() {
    }

    /**
     * Solves a x = b exactly: returns det(a) and writes det(a) * x into {@code out} (unchanged when det(a) = 0).
     * {@code a} (n x n, row-major) and {@code b} are overwritten. Throws ArithmeticException on overflow.
     */
    public static long solve(long[] a, long[] b, int n, long[] out) {
        int sign = 1;
        long prev = 1;
        for (int k = 0; k < n; k++) {
            int p = k;
            while (p < n && a[p * n + k] == 0) {
                p++;
            }
            if (p == n) {
                return 0;
            }
            if (p != k) {
                swapRows(a, b, n, p, k);
                sign = -sign;
            }
            long akk = a[k * n + k];
            for (int i = k + 1; i < n; i++) {
                long aik = a[i * n + k];
                for (int j = k + 1; j < n; j++) {
                    a[i * n + j] = Math.subtractExact(Math.multiplyExact(a[i * n + j], akk),
                            Math.multiplyExact(aik, a[k * n + j])) / prev;
                }
                b[i] = Math.subtractExact(Math.multiplyExact(b[i], akk), Math.multiplyExact(aik, b[k])) / prev;
                a[i * n + k] = 0;
            }
            prev = akk;
        }
        long d = a[(n - 1) * n + (n - 1)];
        // back substitution for X = d x, each division exact since d x = +-adj(a) b is an integer vector
        for (int k = n - 1; k >= 0; k--) {
            long s = Math.multiplyExact(d, b[k]);
            for (int j = k + 1; j < n; j++) {
                s = Math.subtractExact(s, Math.multiplyExact(a[k * n + j], out[j]));
            }
            out[k] = s / a[k * n + k];
        }
        if (sign < 0) {
            for (int k = 0; k < n; k++) {
                out[k] = -out[k];
            }
            d = -d;
        }
        return d;
    }

    /** {@link #solve} without overflow: returns det(a), writes det(a) * x into {@code out}. */
    public static BigInteger solve(BigInteger[] a, BigInteger[] b, int n, BigInteger[] out) {
        int sign = 1;
        BigInteger prev = BigInteger.ONE;
        for (int k = 0; k < n; k++) {
            int p = k;
            while (p < n && a[p * n + k].signum() == 0) {
                p++;
            }
            if (p == n) {
                return BigInteger.ZERO;
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    BigInteger t = a[p * n + j];
                    a[p * n + j] = a[k * n + j];
                    a[k * n + j] = t;
                }
                BigInteger t = b[p];
                b[p] = b[k];
                b[k] = t;
                sign = -sign;
            }
            BigInteger akk = a[k * n + k];
            for (int i = k + 1; i < n; i++) {
                BigInteger aik = a[i * n + k];
                for (int j = k + 1; j < n; j++) {
                    a[i * n + j] = a[i * n + j].multiply(akk).subtract(aik.multiply(a[k * n + j])).divide(prev);
                }
                b[i] = b[i].multiply(akk).subtract(aik.multiply(b[k])).divide(prev);
                a[i * n + k] = BigInteger.ZERO;
            }
            prev = akk;
        }
        BigInteger d = a[(n - 1) * n + (n - 1)];
        for (int k = n - 1; k >= 0; k--) {
            BigInteger s = d.multiply(b[k]);
            for (int j = k + 1; j < n; j++) {
                s = s.subtract(a[k * n + j].multiply(out[j]));
            }
            out[k] = s.divide(a[k * n + k]);
        }
        if (sign < 0) {
            for (int k = 0; k < n; k++) {
                out[k] = out[k].negate();
            }
            d = d.negate();
        }
        return d;
    }

    /** det(a) of an n x n row-major integer matrix (not modified), exactly. */
    public static BigInteger determinant(long[] a, int n) {
        long[] work = a.clone();
        long[] b = new long[n];
        long[] out = new long[n];
        try {
            return BigInteger.valueOf(solve(work, b, n, out));
        } catch (ArithmeticException overflow) {
            BigInteger[] big = new BigInteger[n * n];
            for (int k = 0; k < big.length; k++) {
                big[k] = BigInteger.valueOf(a[k]);
            }
            BigInteger[] zero = new BigInteger[n];
            java.util.Arrays.fill(zero, BigInteger.ZERO);
            return solve(big, zero, n, new BigInteger[n]);
        }
    }

    private static void swapRows(long[] a, long[] b, int n, int p, int k) {
        for (int j = 0; j < n; j++) {
            long t = a[p * n + j];
            a[p * n + j] = a[k * n + j];
            a[k * n + j] = t;
        }
        long t = b[p];
        b[p] = b[k];
        b[k] = t;
    }
}
