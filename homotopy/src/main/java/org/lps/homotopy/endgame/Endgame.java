package org.lps.homotopy.endgame;

import org.lps.homotopy.track.Coordinates;
import org.lps.homotopy.track.PathHomotopy;
import org.lps.homotopy.track.Tracker;

/**
 * The end of a path, from the endgame boundary s = {@code boundary} to the target s = 0 (the thresholds named
 * here are the components of its {@link EndgameOptions}).
 *
 * <p>The tracker keeps heading for s = 0, trying to land on it while the path looks regular and approaching it
 * geometrically otherwise. A path to a nonsingular solution gets there in a few steps, and a Newton refinement
 * at s = 0 finishes it. Every accepted point on the way is watched, in the coordinates the homotopy declares
 * ({@link Coordinates}): x_0 below is the last coordinate of a projective homotopy, and 1 for an affine one, whose
 * diverging paths have |x| growing instead of x_0 shrinking.
 * <ul>
 * <li><b>At infinity.</b> The valuation of the homogenizing coordinate relative to the norm of the others,
 * v = Re(s d/ds log(x_0 / |x|)), tends to the exponent of its Puiseux expansion in s: 0 for a finite endpoint,
 * positive for a path to infinity. As in HomotopyContinuation.jl, a path is called at infinity only
 * when that is clear on several counts at once: v exceeds {@code valAtInfinity} by more than its own change
 * over the last two factor-4 stretches of s (its error estimate); that change is below {@code valAccuracy}; x_0 has
 * shrunk since its peak at least half as fast (in logarithmic terms) as v says; s is below
 * {@code maxInfinityS}; and the Jacobian has become ill-conditioned ({@code minCondGrowth} times its best
 * since the boundary, or beyond {@code suspectCond}) unless v has been settled for a long while. The
 * condition test keeps a large but finite nonsingular solution, which looks like infinity for a while, from
 * being dropped: its condition number stays bounded.
 * Two looser calls end the work on a path that is clearly diverging (v positive with an error below v / 4,
 * x_0 shrinking, ill-conditioned) but whose valuation stays noisy because its condition number is astronomical:
 * after {@code crawlSteps} endgame steps or when the tracker fails on it, and at once when x_0 is below
 * {@code hugeRatio} of the largest coordinate. And at any s, a path that stalls: {@code crawlSteps} steps without
 * halving s while diverging with x_0 below what its condition number resolves ({@link #stalledDivergence}), the
 * fate of paths that end on a positive-dimensional set at infinity.</li>
 * <li><b>Singular endpoints.</b> When the condition number grows by {@code switchCondGrowth} (or the path
 * gets very near s = 0) while v says finite ({@code finiteLook}), the endpoint is singular and the tracker would
 * crawl and lose accuracy. The Cauchy endgame takes over: the path is continued around the circle |s| = R
 * (as {@code samplesPerTurn} chords); it closes after c turns, c being the winding number (cycle number) of
 * the endpoint, and by Cauchy's integral formula in w = s^(1/c) the endpoint is the mean of the c *
 * {@code samplesPerTurn} equally spaced samples (the trapezoid rule, geometrically convergent here). The
 * radius shrinks by {@code radiusRatio} until two consecutive estimates agree, and an estimate is only
 * accepted if it solves the target system about as well as that agreement says. The loops get
 * {@code cauchySteps} steps; if they fail, the path goes on along the real axis with only the at-infinity
 * watch (a path that looked finite for a while may be diverging after all), and last tracked straight to s = 0.
 * An estimate whose loops show x_0 shrinking like R^v (v > 0) while averaging it away is at infinity
 * ({@link #loopsDiverge(EndgameOptions, double, double, double)}); a path that none of this decides is at infinity if
 * x_0 has
 * shrunk 100x from its peak and the condition number no longer resolves it
 * ({@link #unresolvedDivergence}), and failed otherwise.</li>
 * </ul>
 *
 * <p>One per thread (it drives that thread's tracker); allocation-free per path.
 */
public final class Endgame {

    /** Unit roundoff (with a margin), for what a condition number leaves of a point's digits: not a tolerance. */
    static final double ROUNDING = 2.2e-16;

