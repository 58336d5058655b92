package org.lps.homotopy.solve;

import java.io.Serializable;
import org.lps.homotopy.endgame.Endgame;

/**
 * What a {@link PathRunner} knows about a path when it is done with it: the endgame's verdict and, for a finite
 * endpoint, the affine point after Newton refinement on the target system, with its residual and condition number.
 * Clustering, multiplicities and the local dimension test come after, in {@link Classification}. Serializable, so
 * that paths tracked in another process can be classified here.
 *
 * @param index      the path (start point) index
 * @param outcome    how the endgame ended
 * @param atInfinity whether the endpoint is at infinity (then {@code x} is null)
 * @param x          the affine endpoint, interleaved (re, im, ...), for a finite one; null otherwise
 * @param residual   max_i |f_i(x)| on the target system (NaN unless finite)
 * @param condition  condition number of the target system's Jacobian at x (NaN unless finite)
 * @param accuracy   relative accuracy estimate of the endpoint
 * @param winding    winding (cycle) number found by the endgame
 * @param accepted   steps accepted on the path, endgame included
 * @param rejected   steps rejected
 * @param preset     name of the tracker preset of this attempt
 * @param failure    why the path failed (null unless {@link #failed()})
 */
public record Endpoint(long index, Endgame.Outcome outcome, boolean atInfinity, double[] x, double residual,
                       double condition, double accuracy, int winding, int accepted, int rejected, String preset,
                       String failure) implements Serializable {

    private static final long serialVersionUID = 1L;

    public boolean failed() {
        return outcome == Endgame.Outcome.FAILED;
    }

    public boolean finite() {
        return !failed() && !atInfinity;
    }
}
