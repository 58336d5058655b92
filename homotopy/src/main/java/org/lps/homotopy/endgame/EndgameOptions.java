package org.lps.homotopy.endgame;

/**
 * Every threshold of the {@link Endgame}: where it starts, when a path is called at infinity, when the Cauchy endgame
 * takes over and when its estimates are good enough. {@link #DEFAULT} is what every solve uses; the values were
 * each set on a path seen to need them, as their notes say. What "singular" means is not among them: that is
 * {@link Singularity}'s, one definition for the endgame, the path runner and the classification.
 *
 * @param boundary             where the endgame starts, in s = 1 - t
 * @param valAtInfinity        a valuation of x_0 above this (plus its error estimate) says "diverging"
 * @param maxInfinityS         no "at infinity" call above this s. A path can look divergent for a while and come
 *                             back: on cyclic-6 one showed v = 1/6, stable to 3e-3, and a condition number up
 *                             1e4-fold between s = 0.07 and 0.01, passing near a singular point at infinity, before
 *                             it turned to a finite nonsingular solution
 * @param valAccuracy          the valuation's error estimate must be below this for the "at infinity" call
 * @param minCondGrowth        condition growth that confirms "at infinity", measured from the smallest condition
 *                             number seen since the boundary (not the one at the boundary, which a near collision of
 *                             paths there can inflate) ...
 * @param infinityCond         ... and that also reaches this: a large finite solution has a badly scaled projective
 *                             Jacobian, whose condition number can grow 1e4-fold on the way (chandra-5: |x| = 563,
 *                             condition 1e6 at the end, with v = 0.49 +- 0.007 at s = 7e-5 on the way: called at
 *                             infinity before this test)
 * @param valSettled           a valuation that has not moved by more than this over a factor 4 of s, below
 *                             {@code settledS}, is trusted without the condition test: a finite endpoint would have
 *                             brought it to 0 long before
 * @param settledS             see {@code valSettled}
 * @param suspectCond          condition number beyond which the endgame suspects a singular endpoint ahead (and hands
 *                             over to Cauchy) or confirms a divergence: a trigger for its decisions, not the
 *                             definition of singular ({@link Singularity})
 * @param switchCondGrowth     condition growth since the boundary that hands a finite path to the Cauchy endgame
 * @param maxCauchyS           the Cauchy endgame does not start above this s: a condition number that shoots up
 *                             further out is a near collision of paths (a branch point close to the real segment),
 *                             which careful tracking gets through, not the endpoint's singularity; and a Cauchy
 *                             circle that large would enclose such branch points
 * @param minRadialS           below this s the Cauchy endgame starts whatever the condition number says
 * @param finiteLook           the Cauchy endgame only takes over from a path whose valuation says finite, |v| + its
 *                             error estimate below this (or, failing that, below {@code minRadialS} when v does not
 *                             say diverging). A path that passes a positive-dimensional set at infinity has an
 *                             erratic v and a condition number in the 1e8s long before its Puiseux series converges
 *                             (winding numbers 6 to 8 on the LPS block systems); Cauchy loops there fail to close,
 *                             thousands of steps each, while tracking on along the real axis settles v in a few
 *                             hundred steps
 * @param minRadialSUndecided  tracking along the real axis stops here for a path that never looked finite; such
 *                             paths have been called at infinity by then (v = 1/6 at s = 1e-12 on one LPS path that
 *                             had looked finite at s = 1e-4)
 * @param hugeRatio            |x_0| / max |z_k| below this on a diverging, shrinking path is at infinity whatever the
 *                             valuation's error: the condition number there (1e40 and more) makes the valuation noisy
 *                             to +-0.05, and a finite endpoint this large would have |x| > 1e8
 * @param crawlSteps           a path that has looked clearly diverging (ill-conditioned, v positive with an error
 *                             estimate below {@code crawlError} v) is called at infinity after this many endgame
 *                             steps, or when the tracker fails on it: otherwise it crawls at relative step sizes of
 *                             1e-3 where the condition number passes 1e25. Also the steps without halving s after
 *                             which a diverging, unresolved path has stalled ({@link Endgame#stalledDivergence})
 * @param crawlError           see {@code crawlSteps}
 * @param jumpCondGrowth       the tracker tries to land on s = 0 in one step while v looks finite and the condition
 *                             number is within this factor of the boundary's
 * @param geometricFraction    fraction of the distance to s = 0 a step may cover while the path does not look regular
 * @param samplesPerTurn       samples per turn of a Cauchy loop
 * @param maxWinding           largest winding number tried
 * @param cauchySteps          steps the Cauchy endgame may take (loops are begun within it): loops that keep failing
 *                             to close are usually around a path that crawls past a positive-dimensional set at
 *                             infinity, which the radial fallback then settles in a fraction of the work
 * @param radiusRatio          factor by which the Cauchy radius shrinks between loops
 * @param minRadius            smallest Cauchy radius
 * @param loopClosure          a loop has closed when it is back at its start within this fraction of its largest
 *                             excursion on the way ...
 * @param loopClosureFloor     ... or within this relative to the size of the point
 * @param estimateResidual     a Cauchy estimate must solve the target system about as well as the agreement of two
 *                             estimates says: relative residual at most this times their difference ...
 * @param estimateResidualFloor ... plus this
 * @param cauchyAcceptable     Cauchy estimates that stop improving are accepted if two agree this well
 * @param cauchyTolerance      two Cauchy estimates this close (relative) end the endgame
 * @param unresolvedDrop       see {@link Endgame#unresolvedDivergence}
 * @param loopDrop             see {@link Endgame#loopsDiverge(EndgameOptions, double, double, double)}
 * @param finalTolerance       relative Newton tolerance for endpoints and Cauchy samples
 * @param lastResortAccuracy   when the Cauchy loops fail, a path tracked straight to s = 0 whose Newton refinement
 *                             there converges to this is taken as a (nonsingular) endpoint
 * @param straightFraction     see {@link Endgame#trackStraightFromCauchyStart}: a straight track that stops this far
 *                             of the way to s = 0 (or further) hands its last point to Newton
 * @param straightSteps        step budget of {@link Endgame#trackStraightFromCauchyStart} (a cluster of simple
 *                             roots 1e-3 wide needs more than 40)
 * @param descentSteps         step budget of the {@link Descent} that follows a path called at infinity on towards
 *                             s = {@code descentS}: the paths to cassou's large solutions took 25 .. 82 steps
 *                             (seeds 1-3, total-degree and linear-product starts), while the diverging paths of the
 *                             LPS k = 2 block would take hundreds
 * @param descentMinStep       a step of that descent (in u = -ln s) below this fraction of the way left ends it: the
 *                             path cannot be followed there. 1e-2 lost 3 of pb601es's 18 on seeds 1 and 3
 * @param descentS             where the descent stops: cassou's large solutions are reached at s = 1e-20 .. 1e-30
 */
