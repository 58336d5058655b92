package org.lps.homotopy.certify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PositiveDefiniteTest {

    /** A = R diag(d) R^T for a random rotation-ish R (Gram-Schmidt of a random matrix), widened by eps. */
    private static double[][] matrix(double[] d, double eps, long seed) {
        int n = d.length;
        SplittableRandom r = new SplittableRandom(seed);
        double[][] q = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                q[i][j] = r.nextDouble(-1, 1);
            }
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[i][j] * q[i][k];
                }
                for (int i = 0; i < n; i++) {
                    q[i][j] -= dot * q[i][k];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[i][j] * q[i][j];
            }
            for (int i = 0; i < n; i++) {
                q[i][j] /= Math.sqrt(norm);
            }
        }
        double[] lo = new double[n * n], hi = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * d[k] * q[j][k];
                }
                lo[i * n + j] = s - eps;
                hi[i * n + j] = s + eps;
            }
        }
        return new double[][] {lo, hi};
    }

    @Test
    void provesDefinitenessOfNonDominantMatricesAndRefusesIndefiniteOnes() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] d = {0.01, 0.5, 2, 30, 400, 7};
            double[][] m = matrix(d, 1e-6, seed);
            assertTrue(PositiveDefinite.prove(m[0], m[1], 6), "seed " + seed);
            // a smallest eigenvalue of 0.01 and an interval radius 0.01 / n^2 * 10: no longer provable
            double[][] wide = matrix(d, 0.1, seed);
            assertFalse(PositiveDefinite.prove(wide[0], wide[1], 6), "seed " + seed);
            double[] neg = {-0.01, 0.5, 2, 30, 400, 7};
            double[][] s = matrix(neg, 1e-9, seed);
            assertFalse(PositiveDefinite.prove(s[0], s[1], 6), "saddle, seed " + seed);
            double[] zero = {0, 0.5, 2, 30, 400, 7};
            double[][] z = matrix(zero, 1e-12, seed);   // contains the exact singular matrix
            assertFalse(PositiveDefinite.prove(z[0], z[1], 6), "singular, seed " + seed);
        }
    }
}