    /** How the endgame ended. */
    public enum Outcome {
        /** Tracked to s = 0 with a well-conditioned Jacobian. */
        REGULAR,
        /** Computed by the Cauchy endgame: singular endpoint (or one with winding number > 1). */
        CAUCHY,
        /** Diverged: decided from the valuations before s = 0. */
        AT_INFINITY,
        /** The tracker failed or the Cauchy loops did not close. */
        FAILED
    }

    private final Tracker tracker;
    private final EndgameOptions o;
    /** Where x_0 is (the last coordinate, or an implicit 1 for an affine homotopy). */
    private final Coordinates coordinates;
    private final int size;
    private final double[] endpoint;
    private final double[] saved;
    private final double[] sum;
    private final double[] loopStart;
    private final double[] previous;
    private final double[] best;
    private final double[] cauchyStart;
    private Outcome outcome;
    private int winding;
    private double accuracy;
    private double condition;
    private double valuation;
    private String failure;
    private double lastError;
    private double lastCondition;
    // the radial approach's state, kept for the fallback after a failed Cauchy endgame
    private double s0, cond0, minCond, x0relPeak, sPeak;
    private int steps0;
    private int cauchySteps0;
    private boolean radialFallback;
    // where the last Cauchy endgame began (the point is in cauchyStart)
    private double cauchyS;
    // whether the path has looked clearly diverging (and not finite since), kept into the fallback too
    private boolean divergedClearly;
    // whether the last run called the path at infinity because it stalled (stalledDivergence)
    private boolean stalled;
    // mean |x_0| / |z| over the samples of the last loop, and for the best estimate's loop and the one before it
    private double loopX0, bestLoopX0, bestPrevLoopX0;

    // valuation samples: s, v at points at least 4x apart
    private final double[] sampleS = new double[64];
    private final double[] sampleV = new double[64];
    // the smallest and largest v at the accepted points since each sample
    private final double[] sampleLo = new double[64];
    private final double[] sampleHi = new double[64];
    private int samples;

    /**
     * The endgame of the tracker's paths with the given thresholds, in the coordinates the homotopy declares
     * ({@link PathHomotopy#coordinates}).
     */
    public Endgame(Tracker tracker, EndgameOptions options) {
        this.tracker = tracker;
        this.o = options;
        this.coordinates = tracker.homotopy().coordinates();
        this.size = tracker.homotopy().size();
        int v = 2 * size;
        endpoint = new double[v];
        saved = new double[v];
        sum = new double[v];
        loopStart = new double[v];
        previous = new double[v];
        best = new double[v];
        cauchyStart = new double[v];
    }

    /**
     * Runs the endgame from the tracker's current point, which must be on the path at a real s (normally
     * {@code boundary}). The result is in {@link #outcome()}, {@link #endpoint()} and friends.
     */
    public Outcome run() {
        winding = 1;
        accuracy = Double.NaN;
        valuation = Double.NaN;
        failure = null;
        samples = 0;
        lastError = Double.POSITIVE_INFINITY;
        lastCondition = Double.NaN;
        radialFallback = false;
        divergedClearly = false;
        stalled = false;
        s0 = tracker.sRe();
        cond0 = tracker.condition();
        minCond = cond0;
        x0relPeak = homogenizingRatio(tracker.z());
        sPeak = s0;
        steps0 = tracker.steps();
        return radial(true);
    }

