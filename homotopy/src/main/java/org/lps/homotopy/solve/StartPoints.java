package org.lps.homotopy.solve;

import org.lps.homotopy.start.StartSystem;
import org.lps.homotopy.track.Homotopy;
import org.lps.homotopy.track.TrackedStartSolutions;
import org.lps.homotopy.track.TrackerOptions;

/**
 * The first stage of a solve: the start point of each path, by index, in the projective coordinates (x_0 last, on
 * the homotopy's patch) of the homotopy that tracks it. A start system's solutions are one source
 * ({@link #of(Homotopy)}); known solutions of a parameterized system at a start parameter point are another
 * (parameter homotopy, monodromy). Not thread-safe: one per worker thread.
 */
public interface StartPoints {

    /**
     * Writes the start point of path {@code index} into z; false (z undefined, {@link #failure()} says why) if it
     * could not be computed. {@code options} is the preset the path is tracked with (a source that tracks paths of
     * its own, as the polyhedral start system does, uses it too).
     */
    boolean point(long index, TrackerOptions options, double[] z);

    /** Why the last {@link #point} returned false. */
    String failure();

    /** The start system's solutions of a start-to-target homotopy, on its patch. */
    static StartPoints of(Homotopy homotopy) {
        StartSystem.Solutions starts = homotopy.startSystem().solutions();
        return new StartPoints() {
            @Override
            public boolean point(long index, TrackerOptions options, double[] z) {
                if (starts instanceof TrackedStartSolutions tracked) {
                    tracked.use(options);
                }
                return homotopy.startPoint(starts, index, z);
            }

            @Override
            public String failure() {
                return "start solution: " + starts.failure();
            }
        };
    }
}
