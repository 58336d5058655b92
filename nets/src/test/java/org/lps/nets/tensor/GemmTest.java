package org.lps.nets.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.lps.nets.ExternalTools;
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

    /**
     * The GEMM runs on the native OpenBLAS, not netlib's pure-Java fallback (10x slower) nor Debian's reference
     * BLAS (20x slower): checked by the libraries mapped into this process, so a libblas.so.3 that merely claims
     * the name does not pass. A failure where {@link ExternalTools#required()} (CI), a skip elsewhere.
     */
    @Test
    void nativeOpenBlasWhereRequired() throws IOException {
        boolean openBlas = Gemm.isNative() && openBlasMapped();
        ExternalTools.require(openBlas, "native OpenBLAS for the GEMM (backend: " + Gemm.backend() + ")",
                "apt-get install libopenblas0-pthread");
        // and it computes: a product above the size the Java loop keeps for itself
        float[] a = new float[64 * 64];
        float[] c = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            a[i * 64 + i] = 2f;
        }
        float[] b = random(new SplittableRandom(1), 64 * 64);
        Gemm.gemm(false, false, 64, 64, 64, 1f, a, 0, 64, b, 0, 64, 0f, c, 0, 64);
        for (int i = 0; i < c.length; i++) {
            assertEquals(2f * b[i], c[i], 0f);
        }
    }

    /** Whether an OpenBLAS library is mapped into this JVM (Linux); elsewhere, whether the loaded path says so. */
    private static boolean openBlasMapped() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Gemm.backend().contains("openblas");
        }
        return Files.readAllLines(maps).stream().anyMatch(l -> l.contains("libopenblas") || l.contains("/openblas"));
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
