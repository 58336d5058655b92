package org.lps.homotopy.linalg;

import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;

/** Random vectors of a complex matrix's null space: the start pairs of parameter families are such vectors. */
public final class NullSpace {

    private NullSpace() {
    }

    /**
     * A random vector q with A q = 0, A being rows x cols (cols > rows, so there is one): A reduced to row echelon form
     * with partial pivoting, the free columns' entries drawn at random (complex normal), the pivots' solved for.
     * Columns whose pivot is below 1e-12 of A's largest entry count as free.
     */
    public static Complex[] randomVector(Complex[][] a, int rows, int cols, SplittableRandom random) {
        Complex[][] r = new Complex[rows][];
        for (int i = 0; i < rows; i++) {
            r[i] = a[i].clone();
        }
        int[] pivotColumn = new int[rows];
        int row = 0;
        boolean[] pivot = new boolean[cols];
        double scale = 0;
        for (Complex[] ri : r) {
            for (Complex z : ri) {
                scale = Math.max(scale, z.norm());
            }
        }
        for (int col = 0; col < cols && row < rows; col++) {
            int best = row;
            for (int i = row + 1; i < rows; i++) {
                if (r[i][col].norm() > r[best][col].norm()) {
                    best = i;
                }
            }
            if (r[best][col].norm() <= 1e-12 * scale) {
                continue;
            }
            Complex[] t = r[row];
            r[row] = r[best];
            r[best] = t;
            for (int i = 0; i < rows; i++) {
                if (i != row) {
                    Complex f = r[i][col].divide(r[row][col]);
                    for (int j = col; j < cols; j++) {
                        r[i][j] = r[i][j].subtract(f.multiply(r[row][j]));
                    }
                }
            }
            pivot[col] = true;
            pivotColumn[row++] = col;
        }
        Complex[] q = new Complex[cols];
        for (int j = 0; j < cols; j++) {
            q[j] = pivot[j] ? Complex.ZERO : new Complex(random.nextGaussian(), random.nextGaussian());
        }
        for (int i = 0; i < row; i++) {
            Complex s = Complex.ZERO;
            for (int j = 0; j < cols; j++) {
                if (!pivot[j]) {
                    s = s.add(r[i][j].multiply(q[j]));
                }
            }
            q[pivotColumn[i]] = s.negate().divide(r[i][pivotColumn[i]]);
        }
        return q;
    }
}
