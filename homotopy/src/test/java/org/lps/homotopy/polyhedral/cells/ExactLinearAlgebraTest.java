package org.lps.homotopy.polyhedral.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactLinearAlgebraTest {

    /** det by Laplace expansion: slow, obviously right. */
    private static BigInteger laplace(long[] a, int n) {
        if (n == 1) {
            return BigInteger.valueOf(a[0]);
        }
        BigInteger det = BigInteger.ZERO;
        for (int c = 0; c < n; c++) {
            long[] minor = new long[(n - 1) * (n - 1)];
            for (int i = 1; i < n; i++) {
                for (int j = 0, k = 0; j < n; j++) {
                    if (j != c) {
                        minor[(i - 1) * (n - 1) + k++] = a[i * n + j];
                    }
                }
            }
            BigInteger term = BigInteger.valueOf(a[c]).multiply(laplace(minor, n - 1));
            det = c % 2 == 0 ? det.add(term) : det.subtract(term);
        }
        return det;
    }

    @Test
    void solveGivesDeterminantAndCramerNumerators() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(6);
            long[] a = new long[n * n];
            long[] b = new long[n];
            for (int k = 0; k < a.length; k++) {
                a[k] = r.nextInt(7) - 3;
            }
            for (int k = 0; k < n; k++) {
                b[k] = r.nextLong(1L << 40) - (1L << 39);
            }
            long[] out = new long[n];
            long det = ExactLinearAlgebra.solve(a.clone(), b.clone(), n, out);
            assertEquals(laplace(a, n), BigInteger.valueOf(det), "trial " + trial);
            assertEquals(laplace(a, n), ExactLinearAlgebra.determinant(a, n));
            if (det == 0) {
                continue;
            }
            // a (det x) = det b, exactly
            for (int i = 0; i < n; i++) {
                BigInteger s = BigInteger.ZERO;
                for (int j = 0; j < n; j++) {
                    s = s.add(BigInteger.valueOf(a[i * n + j]).multiply(BigInteger.valueOf(out[j])));
                }
                assertEquals(BigInteger.valueOf(det).multiply(BigInteger.valueOf(b[i])), s, "trial " + trial);
            }
            // the BigInteger version agrees
            BigInteger[] ba = new BigInteger[n * n], bb = new BigInteger[n], bo = new BigInteger[n];
            for (int k = 0; k < a.length; k++) {
                ba[k] = BigInteger.valueOf(a[k]);
            }
            for (int k = 0; k < n; k++) {
                bb[k] = BigInteger.valueOf(b[k]);
            }
            assertEquals(BigInteger.valueOf(det), ExactLinearAlgebra.solve(ba, bb, n, bo));
            for (int k = 0; k < n; k++) {
                assertEquals(BigInteger.valueOf(out[k]), bo[k]);
            }
        }
    }

    @Test
    void longOverflowIsReportedNotWrapped() {
        long big = 1L << 40;
        long[] a = {big, 1, 1, big};
        assertThrows(ArithmeticException.class, () -> ExactLinearAlgebra.solve(a.clone(), new long[] {big, big}, 2,
                new long[2]));
        assertEquals(BigInteger.valueOf(big).pow(2).subtract(BigInteger.ONE), ExactLinearAlgebra.determinant(a, 2));
    }
}
