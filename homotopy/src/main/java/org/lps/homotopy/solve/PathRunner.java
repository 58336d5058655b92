package org.lps.homotopy.solve;

import org.lps.homotopy.endgame.Descent;
import org.lps.homotopy.endgame.Endgame;
import org.lps.homotopy.endgame.EndgameOptions;
import org.lps.homotopy.endgame.Singularity;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.track.Coordinates;
import org.lps.homotopy.track.Homotopy;
import org.lps.homotopy.track.PathHomotopy;
import org.lps.homotopy.track.ProjectiveTarget;
import org.lps.homotopy.track.Tracker;
import org.lps.homotopy.track.TrackerOptions;

/**
 * One worker's machinery for whole paths: start point, tracking to the endgame boundary, endgame,
 * dehomogenization and Newton refinement on the original system. A path's result depends only on its index
 * and the options, never on the thread or on what was tracked before (every buffer is overwritten, every
 * counter reset), which is what makes results independent of the thread count.
 *
 * <p>Not thread-safe: one per worker thread ({@link SolvePlan#runner()} makes one).
 */
public final class PathRunner {

    /** Unit roundoff (with a margin): no computed point is more accurate than this times its condition number. */
    static final double ROUNDING = Singularity.ROUNDING;
    /** Newton steps from a Cauchy centroid towards a member of a cluster of simple roots ({@link #nearClusterMember}). */
    static final int CLUSTER_NEWTON_STEPS = 40;
    /** A cluster member lies at least this many times the centroid's uncertainty away from it. */
    static final double CLUSTER_SEPARATION = 1e3;

    private final Tracker tracker;
    private final EndpointOptions o;
    private final EndgameOptions endgameOptions;
    private final Endgame endgame;
    private final Descent descent;
    private final Refiner refiner;
    /** Null for homotopies that do not declare their target (toric ones): no leading-forms check there. */
    private final LeadingForms leadingForms;
    /** The largest degree of the homotopy's monomials, for {@link #drifted}; 0 (never drifts) where unknown. */
    private final int maxDegree;
    private final StartPoints starts;
    /** Where the endgame takes over. */
    private final double boundary;
    /** The homotopy's coordinates: where the endpoint's x_0 is, how it becomes an affine point. */
    private final Coordinates coordinates;
    private final double[] z;
    private final int n;
    /** Where {@link #trackToBoundary} found the path stalled (NaN if it did not). */
    private double stalledAt;

    PathRunner(Homotopy homotopy, CompiledSystem original, CompiledSystem absolute, EndgameOptions endgame,
               EndpointOptions endpoint) {
        this(homotopy, StartPoints.of(homotopy), original, absolute, endgame, endpoint);
    }

    /**
     * Paths of any homotopy, projective (x_0 last, n + 1 coordinates) or affine ({@link PathHomotopy#coordinates}),
     * from the given start points, refined on the target system {@code original}: how parameter homotopies reuse the
     * endgame and the endpoint checks.
     */
    PathRunner(PathHomotopy homotopy, StartPoints starts, CompiledSystem original, CompiledSystem absolute,
               EndgameOptions endgame, EndpointOptions endpoint) {
        this.tracker = new Tracker(homotopy);
        this.o = endpoint;
        this.endgameOptions = endgame;
        this.endgame = new Endgame(tracker, endgame);
        this.descent = new Descent(homotopy, endgame);
        this.boundary = endgame.boundary();
        this.refiner = new Refiner(original, absolute, endpoint);
        this.leadingForms = homotopy instanceof ProjectiveTarget t ? new LeadingForms(t, endpoint) : null;
        this.maxDegree = homotopy instanceof Homotopy h ? h.maxDegree() : 0;
        this.starts = starts;
        this.coordinates = homotopy.coordinates();
        this.n = coordinates.affineDimension(homotopy.size());
        this.z = new double[2 * homotopy.size()];
    }