    /**
     * Heads for s = 0 along the real axis from the tracker's point, watching every accepted point; hands over to
     * the Cauchy endgame when {@code cauchy} allows and the path looks finite and singular.
     */
    private Outcome radial(boolean cauchy) {
        double savedS = tracker.sRe();
        System.arraycopy(tracker.z(), 0, saved, 0, 2 * size);
        tracker.target(0, 0);
        // jumps onto s = 0 are tried while the path looks regular; otherwise the approach is geometric
        boolean jump = cauchy;
        int sinceRejection = 2;
        // where s was last halved, and when: a path that takes crawlSteps steps for a factor 2 of s is crawling
        double sHalved = savedS;
        int stepsHalved = tracker.steps();
        double vSincePeak = 0;
        while (true) {
            tracker.maxFraction(jump && sinceRejection >= 2 ? 1 : o.geometricFraction());
            Tracker.Step st = tracker.step();
            if (st == Tracker.Step.FAILED) {
                if (divergedClearly || (savedS <= o.maxInfinityS() && valuation > o.valAtInfinity() + lastError
                        && lastError < o.valAccuracy())) {
                    // diverging clearly but too singular to go on (condition numbers of 1e30 and more are
                    // common past a positive-dimensional set at infinity): at infinity
                    return atInfinity(saved, lastCondition, lastError);
                }
                if (divergingUnresolved(o, vSincePeak, homogenizingRatio(saved), lastCondition)) {
                    // the tracker gave up on it where x_0 is no longer resolved: stalled, at whatever s (a chain
                    // x_(k+1) ~ x_k x_1 of 8 unknowns: x_0 = 2e-17 and condition 2e44 at s = 0.02, where the Cauchy
                    // loops then spent their 3000 steps in vain)
                    stalled = true;
                    return atInfinity(saved, lastCondition, lastError);
                }
                // a path that fails this close to the end is often singular: let Cauchy try from the last good point
                if (cauchy && savedS < o.boundary()) {
                    return cauchyFrom(saved, savedS);
                }
                return fail("tracker: " + tracker.failure());
            }
            if (st == Tracker.Step.REJECTED) {
                sinceRejection = 0;
                continue;
            }
            if (st == Tracker.Step.ARRIVED) {
                double rel = tracker.refine(o.finalTolerance(), 4);
                condition = tracker.condition();
                if (!Singularity.isSingular(1, rel, condition)) {
                    System.arraycopy(tracker.z(), 0, endpoint, 0, 2 * size);
                    accuracy = rel;
                    outcome = Outcome.REGULAR;
                    return outcome;
                }
                // we landed on a singular endpoint without noticing: redo the end with Cauchy
                return cauchy ? cauchyFrom(saved, savedS) : fail("tracker: singular endpoint at s = 0");
            }
            sinceRejection++;
            double s = tracker.sRe();
            double[] z = tracker.z();
            double v = valuationOfHomogenizing(z, tracker.tangent(), s);
            double cond = tracker.condition();
            double err = valuationError(s, v);
            valuation = v;
            lastError = err;
            lastCondition = cond;
            double x0rel = homogenizingRatio(z);
            boolean diverging = v > o.valAtInfinity() + err;
            // x_0 must shrink from its peak, not from the boundary: many paths first grow it (up to 4x here)
            if (x0rel >= x0relPeak) {
                x0relPeak = x0rel;
                sPeak = s;
            }
            boolean shrinking = x0rel <= x0relPeak * Math.pow(s / sPeak, 0.5 * v);
            boolean illConditioned = cond >= o.minCondGrowth() * minCond && cond >= o.infinityCond()
                    || cond >= o.suspectCond();
            boolean candidate = s <= o.maxInfinityS() && diverging && shrinking;
            boolean clearlyDiverging = candidate && illConditioned && err < o.crawlError() * v;
            if (s <= 0.5 * sHalved) {
                sHalved = s;
                stepsHalved = tracker.steps();
            }
            // a stall is judged by the mean valuation since x_0's peak, not by v: at the condition numbers of a stalled
            // path v is noise (148, then -93, at condition 1e44 on a chain x_(k+1) ~ x_k x_1 of 9 unknowns)
            vSincePeak = s < sPeak ? Math.log(x0rel / x0relPeak) / Math.log(s / sPeak) : 0;
            if (stalledDivergence(o, tracker.steps() - stepsHalved, vSincePeak, x0rel, cond)) {
                stalled = true;
                return atInfinity(z, cond, err);
            }
            if (clearlyDiverging) {
                divergedClearly = true;
            } else if (Math.abs(v) + err <= o.finiteLook()) {
                divergedClearly = false;
            }
            if (candidate && ((err < o.valAccuracy() && (illConditioned || (err < o.valSettled() && s < o.settledS())))
                    || x0rel <= o.hugeRatio() || (clearlyDiverging && tracker.steps() - steps0 >= o.crawlSteps()))) {
                return atInfinity(z, cond, err);
            }
            minCond = Math.min(minCond, cond);
            System.arraycopy(z, 0, saved, 0, 2 * size);
            savedS = s;
            if (s < o.minRadialSUndecided() && divergedClearly) {
                // as far as tracking goes; Cauchy loops this small (condition 1e30 and more) would not close
                return atInfinity(z, cond, err);
            }
            if (!cauchy) {
                if (s < o.minRadialSUndecided()) {
                    return fail("endgame: neither finite nor at infinity at s = " + o.minRadialSUndecided());
                }
                continue;
            }
            boolean looksFinite = Math.abs(v) + err <= o.finiteLook();
            if ((!diverging && ((looksFinite && s <= o.maxCauchyS()
                    && (cond >= o.switchCondGrowth() * cond0 || cond >= o.suspectCond()))
                    || s < o.minRadialS())) || s < o.minRadialSUndecided()) {
                return cauchyFrom(saved, savedS);
            }
            jump = Math.abs(v) <= o.valAtInfinity() && cond <= o.jumpCondGrowth() * cond0;
        }
    }

