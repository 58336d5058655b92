package org.lps.homotopy.solve;

/**
 * Everything about one tracked path.
 *
 * @param index           the path number (0-based; the start solution's index)
 * @param status          how it ended
 * @param solution        index into {@link SolveResult#solutions()} of the solution it reached, or -1
 * @param windingNumber   the cycle number found by the endgame (1 for a regular endpoint)
 * @param accuracy        relative accuracy estimate of the endpoint from the endgame
 * @param acceptedSteps   predictor-corrector steps accepted, endgame included (of the last attempt)
 * @param rejectedSteps   steps rejected
 * @param preset          the tracker preset of the attempt reported ("default", or "conservative" on retry)
 * @param failure         why it failed (null unless FAILED)
 */
public record PathResult(long index, PathStatus status, int solution, int windingNumber, double accuracy,
                         int acceptedSteps, int rejectedSteps, String preset, String failure) {
}
