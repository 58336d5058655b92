package org.lps.homotopy.polyhedral.cells;

import java.util.SplittableRandom;

/**
 * Integer heights for the points of each support. A generic lifting induces a fine mixed subdivision of the
 * Minkowski sum, whose mixed cells (one edge per support) have volumes summing to the mixed volume; it is
 * also the exponent of t in the toric homotopy of the polyhedral start system.
 *
 * <p>Random heights are drawn from [0, 2^30): a tie (a lifted point exactly on a cell's lower face) needs an
 * integer relation between heights, which for one relation has probability about 2^-30. The search checks
 * every cell exactly and asks for a new lifting when one happens. Immutable.
 */
public final class Lifting {

    /** Random heights are below this. */
    public static final long RANGE = 1L << 30;

    private final long[][] heights;

    private Lifting(long[][] heights) {
        this.heights = heights;
    }

    /** Independent uniform heights in [0, {@link #RANGE}) for every point. */
    public static Lifting random(Supports s, SplittableRandom random) {
        long[][] w = new long[s.dimension()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = new long[s.size(i)];
            for (int k = 0; k < w[i].length; k++) {
                w[i][k] = random.nextLong(RANGE);
            }
        }
        return new Lifting(w);
    }

    /** Given heights (copied): heights[i][k] for point k of support i. */
    public static Lifting of(long[][] heights) {
        long[][] w = new long[heights.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = heights[i].clone();
        }
        return new Lifting(w);
    }

    /**
     * This lifting with {@code offset} added to the points flagged in {@code raise} (raise[i][k]): the
     * Huber-Sturmfels lifting that puts added origins high above the original points.
     */
    Lifting raised(boolean[][] raise, long offset) {
        long[][] w = new long[heights.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = heights[i].clone();
            for (int k = 0; k < w[i].length; k++) {
                if (raise[i][k]) {
                    w[i][k] = Math.addExact(w[i][k], offset);
                }
            }
        }
        return new Lifting(w);
    }

    public long height(int i, int k) {
        return heights[i][k];
    }

    public int supportCount() {
        return heights.length;
    }

    /** The largest absolute height: the scale of the search's tolerances. */
    long maxAbs() {
        long m = 1;
        for (long[] row : heights) {
            for (long v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
