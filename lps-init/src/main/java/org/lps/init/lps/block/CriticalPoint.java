package org.lps.init.lps.block;

import java.util.Arrays;

/**
 * A real critical point of the block loss J: theta = (w_1, b_1, v_1, ..., c), J there, the Hessian's eigenvalues
 * (ascending) and what they make of it. {@code copies} is how many solutions of grad J = 0 fell into its symmetry
 * orbit (1 until {@link Orbits} merges them).
 */
public record CriticalPoint(double[] theta, double loss, Kind kind, double[] eigenvalues, double gradientNorm,
                            int copies) {

    /** Second-order type. DEGENERATE: some Hessian eigenvalue is zero to working accuracy (no verdict). */
    public enum Kind { MINIMUM, SADDLE, MAXIMUM, DEGENERATE }

    public CriticalPoint {
        theta = theta.clone();
        eigenvalues = eigenvalues.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public boolean isMinimum() {
        return kind == Kind.MINIMUM;
    }

    /** Number of negative Hessian eigenvalues (the Morse index). */
    public int index() {
        int n = 0;
        for (double e : eigenvalues) {
            if (e < 0) {
                n++;
            }
        }
        return n;
    }

    CriticalPoint withCopies(int n) {
        return new CriticalPoint(theta, loss, kind, eigenvalues, gradientNorm, n);
    }

    @Override
    public String toString() {
        return kind + " J=" + loss + " theta=" + Arrays.toString(theta);
    }
}