    private Outcome atInfinity(double[] z, double cond, double err) {
        System.arraycopy(z, 0, endpoint, 0, 2 * size);
        condition = cond;
        accuracy = err;
        outcome = Outcome.AT_INFINITY;
        return outcome;
    }

    /**
     * Records (s, v) when s is at least 4x below the last sample, and returns the valuation's error estimate:
     * its change over the last two factor-4 stretches of s, max(range of v over [s, s_a], |v(s_a) - v(s_b)|)
     * with s_a >= 4 s and s_b >= 4 s_a. One stretch is not enough: an erratic valuation can agree with itself at
     * two points by chance (chandra-6: 0.395 at s = 1.6e-6 and 6e-6, between 0.35 and 0.67 elsewhere). Nor are
     * the stretches' ends: on LPS k = 2, d = 3 (path 9846, seed 1) v rose from 0.089 at s = 4.4e-4 to 0.151 and
     * fell back to 0.099 at s = 4.5e-5, where the ends agreed to 0.0097 and a path to a nonsingular solution
     * with |x| = 2 was called at infinity; the range over the stretch (0.06) is what v's change really was. For a
     * v that converges monotonically the range is the change between the ends, as before.
     */
    private double valuationError(double s, double v) {
        for (int a = 0; a < samples; a++) {
            sampleLo[a] = Math.min(sampleLo[a], v);
            sampleHi[a] = Math.max(sampleHi[a], v);
        }
        double err = Double.POSITIVE_INFINITY;
        for (int a = samples - 1; a >= 1; a--) {
            if (sampleS[a] >= 4 * s) {
                // samples are at least 4x apart, so a - 1 is the previous stretch
                err = Math.max(sampleHi[a] - sampleLo[a], Math.abs(sampleV[a] - sampleV[a - 1]));
                break;
            }
        }
        if (samples == 0 || s <= sampleS[samples - 1] / 4) {
            if (samples == sampleS.length) {
                System.arraycopy(sampleS, 1, sampleS, 0, samples - 1);
                System.arraycopy(sampleV, 1, sampleV, 0, samples - 1);
                System.arraycopy(sampleLo, 1, sampleLo, 0, samples - 1);
                System.arraycopy(sampleHi, 1, sampleHi, 0, samples - 1);
                samples--;
            }
            sampleS[samples] = s;
            sampleV[samples] = v;
            sampleLo[samples] = v;
            sampleHi[samples] = v;
            samples++;
        }
        return err;
    }

    /** Re(s x_0' / x_0) relative to the norm of x, in the homotopy's coordinates ({@link Coordinates#valuation}). */
    private double valuationOfHomogenizing(double[] z, double[] dz, double s) {
        return coordinates.valuation(z, dz, s, size);
    }

    /** |x_0| / max |x_k| ({@link Coordinates#homogenizingRatio}). */
    private double homogenizingRatio(double[] z) {
        return coordinates.homogenizingRatio(z, size);
    }

