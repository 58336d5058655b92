package org.lps.homotopy.track;

import java.util.Locale;

/**
 * Step-size control and corrector settings of the {@link Tracker}, with four named presets.
 *
 * <p>What keeps a path from jumping onto another one is the Newton contraction test: after the prediction,
 * two Newton iterations are taken and the step is rejected when the second correction is not at most
 * {@code contraction} times the first. Newton contracts like that only well inside the basin of the solution
 * it converges to, whose radius is of the order of the distance to the nearest other path; so a small
 * contraction means the predicted point was much closer to this path than to any other. A smaller value (and
 * a smaller maximal step) is safer and slower.
 *
 * @param name                 preset name for reports
 * @param initialStepSize      first step, as a distance in the s-plane (s runs from 1 to 0)
 * @param maxStepSize          largest step
 * @param minStepSize          a path whose step falls below this fails ("step size too small")
 * @param maxSteps             a path with more steps (accepted + rejected, endgame included) fails
 * @param contraction          largest accepted Newton contraction ||dx_2|| / ||dx_1|| (raised to the
 *                             k-th power for the k-th ratio of a longer corrector)
 * @param maxGrowth            largest factor by which a step may grow after a success
 * @param maxNewtonIterations  corrector iterations per step
 * @param trackTolerance       relative size of the last Newton correction that ends a corrector
 */
public record TrackerOptions(String name, double initialStepSize, double maxStepSize, double minStepSize,
                             int maxSteps, double contraction, double maxGrowth, int maxNewtonIterations,
                             double trackTolerance) {

    /** Balanced speed and safety; what {@code lps solve} uses unless told otherwise. */
    public static final TrackerOptions DEFAULT =
            new TrackerOptions("default", 0.05, 0.1, 1e-14, 10_000, 0.125, 4.0, 3, 1e-6);

    /** Longer steps and a looser contraction bound: for well-separated paths. */
    public static final TrackerOptions FAST =
            new TrackerOptions("fast", 0.1, 0.2, 1e-14, 10_000, 0.25, 5.0, 3, 1e-5);

    /**
     * Short steps, strict contraction, tight corrector: what failed paths and paths suspected of jumping are
     * re-tracked with.
     */
    public static final TrackerOptions CONSERVATIVE =
            new TrackerOptions("conservative", 0.01, 0.02, 1e-15, 50_000, 0.05, 2.0, 4, 1e-8);

    /**
     * A fifth of the conservative steps, a stricter contraction and corrector: the last retry of paths that the
     * conservative preset could not save.
     */
    public static final TrackerOptions STRICT =
            new TrackerOptions("strict", 0.002, 0.004, 1e-15, 200_000, 0.02, 1.5, 4, 1e-10);

    public TrackerOptions {
        if (!(initialStepSize > 0 && maxStepSize >= initialStepSize && minStepSize > 0 && minStepSize < initialStepSize)) {
            throw new IllegalArgumentException("need 0 < minStepSize < initialStepSize <= maxStepSize");
        }
        if (maxSteps < 1 || maxNewtonIterations < 2) {
            throw new IllegalArgumentException("need maxSteps >= 1 and maxNewtonIterations >= 2");
        }
        if (!(contraction > 0 && contraction < 1) || !(maxGrowth > 1) || !(trackTolerance > 0)) {
            throw new IllegalArgumentException("need 0 < contraction < 1, maxGrowth > 1, trackTolerance > 0");
        }
    }

    /** A preset by name: default, fast or conservative (case-insensitive). */
    public static TrackerOptions preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> DEFAULT;
            case "fast" -> FAST;
            case "conservative" -> CONSERVATIVE;
            default -> throw new IllegalArgumentException("unknown preset '" + name
                    + "': expected default, fast or conservative");
        };
    }
}
