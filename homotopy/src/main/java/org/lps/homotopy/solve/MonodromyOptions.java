package org.lps.homotopy.solve;

import java.util.List;
import java.util.function.Consumer;
import org.lps.homotopy.param.SignedPermutationGroup;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Settings of {@link Monodromy}.
 *
 * @param seed                 seed of every random choice (start pair, loop vertices, gamma, patches)
 * @param threads              worker threads; the result does not depend on it
 * @param targetCount          stop as soon as this many solutions are known (0: no target)
 * @param loopsWithoutProgress stop after this many consecutive loops that found nothing new (a heuristic stop)
 * @param groupAction          a symmetry group of every member of the family (every image of a solution is added
 *                             with it, one point per orbit goes around the loops, and the trace test slices by an
 *                             invariant), or null
 * @param verify               run the trace test on the solutions found (and stop early when it passes)
 * @param preset               tracker settings of the loop paths (the trace test's pencil and the final
 *                             parameter homotopy use the default preset)
 * @param identicalTolerance   relative distance below which two solutions are one
 * @param pathBudget           stop ({@link Monodromy.Stop#BUDGET}) once this many loop paths have been tracked (0: no
 *                             budget); checked between batches, so a batch in flight is finished first
 * @param progress             receives {@link Progress} after every batch of loop paths, or null
 */
public record MonodromyOptions(long seed, int threads, long targetCount, int loopsWithoutProgress,
                               SignedPermutationGroup groupAction, boolean verify, TrackerOptions preset,
                               double identicalTolerance, long pathBudget, Consumer<Progress> progress) {

    /**
     * Where a monodromy run is: loops started, loop paths tracked, solutions known (every image), orbits known (the
     * points tracked around each loop; equal to solutions without a group action), consecutive loops that found
     * nothing new so far, whether these are the trace test's extra witnesses (its own monodromy, on a curve
     * slice; {@link TraceTest}) rather than the solutions, and the residual of the last trace test that failed (NaN if
     * none has run or it passed, infinite if one of its paths failed).
     */
    public record Progress(int loops, long paths, int solutions, int orbits, int idleLoops, boolean witnesses,
                           double traceResidual) {
    }

    /**
     * The settings of an auxiliary run (the trace test's witnesses): no group action, target or trace test; the same
     * budget (spent separately) and progress.
     */
    MonodromyOptions plain(long s) {
        return new MonodromyOptions(s, threads, 0, loopsWithoutProgress, null, false, preset, identicalTolerance,
                pathBudget, progress);
    }

    /**
     * The loops' tracker settings: the fast preset with steps up to 0.5 (instead of 0.2) of an edge. Measured on
     * cyclic-7's 924 solutions along one random edge: 33 accepted steps per path instead of 43 (fast) and 48
     * (default), none failed. A jump is harmless in a loop (it lands on another solution at the base).
     */
    public static final TrackerOptions LOOPS =
            new TrackerOptions("loops", 0.2, 0.5, 1e-14, 10_000, 0.25, 5.0, 3, 1e-5);

    public MonodromyOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread");
        }
        if (targetCount < 0 || loopsWithoutProgress < 1 || pathBudget < 0) {
            throw new IllegalArgumentException("need targetCount >= 0, loopsWithoutProgress >= 1 and pathBudget >= 0");
        }
    }

    /**
     * Seed 42, all cores, no target count, 5 loops without progress (HomotopyContinuation.jl's default), the
     * {@link #LOOPS} tracker preset: a path that jumps in a loop between generic points only lands on another
     * solution, which is found again or new, never wrong (every endpoint is refined by Newton at the base point).
     */
    public static MonodromyOptions defaults() {
        return new MonodromyOptions(SolveOptions.DEFAULT_SEED, Runtime.getRuntime().availableProcessors(), 0, 5, null,
                false, LOOPS, 1e-6, 0, null);
    }

    public MonodromyOptions seed(long s) {
        return new MonodromyOptions(s, threads, targetCount, loopsWithoutProgress, groupAction, verify, preset,
                identicalTolerance, pathBudget, progress);
    }

    public MonodromyOptions threads(int t) {
        return new MonodromyOptions(seed, t, targetCount, loopsWithoutProgress, groupAction, verify, preset,
                identicalTolerance, pathBudget, progress);
    }

    public MonodromyOptions targetCount(long n) {
        return new MonodromyOptions(seed, threads, n, loopsWithoutProgress, groupAction, verify, preset,
                identicalTolerance, pathBudget, progress);
    }

    public MonodromyOptions loopsWithoutProgress(int l) {
        return new MonodromyOptions(seed, threads, targetCount, l, groupAction, verify, preset, identicalTolerance,
                pathBudget, progress);
    }

    public MonodromyOptions groupAction(SignedPermutationGroup g) {
        return new MonodromyOptions(seed, threads, targetCount, loopsWithoutProgress, g, verify, preset,
                identicalTolerance, pathBudget, progress);
    }

    public MonodromyOptions verify(boolean v) {
        return new MonodromyOptions(seed, threads, targetCount, loopsWithoutProgress, groupAction, v, preset,
                identicalTolerance, pathBudget, progress);
    }

    public MonodromyOptions preset(TrackerOptions p) {
        return new MonodromyOptions(seed, threads, targetCount, loopsWithoutProgress, groupAction, verify, p,
                identicalTolerance, pathBudget, progress);
    }

    public MonodromyOptions pathBudget(long b) {
        return new MonodromyOptions(seed, threads, targetCount, loopsWithoutProgress, groupAction, verify, preset,
                identicalTolerance, b, progress);
    }

    public MonodromyOptions progress(Consumer<Progress> p) {
        return new MonodromyOptions(seed, threads, targetCount, loopsWithoutProgress, groupAction, verify, preset,
                identicalTolerance, pathBudget, p);
    }
}
