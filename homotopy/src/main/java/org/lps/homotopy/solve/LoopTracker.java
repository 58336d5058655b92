package org.lps.homotopy.solve;

import java.util.List;
import org.lps.homotopy.param.ParameterHomotopy;
import org.lps.homotopy.track.Tracker;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Carries a solution along consecutive edges in parameter space (a monodromy loop, a trace-test pencil): each edge a
 * {@link ParameterHomotopy} between generic points, tracked from s = 1 to s = 0 and refined there by Newton; the
 * endpoint of one edge, dehomogenized, starts the next. No endgame: every vertex is a generic point, where all
 * solutions are finite and nonsingular, so an edge whose endpoint is not is a failed path. One per worker thread;
 * allocation-free per path apart from the returned point.
 */
final class LoopTracker {

    /** A vertex solution must be refined to this relative Newton correction... */
    static final double VERTEX_ACCURACY = 1e-10;
    /** ... and must not be this close to the hyperplane at infinity (|x_0| / |z|). */
    static final double MIN_HOMOGENIZING_RATIO = 1e-8;

    private final Tracker[] trackers;
    private final ParameterHomotopy[] edges;
    private final double[] z;
    private final int n;

    LoopTracker(List<ParameterHomotopy> edges) {
        this.edges = edges.toArray(new ParameterHomotopy[0]);
        this.trackers = new Tracker[this.edges.length];
        for (int k = 0; k < trackers.length; k++) {
            trackers[k] = new Tracker(this.edges[k]);
        }
        this.n = this.edges[0].variableCount();
        this.z = new double[2 * (n + 1)];
    }

    /** The affine solution at the last vertex reached from x (interleaved) at the first, or null if a path failed. */
    double[] track(double[] x, TrackerOptions options) {
        return track(x, options, VERTEX_ACCURACY);
    }

    /** As above, a vertex refined to {@code accuracy} (relative Newton correction) being good enough. */
    double[] track(double[] x, TrackerOptions options, double accuracy) {
        double[] y = x.clone();
        for (int k = 0; k < edges.length; k++) {
            Tracker t = trackers[k];
            t.reset(options);
            edges[k].toPatch(y, z);
            if (!t.begin(z, 1, 0)) {
                return null;
            }
            t.target(0, 0);
            if (t.trackToTarget() == Tracker.Step.FAILED) {
                return null;
            }
            double rel = t.refine(1e-14, 4);
            double[] e = t.z();
            if (!(rel <= accuracy) || PathRunner.homogenizingRatio(e) < MIN_HOMOGENIZING_RATIO) {
                return null;
            }
            ParameterHomotopy.dehomogenize(e, y);
        }
        return y;
    }
}
