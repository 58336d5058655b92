package org.lps.homotopy.polyhedral;

/**
 * The Hermite normal form of a nonsingular integer matrix V under row operations: a unimodular U (integer,
 * determinant +-1) with H = U V upper triangular, positive diagonal, and entries above the diagonal reduced
 * into [0, h_jj). Row operations on an exponent matrix are products and quotients of the binomial equations,
 * and unimodular ones lose and gain no solution, which is what makes {@link BinomialSystem} exact.
 *
 * <p>Long arithmetic with overflow checks: exponent matrices of polynomial systems are small.
 */
final class HermiteForm {

    final int n;
    /** H, row-major n x n. */
    final long[] h;
    /** U, row-major n x n. */
    final long[] u;

    private HermiteForm(int n, long[] h, long[] u) {
        this.n = n;
        this.h = h;
        this.u = u;
    }

    /** The Hermite form of V (row-major n x n, not modified); IllegalArgumentException if V is singular. */
    static HermiteForm of(long[] v, int n) {
        long[] h = v.clone();
        long[] u = new long[n * n];
        for (int i = 0; i < n; i++) {
            u[i * n + i] = 1;
        }
        for (int j = 0; j < n; j++) {
            // gcd of column j over rows j.. into row j, by 2x2 unimodular combinations (extended Euclid)
            for (int i = j + 1; i < n; i++) {
                long b = h[i * n + j];
                if (b == 0) {
                    continue;
                }
                long a = h[j * n + j];
                long[] g = extendedGcd(a, b);   // s a + t b = g
                long s = g[1], t = g[2], a1 = a / g[0], b1 = b / g[0];
                combine(h, n, j, i, s, t, -b1, a1);
                combine(u, n, j, i, s, t, -b1, a1);
            }
            if (h[j * n + j] == 0) {
                throw new IllegalArgumentException("singular exponent matrix");
            }
            if (h[j * n + j] < 0) {
                negateRow(h, n, j);
                negateRow(u, n, j);
            }
        }
        // reduce above the diagonal: keeps entries (and the back substitution's arguments) small
        for (int j = 1; j < n; j++) {
            long d = h[j * n + j];
            for (int i = 0; i < j; i++) {
                long q = Math.floorDiv(h[i * n + j], d);
                if (q != 0) {
                    addRow(h, n, i, j, -q);
                    addRow(u, n, i, j, -q);
                }
            }
        }
        return new HermiteForm(n, h, u);
    }

    /** (row j, row i) := (s row j + t row i, p row j + q row i). */
    private static void combine(long[] m, int n, int j, int i, long s, long t, long p, long q) {
        for (int k = 0; k < n; k++) {
            long rj = m[j * n + k], ri = m[i * n + k];
            m[j * n + k] = Math.addExact(Math.multiplyExact(s, rj), Math.multiplyExact(t, ri));
            m[i * n + k] = Math.addExact(Math.multiplyExact(p, rj), Math.multiplyExact(q, ri));
        }
    }

    private static void negateRow(long[] m, int n, int r) {
        for (int k = 0; k < n; k++) {
            m[r * n + k] = Math.negateExact(m[r * n + k]);
        }
    }

    /** row i += c row j. */
    private static void addRow(long[] m, int n, int i, int j, long c) {
        for (int k = 0; k < n; k++) {
            m[i * n + k] = Math.addExact(m[i * n + k], Math.multiplyExact(c, m[j * n + k]));
        }
    }

    /** {g, s, t} with s a + t b = g = gcd(a, b) &gt; 0 (b != 0). */
    static long[] extendedGcd(long a, long b) {
        long oldR = a, r = b, oldS = 1, s = 0, oldT = 0, t = 1;
        while (r != 0) {
            long q = Math.floorDiv(oldR, r);
            long tmp = oldR - q * r;
            oldR = r;
            r = tmp;
            tmp = oldS - q * s;
            oldS = s;
            s = tmp;
            tmp = oldT - q * t;
            oldT = t;
            t = tmp;
        }
        if (oldR < 0) {
            return new long[] {-oldR, -oldS, -oldT};
        }
        return new long[] {oldR, oldS, oldT};
    }
}
