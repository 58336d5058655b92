package org.lps.init.lps.block;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.lps.homotopy.solve.SolveOptions;

/**
 * Progress of one parameter homotopy of a monodromy block solve (a fixed subspace's solutions carried to the common
 * generic member, or the final homotopy to the block), from the path tracker's workers to the solve's
 * {@link BlockSolver.Listener} as {@link BlockSolver.Status} lines with a {@link BlockSolver.Tracking}: like the loops'
 * lines, at most one every {@link #REPORT_NANOS}, and the first only that long after the homotopy started, so the many
 * homotopies of a few paths that end in well under that say nothing. Every call is one path tracked
 * ({@code ParameterSolver.track} with progress): the calls beyond the start count are the retry ladder's.
 */
final class TrackingProgress implements SolveOptions.Progress {

    /** At most one line every 2 s, as the loops' (MonodromyBlockSolver). */
    static final long REPORT_NANOS = 2_000_000_000L;

    private final BlockSolver.Listener listener;
    private final int stage;
    private final int strata;
    private final int dimension;
    private final int round;
    private final long loopPaths;
    private final int attempt;
    private final long solveStart;
    private final LongSupplier clock;
    private final long start;
    private final AtomicLong calls = new AtomicLong();
    /** The clock reading before which nothing is reported. */
    private volatile long quietUntil;

    TrackingProgress(BlockSolver.Listener listener, int stage, int strata, int dimension, int round, long loopPaths,
                     int attempt, long solveStart, LongSupplier clock) {
        this.listener = listener == null ? BlockSolver.Listener.NONE : listener;
        this.stage = stage;
        this.strata = strata;
        this.dimension = dimension;
        this.round = round;
        this.loopPaths = loopPaths;
        this.attempt = attempt;
        this.solveStart = solveStart;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.quietUntil = start + REPORT_NANOS;
    }

    /** The final homotopy to the block: {@code attempt} 0, then the retries of its failed paths with other gammas. */
    static TrackingProgress toBlock(BlockSolver.Listener listener, int strata, long loopPaths, int attempt,
                                    long solveStart) {
        return new TrackingProgress(listener, strata, strata, 0, 0, loopPaths, attempt, solveStart, System::nanoTime);
    }

    @Override
    public void pathsDone(long done, long total) {
        long c = calls.incrementAndGet();
        long now = clock.getAsLong();
        if (now - quietUntil < 0) {
            return;
        }
        synchronized (this) {
            if (now - quietUntil < 0) {
                return;
            }
            quietUntil = now + REPORT_NANOS;
            // the workers' done counts arrive slightly out of order; the number of calls is exact
            long first = Math.min(c, total);
            BlockSolver.Tracking t = new BlockSolver.Tracking(total, first, c - first, attempt, (now - start) * 1e-9);
            listener.progress(new BlockSolver.Status(stage, strata, dimension, round, 0, loopPaths, 0, (int) total, 0,
                    0, stage >= strata ? (int) total : 0, (now - solveStart) * 1e-9, false, Double.NaN, t));
        }
    }
}
