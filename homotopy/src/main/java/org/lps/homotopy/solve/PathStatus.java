package org.lps.homotopy.solve;

/** How one path ended, after classification. */
public enum PathStatus {
    /** At an isolated solution where the Jacobian is nonsingular. */
    NONSINGULAR,
    /** At an isolated singular solution (multiplicity > 1, winding number > 1 or rank-deficient Jacobian). */
    SINGULAR,
    /** Diverged: its endpoint is at infinity. */
    AT_INFINITY,
    /** At a point of a positive-dimensional solution component: not an isolated solution. */
    POSITIVE_DIMENSIONAL,
    /** Numerical failure, even after the conservative retry; see {@link PathResult#failure()}. */
    FAILED;

    /** Lower-case name with dashes, as in the JSON and CSV outputs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
