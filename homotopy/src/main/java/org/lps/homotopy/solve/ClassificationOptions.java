package org.lps.homotopy.solve;

/**
 * The tolerances of {@link Classification}: when two endpoints are one solution, and when a solution is real.
 * Tolerances are relative to max(1, |x|) and, where an endpoint's own accuracy or condition number is known, scale
 * with it within bounds. {@link #DEFAULT} is what every solve uses.
 *
 * @param samePerCondition       two nonsingular endpoints are one solution within clamp(this x condition,
 *                               {@code sameMin}, {@code sameMax}): a well-conditioned solution is known to about
 *                               rounding x condition
 * @param sameMin                see {@code samePerCondition}
 * @param sameMax                see {@code samePerCondition}
 * @param singularSamePerAccuracy two singular endpoints are one solution within clamp(this x the endgame's accuracy
 *                               estimate, {@code singularSameMin}, {@code singularSameMax})
 * @param singularSameMin        see {@code singularSamePerAccuracy}
 * @param singularSameMax        see {@code singularSamePerAccuracy}
 * @param unknownAccuracy        the accuracy assumed for a singular endpoint whose estimate is not finite
 * @param realTolerance          a nonsingular solution is real when every imaginary part is below this
 * @param singularRealPerAccuracy a singular solution is real when every imaginary part is below clamp(this x its
 *                               accuracy, {@code singularRealMin}, {@code singularRealMax})
 * @param singularRealMin        see {@code singularRealPerAccuracy}
 * @param singularRealMax        see {@code singularRealPerAccuracy}
 */
public record ClassificationOptions(double samePerCondition, double sameMin, double sameMax,
                                    double singularSamePerAccuracy, double singularSameMin, double singularSameMax,
                                    double unknownAccuracy, double realTolerance, double singularRealPerAccuracy,
                                    double singularRealMin, double singularRealMax) {

    /** The settings of every solve. */
    public static final ClassificationOptions DEFAULT =
            new ClassificationOptions(1e-14, 1e-12, 1e-8, 100, 1e-8, 1e-5, 1e-6, 1e-8, 100, 1e-8, 1e-4);

    public ClassificationOptions {
        if (!(sameMin > 0 && sameMax >= sameMin && singularSameMin > 0 && singularSameMax >= singularSameMin
                && singularRealMin > 0 && singularRealMax >= singularRealMin)) {
            throw new IllegalArgumentException("need 0 < min <= max for every clamped tolerance");
        }
        if (!(samePerCondition > 0 && singularSamePerAccuracy > 0 && unknownAccuracy > 0 && realTolerance > 0
                && singularRealPerAccuracy > 0)) {
            throw new IllegalArgumentException("every classification tolerance must be positive");
        }
    }
}