    /** The Cauchy endgame from the point z at the real parameter s > 0, with a last resort if it fails. */
    private Outcome cauchyFrom(double[] z, double s) {
        System.arraycopy(z, 0, cauchyStart, 0, 2 * size);
        cauchyS = s;
        Outcome o = cauchy(z, s);
        if (o != Outcome.FAILED) {
            return o;
        }
        // the loops cannot close where a path crawls past a positive-dimensional set at infinity, and such a path
        // can look finite for a while (v about 0 at s = 2e-5, 0.5 from 1e-6 on, seen on the LPS systems): carry
        // on radially, where the valuations settle
        String why = failure;
        if (!radialFallback && tracker.begin(cauchyStart, s, 0)) {
            radialFallback = true;
            Outcome r = radial(false);
            if (r != Outcome.FAILED) {
                return r;
            }
            failure = why;
        }
        return lastResort(s);
    }

    /**
     * When the Cauchy loops fail, the endpoint may not be singular at all: a nonsingular solution with large
     * coordinates has a badly scaled, hence ill-conditioned, projective Jacobian, which is what sent the path
     * here (seen on cyclic-7, |x| ~ 100, condition 1e10 at s = 1e-9). Tracking straight to s = 0 and a Newton
     * refinement there that converges to 1e-9 settle it; otherwise the failure stands.
     */
    private Outcome lastResort(double s) {
        String why = failure;
        if (!tracker.begin(cauchyStart, s, 0)) {
            return fail(why);
        }
        tracker.maxFraction(1);
        tracker.target(0, 0);
        if (tracker.trackToTarget() == Tracker.Step.ARRIVED
                && tracker.refine(o.finalTolerance(), 6) <= o.lastResortAccuracy()) {
            // (converged, but not necessarily nonsingular: the classification applies Singularity to the result)
            failure = null;
            System.arraycopy(tracker.z(), 0, endpoint, 0, 2 * size);
            accuracy = o.lastResortAccuracy();
            winding = 1;
            condition = tracker.condition();
            outcome = Outcome.REGULAR;
            return outcome;
        }
        double[] z = tracker.z();
        double cond = tracker.condition();
        if (unresolvedDivergence(o, homogenizingRatio(z), x0relPeak, cond)) {
            failure = null;
            return atInfinity(z, cond, lastError);
        }
        return fail(why);
    }

    /**
     * For a Cauchy endpoint that the caller has found to be the centroid of a cluster of simple roots (the loops
     * enclosed several of them, hence a winding number above 1): the path tracked from where the Cauchy endgame
     * began straight towards s = 0, where it is analytic (its root is simple). It may not get there: near roots
     * that are close relative to their size (2 apart at |x| = 3e5) the projective Jacobian is so ill-conditioned
     * that the step size underflows at s ~ 1e-14; the last point, {@link EndgameOptions#straightFraction()} of the way or more,
     * is then as close to the path's own root as the cluster is narrow, and the caller's Newton refinement on the
     * original system takes it there. Each path of the cluster so reaches its own root, unless the tracker
     * jumped between the nearby paths, which the classification's duplicate test catches. True with the result in
     * {@link #endpoint()} (outcome {@link Outcome#REGULAR}, winding number 1, accuracy NaN when not arrived).
     */
    public boolean trackStraightFromCauchyStart() {
        return trackStraightFrom(cauchyStart, cauchyS, o.straightSteps());
    }

    private boolean trackStraightFrom(double[] start, double s, int steps) {
        if (!tracker.begin(start, s, 0)) {
            return false;
        }
        tracker.maxFraction(1);
        tracker.target(0, 0);
        // a step budget: a path that really diverges (or ends singular) crawls here; a regular one needs a few
        // dozen steps at most from s <= 1e-3
        Tracker.Step st = Tracker.Step.ACCEPTED;
        for (int k = 0; k < steps && st != Tracker.Step.ARRIVED && st != Tracker.Step.FAILED; k++) {
            st = tracker.step();
        }
        if (st == Tracker.Step.ARRIVED) {
            accuracy = tracker.refine(o.finalTolerance(), 6);
        } else if (Math.hypot(tracker.sRe(), tracker.sIm()) <= (1 - o.straightFraction()) * s) {
            accuracy = Double.NaN;
        } else {
            return false;
        }
        System.arraycopy(tracker.z(), 0, endpoint, 0, 2 * size);
        winding = 1;
        condition = tracker.condition();
        failure = null;
        outcome = Outcome.REGULAR;
        return true;
    }

