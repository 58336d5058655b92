package org.lps.homotopy.solve;

/**
 * The thresholds of the checks a {@link PathRunner} applies to an endpoint after the endgame: is it at infinity,
 * does its affine image solve the target system, how the refiner measures that. {@link #DEFAULT} is what every solve
 * uses. Whether a finite endpoint is singular is {@link org.lps.homotopy.endgame.Singularity}'s to say, not these.
 *
 * @param infinityRatio       |x_0| / |z| below this (or below {@code unresolvedFactor} times the endpoint's accuracy)
 *                            means the endpoint is at infinity ...
 * @param finiteRatio         ... but an endpoint with |x| below 1 / this is always finite (large nonsingular solutions
 *                            have a badly scaled projective Jacobian that inflates their accuracy bound; Newton then
 *                            refines them on the original system)
 * @param unresolvedFactor    an endpoint that Newton did not refine, whose |x_0| / |z| is below this times its
 *                            accuracy, is not known at all (relative accuracy of x worse than 1 / this): at infinity
 *                            if the leading forms agree, failed otherwise
 * @param maxPowerDrift       a path's point is moved to a unit patch when its length has drifted so far from 1 that
 *                            its highest powers span more than this (high degrees: |z| = 2 is 2^1000 at d = 1000)
 * @param maxBackwardError    a finite endpoint must solve the original equations with at most this backward error
 *                            (else it is a zero of the homogenized system only because x_0 is tiny: at infinity)
 * @param maxRelativeResidual ... and with at most this residual relative to the size of their terms
 * @param zeroCoordinate      a coordinate below this (relative to max(1, |x|)) counts as this large in the
 *                            scale-invariant condition number
 * @param minUncertainty      the least uncertainty the relative residual grants a coordinate, relative to max(1, |x|)
 * @param leadingFormsSlack   an endpoint at infinity must satisfy the leading forms within this times
 *                            |x_0| / |x| + s (a first-order estimate) ...
 * @param leadingFormsFloor   ... and is never asked for better than this (what a point at infinity computed in double
 *                            precision can always claim)
 * @param largeMove           an endpoint that looks at infinity is a large finite solution when Newton converges from
 *                            it, moving it by at most this times |x|, to a regular zero ({@link LargeSolutions})
 */
public record EndpointOptions(double infinityRatio, double finiteRatio, double unresolvedFactor, double maxPowerDrift,
                              double maxBackwardError, double maxRelativeResidual, double zeroCoordinate,
                              double minUncertainty, double leadingFormsSlack, double leadingFormsFloor,
                              double largeMove) {

    /** The settings of every solve. */
    public static final EndpointOptions DEFAULT =
            new EndpointOptions(1e-10, 1e-5, 1e3, 1e8, 1e-6, 1e-6, 1e-8, 1e-10, 100, 1e-4, 1e-3);

    public EndpointOptions {
        if (!(infinityRatio > 0 && finiteRatio > infinityRatio && unresolvedFactor > 0 && maxPowerDrift > 1)) {
            throw new IllegalArgumentException("need 0 < infinityRatio < finiteRatio, unresolvedFactor > 0,"
                    + " maxPowerDrift > 1");
        }
        if (!(maxBackwardError > 0 && maxRelativeResidual > 0 && zeroCoordinate > 0 && minUncertainty > 0
                && leadingFormsSlack > 0 && leadingFormsFloor > 0 && largeMove > 0)) {
            throw new IllegalArgumentException("every endpoint tolerance must be positive");
        }
    }
}