    /**
     * Tracks path {@code path} (the index of its start point) with the tracker preset {@code options}, runs its
     * endgame and checks its endpoint.
     */
    public Endpoint track(int path, TrackerOptions options) {
        long index = path;
        tracker.reset(options);
        if (!starts.point(index, options, z)) {
            return failed(index, options, starts.failure());
        }
        if (drifted(z)) {
            tracker.unitPatch(z);
        }
        if (!tracker.begin(z, 1, 0)) {
            return failed(index, options, "tracker: " + tracker.failure());
        }
        tracker.target(boundary, 0);
        if (!trackToBoundary()) {
            if (!Double.isNaN(stalledAt)) {
                return failed(index, options, String.format(java.util.Locale.ROOT,
                        "tracker: stalled at s = %.2e before the endgame, diverging (|x0| / |z| = %.1e) with a"
                        + " numerically singular Jacobian (condition %.1e)", stalledAt,
                        coordinates.homogenizingRatio(tracker.z(), tracker.z().length / 2), tracker.condition()));
            }
            return failed(index, options, "tracker: " + tracker.failure());
        }
        // the endgame works on the patch orthogonal to the path at the boundary, which the endpoint is close to
        if (!tracker.orthogonalPatch()) {
            return failed(index, options, "singular Jacobian at the endgame boundary");
        }
        Endgame.Outcome outcome = endgame.run();
        if (outcome == Endgame.Outcome.FAILED) {
            return failed(index, options, endgame.failure());
        }
        double[] e = endgame.endpoint();
        if (!allFinite(e)) {
            return failed(index, options, "endgame: non-finite endpoint");
        }
        if (endgame.stalled() && leadingForms != null && !leadingForms.satisfiedAt(e, 0)) {
            // called where it stalled, possibly far from s = 0: a point near the target's set at infinity satisfies
            // the target's leading forms to the order of its x_0 (LPS block: 1e-9 .. 6e-5 at x_0 = 1e-4 .. 4e-3,
            // s = 1e-3 .. 0.1), whatever s is; one that does not is near infinity for the member at s only (a path
            // passing a pole of the homotopy), which may come back to a finite solution: re-tracked, else failed
            return failed(index, options, String.format(java.util.Locale.ROOT,
                    "endgame: stalled diverging at s = %.1e (|x0| / |z| = %.1e) but not near the target's solutions"
                    + " at infinity: its leading forms are %.1e there, relative", Math.hypot(tracker.sRe(),
                    tracker.sIm()), coordinates.homogenizingRatio(e, e.length / 2), leadingForms.residual(e)));
        }
        double accuracy = endgameAccuracy();
        // s where the endpoint was taken: the endgame's verdict "at infinity" can come before s = 0
        double sEnd = outcome == Endgame.Outcome.AT_INFINITY ? Math.hypot(tracker.sRe(), tracker.sIm()) : 0;
        double[] x = dehomogenize(e);
        int winding = endgame.windingNumber();
        if (outcome == Endgame.Outcome.CAUCHY && winding > 1 && (nearRegularZero(x) || nearClusterMember(x, accuracy))) {
            // a winding number c > 1 claims a root of multiplicity >= c; Newton converging to a regular zero from
            // the endpoint refutes it: the Cauchy loops enclosed a cluster of simple roots and returned their
            // centroid (three roots 1e-3 apart in a degree-9 polynomial; two solutions 2 apart at |x| = 3e5).
            // Each path is analytic at its own root: tracked on straight from where the loops began, it lands
            // where Newton converges to a regular zero; if not, it fails (and is re-tracked). (Trying this on every
            // winding number above 1 would not do: from a genuine triple root's neighbourhood Newton "converges"
            // too, and SingularSolutionsTest's multiple roots came apart.)
            if (!endgame.trackStraightFromCauchyStart() || !nearRegularZero(dehomogenize(endgame.endpoint()))) {
                return failed(index, options, String.format(java.util.Locale.ROOT,
                        "endgame: winding number %d at a cluster of simple roots, not resolved by tracking on",
                        winding));
            }
            outcome = endgame.outcome();
            e = endgame.endpoint();
            x = dehomogenize(e);
            winding = 1;
            accuracy = endgameAccuracy();   // infinite when the tracker stopped short of s = 0: Newton decides below
        } else if (outcome == Endgame.Outcome.CAUCHY && winding > 1) {
            // Newton from the centroid proves nothing either way (discret3s, seed 1: a pair 0.03 |x| apart at
            // |x| = 1.2e4, where Newton stalls at 5e-2): the path, tracked on straight from where its loops began,
            // may still land on a member of a cluster. Only a regular zero reached quadratically and well outside the
            // centroid's uncertainty refutes the winding number; otherwise the Cauchy endpoint stands as it was.
            double[] centroid = x;
            e = e.clone();   // the straight track overwrites the endgame's endpoint
            if (endgame.trackStraightFromCauchyStart()
                    && farRegularZero(dehomogenize(endgame.endpoint()), centroid, accuracy, 8)) {
                outcome = endgame.outcome();
                e = endgame.endpoint();
                x = dehomogenize(e);
                winding = 1;
                accuracy = endgameAccuracy();
            }
        }
        // whether Newton from x reaches a regular zero (LargeSolutions): computed at most once per x, as every path
        // to infinity asks it
        Boolean largeZero = null;
        if (outcome == Endgame.Outcome.AT_INFINITY && sEnd > 0) {
            largeZero = LargeSolutions.regularZeroNear(refiner, x, o.largeMove()) != null;
            if (!largeZero && (leadingForms == null || leadingForms.satisfiedAt(e, sEnd))) {
                // called at infinity before s = 0 from the valuation of x_0: a path to a large finite solution looks
                // like that until far below s = 1e-14 (cassou: 1e-20 .. 1e-30, see Descent). Followed on there, it
                // lands within Newton's reach of a regular zero; a diverging path does not. Every such path is
                // followed, whatever its |x_0| / |z| (cassou's large solutions were called at 1.6e-3 .. 0.11)
                descent.from(e, sEnd, options);
                double[] d = descent.endpoint();
                if (allFinite(d) && LargeSolutions.regularZeroNear(refiner, dehomogenize(d), o.largeMove()) != null) {
                    outcome = Endgame.Outcome.REGULAR;
                    e = d.clone();
                    x = dehomogenize(e);
                    accuracy = Double.POSITIVE_INFINITY;   // Newton below refines it
                    largeZero = true;
                }
            }
        }
        if (outcome == Endgame.Outcome.AT_INFINITY || atInfinity(e, accuracy)) {
            if (largeZero == null) {
                largeZero = LargeSolutions.regularZeroNear(refiner, x, o.largeMove()) != null;
            }
            if (!largeZero) {
                // (a large regular zero goes on as a finite endpoint: Newton below refines it)
                return atInfinityOrFailed(index, options, outcome, e, sEnd, accuracy, winding);
            }
        }
        boolean refined = false;
        if (outcome == Endgame.Outcome.REGULAR || winding == 1) {
            // a regular endpoint (or a Cauchy one that turns out to be simple) polishes to full accuracy
            double[] y = x.clone();
            double rel = refiner.newton(y, 8);
            boolean converged = !refiner.stalledLinearly()
                    && (rel <= Singularity.ACCURACY || Singularity.converged(rel, refiner.condition(y)));
            if (converged || outcome == Endgame.Outcome.REGULAR) {
                x = y;
                accuracy = Math.min(accuracy, rel);
                refined = converged;
            }
        }
        if (!refined && unresolved(o, coordinates.homogenizingRatio(e, e.length / 2), accuracy)) {
            // an endpoint left as the endgame computed it (singular, or Newton would not converge) whose x_0 is
            // not known to within 1000x its accuracy: x is not known at all, and the path is as likely at
            // infinity. LPS k = 2, d = 3: 24 such "singular solutions", |x| 5e2..5e4, relative accuracy of x 2e-3
            // to 1e9, where the path's x_0 froze once the condition number passed 1e16 (the genuine singular
            // endpoints of the tests are known to 2e-9 at worst)
            return atInfinityOrFailed(index, options, outcome, e, sEnd, accuracy, winding);
        }
        if (refiner.backwardError(x) > o.maxBackwardError()) {
            // numerically a zero of the homogenized system only because x_0 is tiny: its affine image solves
            // nothing, so the endpoint is at infinity (seen on eco-8: a slowly diverging path, |x| ~ 1e7)
            return atInfinityOrFailed(index, options, outcome, e, sEnd, accuracy, winding);
        }
        // the last word on a finite endpoint reported as nonsingular: it must solve the equations relative to the
        // size of their terms (singular ones passed the normwise test just above, the only one that can judge them)
        double condition = refiner.condition(x);
        if (winding == 1 && condition < Singularity.CONDITION && !Singularity.converged(accuracy, condition)) {
            // nothing says singular (one path, a regular Jacobian) but Newton did not converge: the path stopped
            // short of its solution, e.g. between the members of a cluster of roots 1e-2 apart (a degree-9
            // polynomial, seed 5: "singular, multiplicity 1", residual 1.7e-5); re-tracked, else failed
            return failed(index, options, String.format(java.util.Locale.ROOT,
                    "endpoint not converged: relative accuracy %.1e with a regular Jacobian (condition %.1e)",
                    accuracy, condition));
        }
        double residual = Singularity.isSingular(winding, accuracy, condition) ? 0
                : refiner.relativeResidual(x, accuracy);
        if (residual > o.maxRelativeResidual()) {
            return failed(index, options, String.format(java.util.Locale.ROOT,
                    "endpoint is no solution: residual %.1e relative to the equations' terms (tolerance %.0e)",
                    residual, o.maxRelativeResidual()));
        }
        return new Endpoint(index, outcome, false, x, refiner.residual(x), condition, accuracy, winding,
                tracker.acceptedSteps(), tracker.rejectedSteps(), options.name(), null);
    }

