package org.lps.nets.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Single-precision matrix products on row-major arrays, the only heavy kernel of training.
 *
 * <p>Calls the system BLAS (OpenBLAS on Debian, about 90 GFLOP/s per core here) through netlib's JNI
 * binding; without a native BLAS it falls back to netlib's pure-Java kernels (about 10 GFLOP/s) after a
 * one-line notice on stderr. Products too small to amortize a JNI call run in a plain loop. Each call is
 * single-threaded: parallelism comes from the trainer, which runs one shard of the batch per thread, so
 * the native library must not start its own threads (the launcher sets {@code OPENBLAS_NUM_THREADS=1}).
 */
public final class Gemm {

    /** Where OpenBLAS lives on Debian; preferred over whatever {@code libblas.so.3} points to. */
    private static final String[] OPENBLAS = {
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3",
            "/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3",
            "/usr/lib/x86_64-linux-gnu/openblas-serial/libblas.so.3",
            "/usr/lib/aarch64-linux-gnu/openblas-pthread/libblas.so.3"};
    private static final String NATIVE_LIB_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";
    /** Below this many multiply-adds a Java loop beats the JNI call (measured: tiny nets of the dying-ReLU study). */
    private static final long SMALL = 4096;

    private static final BLAS BLAS_IMPL = load();

    private Gemm() {
    }

    private static BLAS load() {
        if (System.getProperty(NATIVE_LIB_PROPERTY) == null) {
            for (String p : OPENBLAS) {
                if (Files.isReadable(Path.of(p))) {
                    System.setProperty(NATIVE_LIB_PROPERTY, p);
                    break;
                }
            }
        }
        Logger netlib = Logger.getLogger("dev.ludovic.netlib.blas");
        Level old = netlib.getLevel();
        netlib.setLevel(Level.OFF); // its own warnings are three multi-line log records; we print one line
        try {
            return NativeBLAS.getInstance();
        } catch (Throwable notNative) {
            System.err.println("nets: no native BLAS (libblas.so.3) could be loaded; using pure-Java GEMM, about 10x slower"
                    + " (on Debian: apt-get install libopenblas0-pthread)");
            return JavaBLAS.getInstance();
        } finally {
            netlib.setLevel(old);
        }
    }

    /** "native (/path/libblas.so.3)" or "java": for benchmark reports. */
    public static String backend() {
        return BLAS_IMPL instanceof NativeBLAS
                ? "native (" + System.getProperty(NATIVE_LIB_PROPERTY, "libblas.so.3") + ")"
                : "java";
    }

    public static boolean isNative() {
        return BLAS_IMPL instanceof NativeBLAS;
    }

    /**
     * C = alpha * op(A) * op(B) + beta * C, all row-major: op(A) is m x k, op(B) is k x n, C is m x n.
     * {@code lda}, {@code ldb}, {@code ldc} are row strides as stored (before the transpose).
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float alpha, float[] a, int offA, int lda,
                            float[] b, int offB, int ldb,
                            float beta, float[] c, int offC, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if ((long) m * n * k <= SMALL || k == 0) {
            small(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        // Row-major C = A B is column-major C^T = B^T A^T: swap the operands, keep the flags.
        BLAS_IMPL.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
                alpha, b, offB, ldb, a, offA, lda, beta, c, offC, ldc);
    }

    private static void small(boolean transA, boolean transB, int m, int n, int k,
                              float alpha, float[] a, int offA, int lda,
                              float[] b, int offB, int ldb,
                              float beta, float[] c, int offC, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = offC + i * ldc;
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[offA + p * lda + i] : a[offA + i * lda + p];
                    float bv = transB ? b[offB + j * ldb + p] : b[offB + p * ldb + j];
                    s += av * bv;
                }
                c[ci + j] = beta == 0f ? alpha * s : alpha * s + beta * c[ci + j];
            }
        }
    }
}
