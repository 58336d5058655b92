package org.lps.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * For work whose length cannot be known in advance (a root-count search, a mixed-cell search): which phase is
 * running, since when, and its stated limit, with an optional detail (work done of the limit, an estimate of the
 * time left), on one stderr line redrawn every second; silent for the first two seconds, so short runs print
 * nothing, and erased when closed.
 */
final class PhaseProgress implements AutoCloseable {
    private static final long DELAY_MILLIS = 2000;

    private final PrintWriter err;
    private final String prog;
    private final long t0 = System.nanoTime();
    private final Thread painter;
    private volatile String phase = "";
    private volatile Supplier<String> detail = () -> "";
    private volatile long phaseStart = System.nanoTime();
    private int shownWidth;

    PhaseProgress(PrintWriter err, String prog) {
        this.err = err;
        this.prog = prog;
        this.painter = new Thread(this::paintLoop, "lps-phase-progress");
        painter.setDaemon(true);
        painter.start();
    }

    /** The phase now running, e.g. "mixed volume (at most 5000000 linear programs)". */
    void phase(String name) {
        phase(name, () -> "");
    }

    /** As {@link #phase(String)}, with {@code detail} (read at each redraw, "" for none) after the name. */
    void phase(String name, Supplier<String> detail) {
        this.detail = detail;
        phase = name;
        phaseStart = System.nanoTime();
    }

    /** Seconds since the current phase started. */
    double phaseSeconds() {
        return (System.nanoTime() - phaseStart) * 1e-9;
    }

    private void paintLoop() {
        try {
            Thread.sleep(DELAY_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                paint();
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private synchronized void paint() {
        long now = System.nanoTime();
        String d = detail.get();
        String line = String.format(Locale.ROOT, "%s: %s%s, %.0f s (%.0f s in all)", prog, phase,
                d.isEmpty() ? "" : ": " + d, (now - phaseStart) * 1e-9, (now - t0) * 1e-9);
        err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
        err.flush();
        shownWidth = line.length();
    }

    @Override
    public synchronized void close() {
        painter.interrupt();
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
        }
    }
}
