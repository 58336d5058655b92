package org.lps.homotopy.solve;

import org.hipparchus.complex.Complex;

/**
 * One distinct isolated finite solution.
 *
 * <p>{@link #status()} is {@link PathStatus#NONSINGULAR} or {@link PathStatus#SINGULAR}; the multiplicity is
 * the number of paths that reached it (1 for a nonsingular solution). The condition number is the 1-norm
 * condition number of the Jacobian at the reported point, the residual max_i |f_i(x)| of the original
 * equations.
 */
public final class Solution {

    private final double[] x;
    private final PathStatus status;
    private final int multiplicity;
    private final boolean real;
    private final double condition;
    private final double residual;
    private final double accuracy;
    private final int windingNumber;
    private final long[] paths;

    Solution(double[] x, PathStatus status, int multiplicity, boolean real, double condition, double residual,
             double accuracy, int windingNumber, long[] paths) {
        this.x = x.clone();
        this.status = status;
        this.multiplicity = multiplicity;
        this.real = real;
        this.condition = condition;
        this.residual = residual;
        this.accuracy = accuracy;
        this.windingNumber = windingNumber;
        this.paths = paths.clone();
    }

    /** The coordinates, in the order of {@link SolveResult#variables()}. */
    public Complex[] coordinates() {
        Complex[] c = new Complex[x.length / 2];
        for (int k = 0; k < c.length; k++) {
            c[k] = new Complex(x[2 * k], x[2 * k + 1]);
        }
        return c;
    }

    public Complex coordinate(int variable) {
        return new Complex(x[2 * variable], x[2 * variable + 1]);
    }

    /** The coordinates interleaved (re, im, re, im, ...), a copy. */
    public double[] interleaved() {
        return x.clone();
    }

    public int dimension() {
        return x.length / 2;
    }

    public PathStatus status() {
        return status;
    }

    public boolean isSingular() {
        return status == PathStatus.SINGULAR;
    }

    public int multiplicity() {
        return multiplicity;
    }

    /**
     * All imaginary parts below 1e-8 relative to max(1, |x|) for a nonsingular solution; for a singular one
     * below 100 times its accuracy estimate, clamped to [1e-8, 1e-4].
     */
    public boolean isReal() {
        return real;
    }

    public double condition() {
        return condition;
    }

    public double residual() {
        return residual;
    }

    /** Relative accuracy estimate (last Newton correction, or the Cauchy endgame's estimate difference). */
    public double accuracy() {
        return accuracy;
    }

    public int windingNumber() {
        return windingNumber;
    }

    /** The paths (start solution indices, 0-based) that ended here, ascending. */
    public long[] paths() {
        return paths.clone();
    }
}
