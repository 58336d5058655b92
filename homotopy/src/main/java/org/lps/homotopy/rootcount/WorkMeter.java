package org.lps.homotopy.rootcount;

import java.util.function.LongSupplier;

/**
 * How far a bounded search has got, for a progress display, and a way to stop it: the root-count searches (the
 * set-structure search in search nodes, the mixed cells in linear programs) say here what they count, their limit
 * and a live reading of the work done, and poll {@link #checkStop()} every few thousand units of work. Reading is
 * thread safe; the readings are approximate while the search runs.
 */
public final class WorkMeter {

    /** Thrown from {@link #checkStop()} inside the search once {@link #stop()} was called. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("root-count search stopped", null, false, false);
        }
    }

    /** A meter nobody reads and nobody stops. */
    public static final WorkMeter NONE = new WorkMeter();

    /** Work units between two {@link #checkStop()} polls in the hot loops (a power of two, for a mask). */
    public static final long POLL_MASK = 4095;

    private volatile String unit = "";
    private volatile long limit;
    private volatile LongSupplier done = () -> 0;
    private volatile boolean stopped;

    /** A new search starts: it counts {@code unit}, at most {@code limit} of them; {@code done} reads its work. */
    public void start(String unit, long limit, LongSupplier done) {
        if (this == NONE) {
            return;
        }
        this.done = done;
        this.limit = limit;
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    public long limit() {
        return limit;
    }

    public long done() {
        return done.getAsLong();
    }

    /** Asks the search to stop: its next {@link #checkStop()} throws {@link Stopped}. */
    public void stop() {
        if (this != NONE) {
            stopped = true;
        }
    }

    /** Throws {@link Stopped} if {@link #stop()} was called. */
    public void checkStop() {
        if (stopped) {
            throw new Stopped();
        }
    }
}
