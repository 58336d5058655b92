package org.lps.homotopy.track;

/**
 * What a {@link Tracker} follows: a square system H(z, s) = 0 in {@link #size()} complex unknowns depending on
 * a complex parameter s, whose solution paths are smooth along the segments tracked. {@link Homotopy} (start
 * system to target, projective) is one; the polyhedral start system's toric homotopies are others.
 */
public interface PathHomotopy {

    /** The number of unknowns, which is also the number of equations. */
    int size();

    /**
     * The coordinates the points are in: {@link Coordinates#PROJECTIVE} (x_0 last, on a patch) or
     * {@link Coordinates#AFFINE}. The endgame and the endpoint checks read "at infinity" from it.
     */
    Coordinates coordinates();

    /** A fresh evaluation workspace: not thread-safe, one per thread. */
    Evaluation evaluation();

    /** Evaluates H and its derivatives; allocation-free. Vectors are interleaved complex. */
    interface Evaluation {

        /** h = H(z, s), jac = dH/dz (size x size, row-major), hs = dH/ds. */
        void evaluate(double[] z, double sRe, double sIm, double[] h, double[] jac, double[] hs);

        /** Back to the homotopy's own coordinates at the start of a path (nothing to do without a patch). */
        default void resetPatch() {
        }

        /**
         * Moves to a patch through z orthogonal to it, for homotopies in projective coordinates (see
         * {@link Homotopy.Workspace#orthogonalPatch}); nothing to do for affine ones.
         */
        default void orthogonalPatch(double[] z) {
        }
    }
}