public record EndgameOptions(double boundary, double valAtInfinity, double maxInfinityS, double valAccuracy,
                             double minCondGrowth, double infinityCond, double valSettled, double settledS,
                             double suspectCond, double switchCondGrowth, double maxCauchyS, double minRadialS,
                             double finiteLook, double minRadialSUndecided, double hugeRatio, int crawlSteps,
                             double crawlError, double jumpCondGrowth, double geometricFraction, int samplesPerTurn,
                             int maxWinding, int cauchySteps, double radiusRatio, double minRadius,
                             double loopClosure, double loopClosureFloor, double estimateResidual,
                             double estimateResidualFloor, double cauchyAcceptable, double cauchyTolerance,
                             double unresolvedDrop, double loopDrop, double finalTolerance,
                             double lastResortAccuracy, double straightFraction, int straightSteps,
                             int descentSteps, double descentMinStep, double descentS) {

    /** The settings of every solve. */
    public static final EndgameOptions DEFAULT = new EndgameOptions(0.1, 0.05, 1e-4, 0.01,
            1e4, 1e7, 1e-3, 1e-6,
            1e8, 1e3, 1e-3, 1e-8,
            0.05, 1e-14, 1e-8, 300,
            0.25, 10, 0.75, 8,
            12, 3000, 0.25, 1e-12,
            1e-3, 1e-9, 10,
            1e-13, 1e-6, 1e-10,
            0.01, 0.25, 1e-13,
            1e-9, 1 - 1e-4, 200,
            100, 1e-3, 1e-60);

    public EndgameOptions {
        if (!(boundary > 0 && boundary < 1)) {
            throw new IllegalArgumentException("need 0 < boundary < 1, got " + boundary);
        }
        if (!(radiusRatio > 0 && radiusRatio < 1) || !(geometricFraction > 0 && geometricFraction <= 1)) {
            throw new IllegalArgumentException("need 0 < radiusRatio < 1 and 0 < geometricFraction <= 1");
        }
        if (samplesPerTurn < 3 || maxWinding < 1 || cauchySteps < 1 || crawlSteps < 1 || descentSteps < 1) {
            throw new IllegalArgumentException("need samplesPerTurn >= 3, maxWinding, cauchySteps, crawlSteps,"
                    + " descentSteps >= 1");
        }
        if (!(descentMinStep > 0 && descentMinStep < 1) || !(descentS > 0 && descentS < boundary)) {
            throw new IllegalArgumentException("need 0 < descentMinStep < 1 and 0 < descentS < boundary");
        }
    }
}
