package org.lps.homotopy.polyhedral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.polyhedral.cells.ExactLinearAlgebra;

/** Exact solutions of binomial systems y^V = c through the Hermite form: all |det V| of them, distinct. */
class BinomialSystemTest {

    @Test
    void hermiteFormIsUnimodularAndTriangular() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(6);
            long[] v = randomNonsingular(r, n);
            HermiteForm hf = HermiteForm.of(v, n);
            assertEquals(BigInteger.ONE, ExactLinearAlgebra.determinant(hf.u, n).abs(), "U unimodular");
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    long s = 0;
                    for (int k = 0; k < n; k++) {
                        s += hf.u[i * n + k] * v[k * n + j];
                    }
                    assertEquals(hf.h[i * n + j], s, "H = U V");
                    if (j < i) {
                        assertEquals(0, s, "upper triangular");
                    }
                    if (i < j) {
                        assertTrue(s >= 0 && s < hf.h[j * n + j], "reduced above the diagonal");
                    }
                }
                assertTrue(hf.h[i * n + i] > 0, "positive diagonal");
            }
        }
    }

    @Test
    void everySolutionSolvesAndAllAreDistinct() {
        SplittableRandom r = new SplittableRandom(6);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(5);
            long[] v = randomNonsingular(r, n);
            double[] cRe = new double[n], cIm = new double[n];
            for (int i = 0; i < n; i++) {
                double angle = 2 * Math.PI * r.nextDouble(), modulus = Math.exp(r.nextGaussian());
                cRe[i] = modulus * Math.cos(angle);
                cIm[i] = modulus * Math.sin(angle);
            }
            BinomialSystem b = new BinomialSystem(v, n, cRe, cIm);
            long det = ExactLinearAlgebra.determinant(v, n).abs().longValueExact();
            assertEquals(det, b.count());
            double[][] sols = new double[(int) det][2 * n];
            double[] logs = new double[2 * n];
            for (int k = 0; k < det; k++) {
                b.solution(k, sols[k], logs);
                for (int i = 0; i < n; i++) {
                    // y^(v_i) by logs of the computed y, compared with c_i
                    double lr = 0, li = 0;
                    for (int j = 0; j < n; j++) {
                        double yr = sols[k][2 * j], yi = sols[k][2 * j + 1];
                        lr += v[i * n + j] * Math.log(Math.hypot(yr, yi));
                        li += v[i * n + j] * Math.atan2(yi, yr);
                    }
                    double pr = Math.exp(lr) * Math.cos(li), pi = Math.exp(lr) * Math.sin(li);
                    double err = Math.hypot(pr - cRe[i], pi - cIm[i]) / Math.hypot(cRe[i], cIm[i]);
                    assertTrue(err < 1e-11, "trial " + trial + " solution " + k + " equation " + i + ": " + err);
                }
            }
            for (int k = 0; k < det; k++) {
                for (int l = 0; l < k; l++) {
                    double d = 0;
                    for (int j = 0; j < 2 * n; j++) {
                        d = Math.max(d, Math.abs(sols[k][j] - sols[l][j]));
                    }
                    assertTrue(d > 1e-8, "trial " + trial + ": solutions " + l + " and " + k + " coincide");
                }
            }
        }
    }

    private static long[] randomNonsingular(SplittableRandom r, int n) {
        while (true) {
            long[] v = new long[n * n];
            for (int k = 0; k < v.length; k++) {
                v[k] = r.nextInt(7) - 3;
            }
            BigInteger det = ExactLinearAlgebra.determinant(v, n);
            if (det.signum() != 0 && det.abs().compareTo(BigInteger.valueOf(200)) <= 0) {
                return v;
            }
        }
    }
}