    /**
     * The last word on a path that nothing else decided: at infinity if x_0 has shrunk below
     * {@code unresolvedDrop} of its peak since the boundary and is no longer resolved at the point's condition
     * number (|x_0| / |z| below 1000 x rounding x condition, the rule the classification applies to unrefined
     * endpoints). LPS k = 2, d = 3: 5 paths, |x| 1e3..4e4 at s = 1e-14..1e-19 with condition numbers 1e14..1e22,
     * whose Cauchy loops never closed and whose valuation never settled. A finite endpoint there would be known
     * to no digit anyway.
     */
    static boolean unresolvedDivergence(EndgameOptions o, double x0rel, double x0relPeak, double cond) {
        return x0rel <= o.unresolvedDrop() * x0relPeak && unresolved(x0rel, cond);
    }

    /**
     * Whether a diverging path has stalled where double precision cannot follow it: {@code crawl} steps (at least
     * {@code crawlSteps}) without halving s (or a tracker that gave up on it), its valuation v (the endgame passes
     * the mean since x_0's peak, log(x_0 / peak) / log(s / s_peak)) above {@code valAtInfinity}, and x_0 no longer
     * resolved
     * at the point's condition number (|x_0| / |z| below 1000 x rounding x condition). Such a path is called at
     * infinity wherever it is, at any s: it would not get nearer to s = 0 within any budget, and the caller checks
     * the point (a regular zero within Newton's reach, the leading forms, a {@link Descent}) as for any early call.
     * This is the common fate of paths that end on a positive-dimensional set at infinity, where the Jacobian's
     * condition number grows like a high power of 1 / s (LPS k = 2, d = 2, parameter homotopy to the block: like
     * x_0^-4 with x_0 ~ s^3, 1e12 at s = 0.1 and 1e19 at s = 0.03, with relative steps of 1e-4 of s there: 10000 and
     * 50000 steps spent without leaving s > 0.01). The valuation's error estimate is not asked for: it needs two
     * factor-4 stretches of s, which a stalled path never covers. What this cannot tell apart is a path that passes
     * close to a point at infinity of the member at some s > 0 and comes back (the same homotopy has such paths at
     * s = 0.29: x_0 = 1e-3, condition 5e14, crawling for 1500 steps); the caller's test that the point is near the
     * target's solutions at infinity ({@link #stalled()}) is what keeps those.
     */
    public static boolean stalledDivergence(EndgameOptions o, int crawl, double v, double x0rel, double cond) {
        return crawl >= o.crawlSteps() && divergingUnresolved(o, v, x0rel, cond);
    }

    /** v above {@code valAtInfinity} and x_0 no longer resolved at the condition number. */
    static boolean divergingUnresolved(EndgameOptions o, double v, double x0rel, double cond) {
        return v > o.valAtInfinity() && unresolved(x0rel, cond);
    }

    /** |x_0| / |z| below 1000 x rounding x condition: a finite endpoint there would be known to no digit. */
    private static boolean unresolved(double x0rel, double cond) {
        return x0rel < 1e3 * ROUNDING * cond;
    }

