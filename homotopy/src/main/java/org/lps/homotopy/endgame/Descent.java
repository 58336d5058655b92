package org.lps.homotopy.endgame;

import org.lps.homotopy.track.LogParameter;
import org.lps.homotopy.track.PathHomotopy;
import org.lps.homotopy.track.Tracker;
import org.lps.homotopy.track.TrackerOptions;

/**
 * A path called at infinity before s = 0, followed on far below where the endgame stops (s = {@code descentS} of
 * {@link EndgameOptions}), so that the caller can test the point it reaches for a finite zero.
 *
 * <p>Why so deep: a large finite solution x* near a positive-dimensional set at infinity is reached only where
 * s gamma G no longer outweighs F there. Near x* the path solves F(x) = -s gamma G(x) / (1 - s), and F's terms at x*
 * are tiny beside G's (|G(x)| ~ |x|^d). cassou's six solutions at |x| ~ 1e4 (b ~ 1e-3; PHCpack's rco 2.6e-14 ..
 * 4.3e-14) are reached at s = 1e-20 .. 1e-30 from the linear-product start; above that their paths follow a valley
 * towards the set at infinity (x_0 ~ s^v, v = 0.16 .. 0.33, settled) exactly like the paths that do diverge, and the
 * tracker's absolute step floor (1e-14) stopped every earlier attempt where none of them was near its solution.
 *
 * <p>The descent tracks in u = -ln s ({@link LogParameter}), where a step covers a factor of s rather than a
 * fraction of it, and the steps grow as the path converges: from where it was called (s ~ 1e-4 .. 1e-12) a path
 * that lands on a large solution gets to s = 1e-60 in a few dozen steps. A path that cannot be followed with steps
 * of {@code descentMinStep} of the way left (condition numbers of 1e25 and more on the positive-dimensional sets at
 * infinity of the LPS systems) stops at once instead of crawling, and {@code descentSteps} caps the rest.
 *
 * <p>Its own tracker (and patch), one per thread; allocation-free per path after the first of each preset.
 */
public final class Descent {

    private final Tracker tracker;
    private final EndgameOptions o;
    private final double[] point;
    private TrackerOptions preset;
    private TrackerOptions options;

    public Descent(PathHomotopy homotopy, EndgameOptions options) {
        this.tracker = new Tracker(new LogParameter(homotopy));
        this.o = options;
        this.point = new double[2 * homotopy.size()];
    }

    /**
     * Follows the path through z (a point on it at the real parameter s > 0, in the homotopy's coordinates) towards
     * s = {@code descentS} with the corrector settings of {@code preset}. True when it got there, false when the path
     * could not be followed that far within the budget; the last point reached is {@link #endpoint()} either way.
     */
    public boolean from(double[] z, double s, TrackerOptions preset) {
        tracker.reset(optionsFor(preset));
        System.arraycopy(z, 0, point, 0, point.length);
        tracker.orthogonalPatch(point);
        if (!tracker.begin(point, -Math.log(s), 0)) {
            return false;
        }
        tracker.target(-Math.log(o.descentS()), 0);
        tracker.minStepFraction(o.descentMinStep());
        Tracker.Step st = Tracker.Step.ACCEPTED;
        while (tracker.steps() < o.descentSteps() && st != Tracker.Step.ARRIVED && st != Tracker.Step.FAILED) {
            st = tracker.step();
        }
        System.arraycopy(tracker.z(), 0, point, 0, point.length);
        return st == Tracker.Step.ARRIVED;
    }

    /**
     * The last point on the path the last {@link #from} reached, at s = {@code descentS} if it arrived (own array:
     * copy it). Where the path could no longer be followed it may still be within Newton's reach of a large
     * solution (pb601es: paths called at s ~ 1e-9 whose descent stops near 1e-14), so the caller tests it too.
     */
    public double[] endpoint() {
        return point;
    }

    /** Steps (accepted and rejected) of the last {@link #from}. */
    public int steps() {
        return tracker.steps();
    }

    /** The preset's corrector in u: steps from half a unit (a factor 1.6 in s) up to 8 (3.5 decades). */
    private TrackerOptions optionsFor(TrackerOptions p) {
        if (p != preset) {
            preset = p;
            options = new TrackerOptions(p.name() + "-descent", 0.5, 8, p.minStepSize(), p.maxSteps(), p.contraction(),
                    p.maxGrowth(), p.maxNewtonIterations(), p.trackTolerance());
        }
        return options;
    }
}
