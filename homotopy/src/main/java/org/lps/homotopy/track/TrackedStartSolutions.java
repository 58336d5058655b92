package org.lps.homotopy.track;

/**
 * A source of start solutions that tracks paths of its own, as the polyhedral start system does (its toric
 * phase). The solver tells it the preset of the path it is computing a start point for, so that a path re-tracked
 * with the conservative preset (after a failure, or because two paths met) is conservative from its very first
 * step: a jump in the toric phase would otherwise be repeated exactly by every retry.
 */
public interface TrackedStartSolutions {

    /** The preset of the paths whose start solutions come next. */
    void use(TrackerOptions preset);
}