    private Outcome cauchy(double[] z, double s) {
        if (!tracker.begin(z, s, 0)) {
            return fail("singular Jacobian at the start of the Cauchy endgame");
        }
        double radius = s;
        cauchySteps0 = tracker.steps();
        boolean havePrevious = false;
        double bestDiff = Double.POSITIVE_INFINITY;
        int bestWinding = 0;
        double previousX0 = Double.NaN;
        bestLoopX0 = Double.NaN;
        bestPrevLoopX0 = Double.NaN;
        while (true) {
            System.arraycopy(tracker.z(), 0, loopStart, 0, 2 * size);
            int c = loop(radius);
            if (c > 0) {
                if (havePrevious) {
                    double diff = relativeDistance(sum, previous);
                    // an estimate must also solve the target system about as well as its accuracy says
                    double residual = tracker.relativeResidual(sum, 0, 0);
                    boolean consistent = residual <= o.estimateResidual() * diff + o.estimateResidualFloor();
                    if (consistent && diff < bestDiff) {
                        bestDiff = diff;
                        bestWinding = c;
                        bestLoopX0 = loopX0;
                        bestPrevLoopX0 = previousX0;
                        System.arraycopy(sum, 0, best, 0, 2 * size);
                        if (diff <= o.cauchyTolerance()) {
                            return cauchyResult(bestWinding, bestDiff);
                        }
                    } else if (bestDiff <= o.cauchyAcceptable()) {
                        // the estimates stopped improving: rounding, not the radius, limits them now
                        return cauchyResult(bestWinding, bestDiff);
                    }
                }
                System.arraycopy(sum, 0, previous, 0, 2 * size);
                havePrevious = true;
                previousX0 = loopX0;
            } else {
                if (bestDiff <= o.cauchyAcceptable()) {
                    return cauchyResult(bestWinding, bestDiff);
                }
                havePrevious = false;
            }
            double next = radius * o.radiusRatio();
            if (tracker.steps() - cauchySteps0 > o.cauchySteps()) {
                return bestDiff <= o.cauchyAcceptable() ? cauchyResult(bestWinding, bestDiff)
                        : fail("Cauchy endgame: no estimate within " + o.cauchySteps() + " steps");
            }
            if (next < o.minRadius()) {
                return bestDiff <= o.cauchyAcceptable() ? cauchyResult(bestWinding, bestDiff)
                        : fail(bestWinding > 0 ? "Cauchy endgame: estimates did not converge"
                        : "Cauchy endgame: no loop closed within " + o.maxWinding() + " turns");
            }
            // back to the loop's start on the real axis, then radially inward
            if (!tracker.begin(loopStart, radius, 0)) {
                return bestDiff <= o.cauchyAcceptable() ? cauchyResult(bestWinding, bestDiff)
                        : fail("singular Jacobian in the Cauchy endgame");
            }
            tracker.stepSize(0.5 * radius);
            tracker.target(next, 0);
            if (tracker.trackToTarget() == Tracker.Step.FAILED) {
                return bestDiff <= o.cauchyAcceptable() ? cauchyResult(bestWinding, bestDiff)
                        : fail("tracker in the Cauchy endgame: " + tracker.failure());
            }
            radius = next;
        }
    }

    private Outcome cauchyResult(int c, double diff) {
        System.arraycopy(best, 0, endpoint, 0, 2 * size);
        winding = c;
        accuracy = diff;
        condition = tracker.condition();
        outcome = loopsDiverge() ? Outcome.AT_INFINITY : Outcome.CAUCHY;
        return outcome;
    }

    /**
     * Whether the loops of the accepted estimate say "at infinity": over them (radius R) and the loop before
     * (radius R / {@code radiusRatio}), the mean of |x_0| / |z| fell like R^v with v above
     * {@code valAtInfinity}, and the estimate's x_0 is below {@code loopDrop} times that mean. A finite
     * endpoint's x_0 tends to a nonzero constant, which the loops' mean approaches (v -> 0) and the estimate
     * keeps; a diverging path's x_0 ~ s^v averages to about 0 over a loop, whatever tiny value the rounding (at
     * condition numbers of 1e16 and more) leaves. LPS k = 2, d = 3: v = 0.17..0.27 over the last loops, estimates
     * at 0.0004..0.07 of the loops' mean, |x| 5e3..5e4.
     */
    private boolean loopsDiverge() {
        return loopsDiverge(o, bestPrevLoopX0, bestLoopX0, homogenizingRatio(best));
    }

