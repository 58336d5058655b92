package org.lps.nets.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GemmTest {

    /** Every transpose combination, with offsets and padded strides, on both the loop path and BLAS. */
    @ParameterizedTest
    @CsvSource({"3,4,5", "37,29,41"})
    void matchesDirectProducts(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(m);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                int lda = (ta ? m : k) + 2;
                int ldb = (tb ? k : n) + 1;
                int ldc = n + 3;
                float[] a = random(rng, 5 + (ta ? k : m) * lda);
                float[] b = random(rng, 7 + (tb ? n : k) * ldb);
                float[] c = random(rng, 2 + m * ldc);
                float[] c0 = c.clone();
                Gemm.gemm(ta, tb, m, n, k, 0.5f, a, 5, lda, b, 7, ldb, 2f, c, 2, ldc);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            double av = ta ? a[5 + p * lda + i] : a[5 + i * lda + p];
                            double bv = tb ? b[7 + j * ldb + p] : b[7 + p * ldb + j];
                            s += av * bv;
                        }
                        double expected = 0.5 * s + 2 * c0[2 + i * ldc + j];
                        assertEquals(expected, c[2 + i * ldc + j], 1e-4 * (1 + Math.abs(expected)), "ta=" + ta + " tb=" + tb);
                    }
                }
            }
        }
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
