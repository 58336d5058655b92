package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.lps.homotopy.track.TrackerOptions;

/**
 * What a solve does with the paths its first pass did not settle: failed paths are re-tracked with each preset of
 * {@code failed} in turn (a path already tracked with that preset is not tried with it again), then, for up to
 * {@code jumpRounds} rounds, paths that reached the same nonsingular solution as another path (one of them jumped:
 * a nonsingular solution is the end of exactly one path) are re-tracked with {@code jumped}.
 *
 * @param failed     the presets failed paths are re-tracked with, in order
 * @param jumped     the preset paths suspected of jumping are re-tracked with
 * @param jumpRounds rounds of the jump check (each round re-tracks, so a retrack that jumped again is caught)
 */
public record RetryLadder(List<TrackerOptions> failed, TrackerOptions jumped, int jumpRounds) {

    /** What {@link Solver} does: conservative, then strict for what is still failed; two rounds against jumps. */
    public static final RetryLadder DEFAULT =
            new RetryLadder(List.of(TrackerOptions.CONSERVATIVE, TrackerOptions.STRICT), TrackerOptions.CONSERVATIVE, 2);

    /**
     * What {@link ParameterSolver} does: its paths run between generic points of one family, so one conservative
     * retry and one round against jumps.
     */
    public static final RetryLadder PARAMETER =
            new RetryLadder(List.of(TrackerOptions.CONSERVATIVE), TrackerOptions.CONSERVATIVE, 1);

    public RetryLadder {
        failed = List.copyOf(failed);
        Objects.requireNonNull(jumped);
        if (jumpRounds < 0) {
            throw new IllegalArgumentException("need jumpRounds >= 0, got " + jumpRounds);
        }
    }

    /**
     * Climbs the ladder on {@code ends} (replaced in place by the re-tracked endpoints); returns how many paths were
     * re-tracked. {@code classification} says which nonsingular endpoints are one; {@code progress} (or null) hears
     * of the re-tracked paths.
     */
    int climb(PathPool pool, Supplier<PathRunner> runners, Endpoint[] ends, ClassificationOptions classification,
              SolveOptions.Progress progress) {
        int retracked = 0;
        for (TrackerOptions preset : failed) {
            // what an earlier rung could not save gets one more try with tighter steps still (endpoints that are no
            // solution or a false "at infinity" come back here: a path that jumped or was lost)
            int[] which = select(ends, e -> e.failed() && !preset.name().equals(e.preset()));
            retracked += which.length;
            pool.track(runners, ends, which, preset, progress);
        }
        for (int round = 0; round < jumpRounds; round++) {
            int[] which = Classification.duplicatedNonsingular(ends, classification).stream()
                    .mapToInt(Integer::intValue).filter(i -> !jumped.name().equals(ends[i].preset())).toArray();
            if (which.length == 0) {
                break;
            }
            retracked += which.length;
            pool.track(runners, ends, which, jumped, progress);
        }
        return retracked;
    }

    private static int[] select(Endpoint[] ends, java.util.function.Predicate<Endpoint> p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ends.length; i++) {
            if (p.test(ends[i])) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
