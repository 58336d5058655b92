package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parameter homotopies' progress lines, on a clock the test moves: silent for the first 2 s, then at most one line
 * every 2 s, with the paths done, the time left at the rate so far, and the retry ladder's paths counted apart.
 */
class TrackingProgressTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock in nanoseconds that the test sets. */
    private static final class Clock {
        long now;
    }

    @Test
    void silentAtFirstThenAtMostOneLineEveryTwoSecondsWithAnEstimate() {
        Clock clock = new Clock();
        List<BlockSolver.Status> seen = new ArrayList<>();
        // subspace 3 of 7, dimension 4, round 1; the solve started 100 s before this homotopy
        TrackingProgress p = new TrackingProgress(seen::add, 2, 7, 4, 0, 5516, 0, -100 * SECOND, () -> clock.now);
        long[] at = {300, 900, 1500, 2100, 2500, 3900, 4300, 5000, 6100, 6200};   // milliseconds, 10 paths
        for (int i = 0; i < at.length; i++) {
            clock.now = at[i] * 1_000_000L;
            p.pathsDone(i + 1, 10);
        }
        // reports at 2.1 s (4 done) and 4.3 s (7 done); the others are within 2 s of the start or of a report
        assertEquals(2, seen.size(), seen.toString());
        BlockSolver.Status first = seen.get(0);
        assertEquals(4, first.homotopy().done());
        assertEquals(10, first.homotopy().paths());
        assertEquals(2.1 * 6 / 4, first.homotopy().secondsLeft(), 1e-9);
        assertEquals(102.1, first.seconds(), 1e-9);
        assertEquals(5516, first.paths());
        assertEquals("fixed subspace 3 of 7 (dimension 4), homotopy to the common generic member: 4 of 10 paths,"
                + " about 3 s more, 102 s", first.line());
        assertEquals(7, seen.get(1).homotopy().done());
        assertEquals(4.3 * 3 / 7, seen.get(1).homotopy().secondsLeft(), 1e-9);

        // the retry ladder: calls beyond the 10 starts are paths tracked again, each reported out of the same 10
        clock.now = 9_400_000_000L;
        p.pathsDone(1, 10);
        BlockSolver.Status retry = seen.get(2);
        assertEquals(10, retry.homotopy().done());
        assertEquals(1, retry.homotopy().retracked());
        assertTrue(Double.isNaN(retry.homotopy().secondsLeft()));
        assertEquals("fixed subspace 3 of 7 (dimension 4), homotopy to the common generic member: 10 of 10 paths,"
                + " 1 tracked again with smaller steps, 109 s", retry.line());
    }

    @Test
    void theFinalHomotopysLinesSayWhichAttempt() {
        Clock clock = new Clock();
        List<BlockSolver.Status> seen = new ArrayList<>();
        TrackingProgress first = new TrackingProgress(seen::add, 7, 7, 0, 0, 9000, 0, 0, () -> clock.now);
        for (int i = 1; i <= 50; i++) {
            clock.now = i * 50_000_000L;           // a path every 50 ms: the 40th at 2 s is the first reported
            first.pathsDone(i, 109);
        }
        assertEquals(1, seen.size());
        assertEquals("homotopy to the block: 40 of 109 paths, about 3 s more, 2 s", seen.get(0).line());
        assertEquals(109, seen.get(0).finalPaths());
        TrackingProgress again = new TrackingProgress(seen::add, 7, 7, 0, 0, 9000, 1, 0, () -> clock.now);
        clock.now = 4 * SECOND;
        again.pathsDone(1, 3);                  // 1 s after this attempt started: silent
        assertEquals(1, seen.size());
        clock.now = 7 * SECOND;
        again.pathsDone(2, 3);                  // 2 of 3 in 4.5 s
        assertEquals("homotopy to the block, failed paths again with another gamma (2 of 3): 2 of 3 paths, about 2 s"
                + " more, 7 s", seen.get(1).line());
    }

    /** Many workers at once: every call counted once, the lines never more than one per 2 s of the clock. */
    @Test
    void concurrentWorkersAreCountedExactly() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        List<BlockSolver.Status> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        TrackingProgress p = new TrackingProgress(seen::add, 7, 7, 0, 0, 0, 0, 0, now::get);
        int threads = 4;
        int perThread = 5000;
        Thread[] workers = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    p.pathsDone(1, (long) threads * perThread);
                    now.addAndGet(1_000_000L);                 // 1 ms of clock per path: 20 s in all
                }
            });
            workers[w].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        now.set(100 * SECOND);
        p.pathsDone(1, (long) threads * perThread);        // one path more than the starts: a re-track
        BlockSolver.Status last = seen.get(seen.size() - 1);
        assertEquals(threads * perThread, last.homotopy().done());
        assertEquals(1, last.homotopy().retracked());
        // 20 s of clock: at most one line per 2 s, and some
        assertTrue(seen.size() >= 5 && seen.size() <= 11, seen.size() + " lines");
    }
}