    /**
     * The rule of {@link #loopsDiverge()}: {@code outer} and {@code inner} are the mean |x_0| / |z| over two
     * consecutive loops (radii R / {@code radiusRatio} and R), {@code estimate} that of the estimate from the
     * inner one. False when a mean is unknown (NaN) or zero.
     */
    static boolean loopsDiverge(EndgameOptions o, double outer, double inner, double estimate) {
        if (!(outer > 0 && inner > 0)) {
            return false;
        }
        double v = Math.log(outer / inner) / Math.log(1 / o.radiusRatio());
        return v > o.valAtInfinity() && estimate < o.loopDrop() * inner;
    }

    /**
     * Goes around |s| = radius from s = radius (where the tracker is) until the path closes up; returns the
     * number of turns (the winding number) with the mean of the samples in {@code sum}, or 0 when it did not
     * close within {@code maxWinding} turns or the tracker failed.
     */
    private int loop(double radius) {
        final int v = 2 * size;
        java.util.Arrays.fill(sum, 0.0);
        tracker.refine(o.finalTolerance(), 3);
        System.arraycopy(tracker.z(), 0, loopStart, 0, v);
        double maxDev = 0;
        int count = 0;
        loopX0 = 0;
        tracker.stepSize(0.5 * radius);
        for (int turn = 1; turn <= o.maxWinding(); turn++) {
            for (int k = 0; k < o.samplesPerTurn(); k++) {
                double[] z = tracker.z();
                for (int i = 0; i < v; i++) {
                    sum[i] += z[i];
                }
                loopX0 += homogenizingRatio(z);
                count++;
                double angle = 2 * Math.PI * (k + 1) / o.samplesPerTurn();
                tracker.target(radius * Math.cos(angle), radius * Math.sin(angle));
                if (tracker.trackToTarget() == Tracker.Step.FAILED
                        || tracker.steps() - cauchySteps0 > o.cauchySteps()) {
                    return 0;
                }
                tracker.refine(o.finalTolerance(), 3);
                maxDev = Math.max(maxDev, distance(tracker.z(), loopStart));
            }
            double gap = distance(tracker.z(), loopStart);
            double scale = norm(loopStart);
            if (gap <= Math.max(o.loopClosure() * maxDev, o.loopClosureFloor() * scale)) {
                for (int i = 0; i < v; i++) {
                    sum[i] /= count;
                }
                loopX0 /= count;
                return turn;
            }
        }
        return 0;
    }

    private Outcome fail(String why) {
        failure = why;
        outcome = Outcome.FAILED;
        System.arraycopy(tracker.z(), 0, endpoint, 0, 2 * size);
        return outcome;
    }

    private double distance(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < 2 * size; k += 2) {
            double dr = a[k] - b[k], di = a[k + 1] - b[k + 1];
            m = Math.max(m, dr * dr + di * di);
        }
        return Math.sqrt(m);
    }

    private double norm(double[] a) {
        double m = 0;
        for (int k = 0; k < 2 * size; k += 2) {
            m = Math.max(m, a[k] * a[k] + a[k + 1] * a[k + 1]);
        }
        return Math.sqrt(m);
    }

    private double relativeDistance(double[] a, double[] b) {
        return distance(a, b) / Math.max(norm(a), Double.MIN_NORMAL);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The endpoint in projective coordinates on the patch (own array: copy it). */
    public double[] endpoint() {
        return endpoint;
    }

    /**
     * Whether the last run's "at infinity" came from {@link #stalledDivergence}, possibly far from s = 0: the caller
     * then asks the endpoint's direction to satisfy the target's leading forms as closely as its x_0 allows.
     */
    public boolean stalled() {
        return stalled;
    }

    /** The winding number (1 unless the Cauchy endgame found more). */
    public int windingNumber() {
        return winding;
    }

    /** Relative accuracy estimate of the endpoint (last Newton correction, or Cauchy estimate difference). */
    public double accuracy() {
        return accuracy;
    }

    /** Condition estimate of the homotopy Jacobian at the end. */
    public double condition() {
        return condition;
    }

    /** The last valuation estimate of x_0 (NaN if none). */
    public double valuation() {
        return valuation;
    }

    /** Why the path failed (null unless FAILED). */
    public String failure() {
        return failure;
    }
}
