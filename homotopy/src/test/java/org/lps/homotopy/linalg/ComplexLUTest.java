package org.lps.homotopy.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_ZDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

class ComplexLUTest {

    private static double[] random(int len, SplittableRandom r) {
        double[] a = new double[len];
        for (int k = 0; k < len; k++) {
            a[k] = r.nextGaussian();
        }
        return a;
    }

    @Test
    void solvesLikeEjml() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : new int[] {1, 2, 5, 11, 20}) {
            double[] a = random(2 * n * n, r), b = random(2 * n, r);
            ComplexLU lu = new ComplexLU(n);
            assertTrue(lu.factor(a));
            double[] x = new double[2 * n];
            lu.solve(b, x);

            ZMatrixRMaj A = new ZMatrixRMaj(n, n, true, a.clone());
            ZMatrixRMaj B = new ZMatrixRMaj(n, 1, true, b.clone());
            ZMatrixRMaj X = new ZMatrixRMaj(n, 1);
            LinearSolverDense<ZMatrixRMaj> solver = LinearSolverFactory_ZDRM.lu(n);
            assertTrue(solver.setA(A));
            solver.solve(B, X);
            for (int k = 0; k < 2 * n; k++) {
                assertEquals(X.data[k], x[k], 1e-10 * (1 + Math.abs(X.data[k])), "n=" + n + " entry " + k);
            }
            // and the residual of our own solve is at rounding level
            ZMatrixRMaj ours = new ZMatrixRMaj(n, 1, true, x);
            ZMatrixRMaj ax = new ZMatrixRMaj(n, 1);
            CommonOps_ZDRM.mult(new ZMatrixRMaj(n, n, true, a), ours, ax);
            for (int k = 0; k < 2 * n; k++) {
                assertEquals(b[k], ax.data[k], 1e-11 * n);
            }
        }
    }

    @Test
    void solveMayOverwriteItsInputAndAdjointSolvesTheConjugateTranspose() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 7;
        double[] a = random(2 * n * n, r), b = random(2 * n, r);
        ComplexLU lu = new ComplexLU(n);
        lu.factor(a);
        double[] x = b.clone();
        lu.solveAdjoint(x, x);
        // check A^H x = b
        for (int i = 0; i < n; i++) {
            double sr = 0, si = 0;
            for (int k = 0; k < n; k++) {
                double ar = a[2 * (k * n + i)], ai = -a[2 * (k * n + i) + 1];
                sr += ar * x[2 * k] - ai * x[2 * k + 1];
                si += ar * x[2 * k + 1] + ai * x[2 * k];
            }
            assertEquals(b[2 * i], sr, 1e-10);
            assertEquals(b[2 * i + 1], si, 1e-10);
        }
    }

    @Test
    void conditionEstimateIsCloseToTheTruth() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 6;
        for (double kappa : new double[] {1e2, 1e6, 1e10}) {
            // A = diag(1, ..., 1/kappa) with random row mixing: its condition is about kappa
            double[] a = new double[2 * n * n];
            for (int i = 0; i < n; i++) {
                double d = Math.pow(kappa, -(double) i / (n - 1));
                a[2 * (i * n + i)] = d;
            }
            // permute the rows (partial pivoting must cope) and scale a column
            double[] p = new double[a.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a, 2 * i * n, p, 2 * ((i + 3) % n) * n, 2 * n);
            }
            ComplexLU lu = new ComplexLU(n);
            lu.factor(p);
            double est = lu.conditionEstimate(ComplexLU.oneNorm(p, n));
            assertTrue(est >= kappa / 3 && est <= kappa * 3, "estimate " + est + " for " + kappa);
            assertTrue(lu.pivotRatio() >= kappa / 10);
        }
        double[] dense = random(2 * n * n, r);
        ComplexLU lu = new ComplexLU(n);
        lu.factor(dense);
        assertTrue(lu.conditionEstimate(ComplexLU.oneNorm(dense, n)) >= 1);
    }

    @Test
    void exactlySingularMatricesAreReported() {
        int n = 3;
        double[] a = new double[2 * n * n];
        a[0] = 1;
        a[2 * (1 * n + 1)] = 2;   // third row and column zero
        ComplexLU lu = new ComplexLU(n);
        assertFalse(lu.factor(a));
        assertTrue(lu.isSingular());
        assertEquals(Double.POSITIVE_INFINITY, lu.conditionEstimate(ComplexLU.oneNorm(a, n)));
    }
}
