package org.lps.homotopy.start;

/**
 * A start system G for the homotopy: n polynomials in n unknowns whose solutions are known, all nonsingular,
 * and at least as many as the target system has isolated solutions (for a target the start system is built
 * for). The homotopy works in projective coordinates z = (x_1, ..., x_n, x_0), the homogenizing coordinate
 * last, so a start system is evaluated homogenized: equation i has degree {@link #degree(int)}, and the
 * target's equation i is homogenized to the same degree.
 *
 * <p>Start solutions are produced one at a time by index, so a path needs nothing but its number: paths can be
 * tracked in any order on any thread, and a count in the millions costs no memory.
 */
public interface StartSystem {

    /** A short name for reports: "total-degree", "linear-product". */
    String name();

    /** The number of unknowns (and of equations). */
    int variableCount();

    /** The degree of start equation i; the target's equation i is homogenized to this degree. */
    int degree(int equation);

    /** The number of start solutions: the number of paths. */
    long solutionCount();

    /** Writes the affine start solution number {@code k} (0 <= k < count) into {@code x}, interleaved (2n). */
    void solution(long k, double[] x);

    /** A fresh evaluation workspace (not thread-safe: one per thread). */
    Evaluation evaluation();

    /**
     * Evaluates the homogenized start system at projective points z (n+1 coordinates, the homogenizing one
     * last), interleaved complex, allocation-free.
     */
    interface Evaluation {
        /** g = G(z) (n values). */
        void values(double[] z, double[] g);

        /**
         * g = G(z), and jac += alpha * dG/dz (n rows, n+1 columns, row-major). Adding a multiple instead of
         * writing the Jacobian lets the homotopy combine it with the target's in one pass, and lets a sparse
         * start system (total degree: two entries per row) touch only its nonzeros.
         */
        void valuesAndJacobian(double[] z, double[] g, double alphaRe, double alphaIm, double[] jac);
    }
}
