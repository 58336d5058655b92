package org.lps.homotopy.solve;

import org.lps.homotopy.endgame.Endgame;

/**
 * What a worker thread knows about a path when it is done with it: the endgame's verdict and, for a finite
 * endpoint, the affine point after Newton refinement on the original system, with its residual and condition
 * number. Clustering and the local dimension test come after, in {@link Solver}.
 */
record Endpoint(long index, Endgame.Outcome outcome, boolean atInfinity, double[] x, double residual,
                double condition, double accuracy, int winding, int accepted, int rejected, String preset,
                String failure) {

    boolean failed() {
        return outcome == Endgame.Outcome.FAILED;
    }

    boolean finite() {
        return !failed() && !atInfinity;
    }
}