    /**
     * An endpoint that looks like a point at infinity is one only if its direction solves the leading forms
     * ({@link LeadingForms}); otherwise the path was lost on the way, and it fails (to be re-tracked).
     */
    private Endpoint atInfinityOrFailed(long index, TrackerOptions options, Endgame.Outcome outcome, double[] z,
                                        double s, double accuracy, int winding) {
        if (leadingForms != null && !leadingForms.satisfiedAt(z, s)) {
            return failed(index, options, String.format(java.util.Locale.ROOT,
                    "endpoint with x0 = %.1e |x| is not at infinity: the leading forms are %.1e there, relative",
                    coordinates.homogenizingRatio(z, z.length / 2), leadingForms.residual(z)));
        }
        return new Endpoint(index, outcome, true, null, Double.NaN, Double.NaN, accuracy, winding,
                tracker.acceptedSteps(), tracker.rejectedSteps(), options.name(), null);
    }

    /**
     * Tracks to the endgame boundary, moving to a unit patch through the current point whenever the point's
     * length has drifted so far from 1 that its highest powers span more than {@link EndpointOptions#maxPowerDrift()}: the
     * homotopy's monomials z^a of degree d then stay within that factor of 1 (see {@link Tracker#unitPatch}).
     * At the usual degrees this never happens (|z| would have to pass 1e4 at degree 2); at degree 1000 it
     * happens whenever |z| leaves [0.98, 1.02].
     *
     * <p>A path that stalls diverging before the boundary with a numerically singular Jacobian ({@link #stalled})
     * fails there (false, with {@link #stalledAt} set) instead of crawling to the step limit: the parameter homotopy
     * to the LPS k = 2 block has such a path at s = 0.2 .. 0.27, v = 9 .. 12, which took 10000 and 50000 steps to
     * fail without it. It is not called at infinity: paths of the same homotopy pass as close to infinity at s = 0.29
     * (x_0 = 1e-3, condition 5e14, v up to 30) and come back to regular solutions.
     */
    private boolean trackToBoundary() {
        double sHalved = tracker.sRe();
        int stepsHalved = tracker.steps();
        stalledAt = Double.NaN;
        while (true) {
            Tracker.Step st = tracker.step();
            if (st == Tracker.Step.FAILED) {
                return false;
            }
            if (st == Tracker.Step.ARRIVED) {
                return true;
            }
            if (st != Tracker.Step.ACCEPTED) {
                continue;
            }
            if (drifted(tracker.z()) && !tracker.unitPatch()) {
                return false;
            }
            double s = tracker.sRe();
            if (s <= 0.5 * sHalved) {
                sHalved = s;
                stepsHalved = tracker.steps();
            } else if (stalled(s, tracker.steps() - stepsHalved)) {
                stalledAt = s;
                return false;
            }
        }
    }

