package org.lps.homotopy.track;

import org.lps.homotopy.eval.CompiledSystem;

/**
 * A homotopy in projective coordinates (x_0 last) that can say what it ends at: its target F at s = 0, homogenized
 * as the homotopy tracks it, so that F(x, 0) are the highest-degree forms a point at infinity must satisfy (the
 * test of {@code solve.LeadingForms}). The start-to-target {@link Homotopy} homogenizes to the start system's degrees,
 * the parameter homotopy to the family's.
 */
public interface ProjectiveTarget {

    /** n, the number of affine unknowns. */
    int variableCount();

    /** The homogenized target: n equations in the n + 1 projective coordinates, each scaled as the homotopy does. */
    CompiledSystem target();

    /** sum_t |c_t| of each equation of {@link #target()} (a copy); 0 for an equation that vanishes at the target. */
    double[] coefficientNorms();
}
