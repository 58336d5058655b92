package org.lps.homotopy.start;

import java.util.List;
import org.lps.homotopy.poly.Polynomial;

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

    /**
     * A source of start solutions for one thread. The default one calls {@link #solution}; a start system whose
     * solutions cost a computation of their own (the polyhedral one follows a path of a toric homotopy for each)
     * gives every thread its own workspace, and may fail on a solution, which then fails that path.
     */
    default Solutions solutions() {
        return (k, x) -> {
            solution(k, x);
            return true;
        };
    }

    /** Start solutions by index, for one thread (not thread-safe). */
    @FunctionalInterface
    interface Solutions {
        /** Writes the affine start solution {@code k} into {@code x} (2n, interleaved); false if it failed. */
        boolean compute(long k, double[] x);

        /** Why the last {@link #compute} failed. */
        default String failure() {
            return "start solution not computed";
        }
    }

    /**
     * The start system as affine polynomials (equation i of degree at most {@link #degree(int)}), when it is a
     * polynomial system on the target's supports, as the polyhedral one is: the homotopy then evaluates target and
     * start system as one system whose coefficients move with the path parameter, sharing every monomial. Null
     * (the default) for start systems that evaluate themselves their own, cheaper way.
     */
    default List<Polynomial> polynomials() {
        return null;
    }

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