    /**
     * Whether the tracker's point (at the real parameter s, before the endgame, {@code crawl} steps since s was last
     * halved) is a diverging path stalled there
     * with a numerically singular Jacobian (condition number beyond 1 / rounding: Newton's corrections have no digit
     * left in its worst direction, and the tracker follows the path, if at all, by luck).
     */
    private boolean stalled(double s, int crawl) {
        if (crawl < endgameOptions.crawlSteps()) {
            return false;
        }
        double[] p = tracker.z();
        int size = p.length / 2;
        double cond = tracker.condition();
        return cond >= 1 / ROUNDING && Endgame.stalledDivergence(endgameOptions, crawl,
                coordinates.valuation(p, tracker.tangent(), s, size), coordinates.homogenizingRatio(p, size), cond);
    }

    /** Whether |z|^d is beyond {@link EndpointOptions#maxPowerDrift()} or below its inverse, d the homotopy's largest degree. */
    private boolean drifted(double[] z) {
        double s = 0;
        for (double v : z) {
            s += v * v;
        }
        return Math.abs(0.5 * Math.log(s) * maxDegree) > Math.log(o.maxPowerDrift());
    }

    private boolean atInfinity(double[] z, double accuracy) {
        double threshold = Math.min(o.finiteRatio(), Math.max(o.infinityRatio(), o.unresolvedFactor() * accuracy));
        return coordinates.homogenizingRatio(z, z.length / 2) < threshold;
    }

