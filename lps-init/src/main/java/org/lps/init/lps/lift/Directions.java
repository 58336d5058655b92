package org.lps.init.lps.lift;

import java.util.SplittableRandom;

/**
 * The random directions r_i of docs/design.md, LPS step 5: one row per unit, fan_in entries, mean squared row norm fan_in
 * (so W_i = |w_j| r_i / (s_in sqrt(fan_in)) has |W_i| = |w_j| / s_in and, on uncorrelated unit inputs, gives the
 * pre-activation the prototype's scale |w_j|).
 *
 * <p>The rows are those of a random semi-orthogonal matrix (Saxe et al.; PyTorch's orthogonal_), scaled, rather
 * than independent: with fan_out >= fan_in the directions form a tight frame (sum_i r_i r_i^T = fan_out I), so the
 * pre-activation variance pooled over the layer's units is exactly the prototype's whatever the correlations of the
 * input; with fewer units than inputs every row has norm sqrt(fan_in) exactly and the rows are orthogonal. With
 * independent directions the 16 filters of a 3x3 convolution on images (whose patches are dominated by one
 * direction, their mean) gave a layer variance off by up to half, one layer in three (measured; docs/lps.md).
 * Gram-Schmidt, done twice ("twice is enough"), on the smaller dimension: O(min^2 max) work. Beyond
 * {@link #ORTHOGONAL_LIMIT} in both dimensions rows are independent, each normalized to norm sqrt(fan_in).
 */
final class Directions {

    /** Above this many rows and columns, orthogonalization (min^2 max flops) is skipped. */
    static final int ORTHOGONAL_LIMIT = 2048;

    private Directions() {
    }

    /** rows x cols, row-major. */
    static double[][] of(int rows, int cols, SplittableRandom rnd) {
        double[][] g = new double[rows][cols];
        for (double[] row : g) {
            for (int j = 0; j < cols; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        if (Math.min(rows, cols) > ORTHOGONAL_LIMIT || rows == 1) {
            for (double[] row : g) {
                scale(row, Math.sqrt(cols) / norm(row));
            }
            return g;
        }
        if (rows <= cols) {
            orthonormalize(g);
            for (double[] row : g) {
                scale(row, Math.sqrt(cols));
            }
            return g;
        }
        // more rows than columns: orthonormal columns, then sum_i r_i r_i^T = rows * I after scaling
        double[][] t = transpose(g);
        orthonormalize(t);
        double[][] r = transpose(t);
        for (double[] row : r) {
            scale(row, Math.sqrt(rows));
        }
        return r;
    }

    /** Makes the vectors orthonormal, in order (modified Gram-Schmidt, two passes). */
    private static void orthonormalize(double[][] v) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < i; j++) {
                    double d = dot(v[i], v[j]);
                    for (int k = 0; k < v[i].length; k++) {
                        v[i][k] -= d * v[j][k];
                    }
                }
                scale(v[i], 1 / norm(v[i]));
            }
        }
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double f) {
        for (int k = 0; k < a.length; k++) {
            a[k] *= f;
        }
    }
}