    /**
     * The test of {@link #atInfinity} without its {@link EndpointOptions#finiteRatio()} exemption, for endpoints that Newton did
     * not refine: |x_0| / |z| below 1000x the accuracy, i.e. x's relative accuracy is worse than 1e-3. The
     * exemption is for large nonsingular solutions, whose badly scaled projective Jacobian inflates the accuracy
     * bound (rounding x condition) but which Newton then refines on the original system.
     */
    static boolean unresolved(EndpointOptions o, double[] z, double accuracy) {
        return unresolved(o, homogenizingRatio(z), accuracy);
    }

    private static boolean unresolved(EndpointOptions o, double homogenizingRatio, double accuracy) {
        return homogenizingRatio < Math.max(o.infinityRatio(), o.unresolvedFactor() * accuracy);
    }

    /**
     * How well the endgame's point is known: no computed point is more accurate than rounding times the condition
     * number, whatever the endgame's own estimate (two agreeing Cauchy estimates can share the same rounding error);
     * unknown (NaN) is worst.
     */
    private double endgameAccuracy() {
        double a = Math.max(endgame.accuracy(), ROUNDING * endgame.condition());
        return Double.isNaN(a) ? Double.POSITIVE_INFINITY : a;
    }

    /** |x_0| / max_k |z_k| of a projective point z = (z_1, ..., z_n, x_0). */
    static double homogenizingRatio(double[] z) {
        return Coordinates.PROJECTIVE.homogenizingRatio(z, z.length / 2);
    }

    /** Whether Newton on the original system converges from x to a zero with a regular Jacobian. */
    private boolean nearRegularZero(double[] x) {
        return refiner.convergesToRegularZero(x.clone(), 8);
    }

    /**
     * Whether Newton from a Cauchy endpoint x (known to {@code accuracy}, relative) reaches a regular zero that lies
     * well outside x's own uncertainty: then x is the centroid of a cluster of simple roots, not a multiple root.
     * Ill-conditioned clusters need more Newton steps than {@link #nearRegularZero} allows before they converge
     * (discret3s: pairs 0.07 |x| apart at |x| = 4e3 .. 6e3, condition 4e7, about 15 steps from the centroid). The
     * guards keep genuine multiple roots: Newton from their centroid converges linearly (which
     * {@link Refiner#convergesToRegularZero} refuses), and no further than the centroid's own error.
     */
    private boolean nearClusterMember(double[] x, double accuracy) {
        return farRegularZero(x, x, accuracy, CLUSTER_NEWTON_STEPS);
    }

    /**
     * Whether Newton from {@code from} converges ({@link Refiner#convergesToRegularZero}, at most {@code steps} steps)
     * to a regular zero more than {@link #CLUSTER_SEPARATION} times the centroid's uncertainty from {@code centroid}
     * (known to {@code accuracy}, relative).
     */
    private boolean farRegularZero(double[] from, double[] centroid, double accuracy, int steps) {
        double[] y = from.clone();
        if (!refiner.convergesToRegularZero(y, steps)) {
            return false;
        }
        double moved = 0;
        for (int k = 0; k < y.length; k += 2) {
            moved = Math.max(moved, Math.hypot(y[k] - centroid[k], y[k + 1] - centroid[k + 1]));
        }
        double uncertainty = Math.max(accuracy, Singularity.ACCURACY) * Math.max(1, Refiner.maxAbs(centroid));
        return moved > CLUSTER_SEPARATION * uncertainty;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private double[] dehomogenize(double[] z) {
        double[] x = new double[2 * n];
        coordinates.toAffine(z, x);
        return x;
    }

    private Endpoint failed(long index, TrackerOptions options, String why) {
        return new Endpoint(index, Endgame.Outcome.FAILED, false, null, Double.NaN, Double.NaN, Double.NaN, 0,
                tracker.acceptedSteps(), tracker.rejectedSteps(), options.name(), why);
    }
}
