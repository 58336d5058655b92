package org.lps.homotopy.polyhedral.cells;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.rootcount.WorkMeter;

/**
 * The fine mixed cells of supports under a generic lifting: the combinatorial core of the polyhedral
 * homotopy. Their volumes sum to the mixed volume of the supports, whatever the lifting; the lifting and the
 * cells together define the toric homotopies of the polyhedral start system. Immutable.
 */
public final class MixedCells {

    /** Liftings drawn before giving up when each one turns out not to be generic (each has odds ~1e-5). */
    static final int MAX_LIFTINGS = 8;

    private final Supports supports;
    private final Lifting lifting;
    private final List<MixedCell> cells;
    private final long linearPrograms;
    private final BigInteger volume;

    MixedCells(Supports supports, Lifting lifting, List<MixedCell> cells, long linearPrograms) {
        this.supports = supports;
        this.lifting = lifting;
        this.cells = List.copyOf(cells);
        this.linearPrograms = linearPrograms;
        BigInteger v = BigInteger.ZERO;
        for (MixedCell c : cells) {
            v = v.add(BigInteger.valueOf(c.volume()));
        }
        this.volume = v;
    }

    /**
     * The fine mixed cells of {@code supports} under a random lifting from {@code random} (another one is drawn
     * if it is not generic); {@code threads} workers; at most {@code workLimit} linear programs, else
     * {@link WorkLimitExceededException}.
     */
    public static MixedCells compute(Supports supports, SplittableRandom random, int threads, long workLimit) {
        return compute(supports, random, threads, workLimit, WorkMeter.NONE);
    }

    /** As {@link #compute(Supports, SplittableRandom, int, long)}, reporting to {@code meter}. */
    static MixedCells compute(Supports supports, SplittableRandom random, int threads, long workLimit, WorkMeter meter) {
        long spent = 0;
        for (int attempt = 1; ; attempt++) {
            Lifting w = Lifting.random(supports, random);
            MixedCellSearch search = new MixedCellSearch(supports, w, workLimit - spent, meter);
            long before = spent;
            meter.start("linear programs", workLimit, () -> before + search.work());
            try {
                List<MixedCell> cells = search.run(threads);
                return new MixedCells(supports, w, cells, spent + search.work());
            } catch (MixedCellSearch.NonGenericLiftingException e) {
                spent += search.work();
                if (attempt == MAX_LIFTINGS) {
                    throw new IllegalStateException("no generic lifting in " + MAX_LIFTINGS + " random draws");
                }
            }
        }
    }

    /**
     * The fine mixed cells under the given lifting; throws IllegalArgumentException if it is not generic
     * (a lifted point on a cell's face).
     */
    public static MixedCells compute(Supports supports, Lifting lifting, int threads, long workLimit) {
        MixedCellSearch search = new MixedCellSearch(supports, lifting, workLimit);
        try {
            return new MixedCells(supports, lifting, search.run(threads), search.work());
        } catch (MixedCellSearch.NonGenericLiftingException e) {
            throw new IllegalArgumentException("the lifting is not generic: a lifted point lies on a mixed cell's face");
        }
    }

    public Supports supports() {
        return supports;
    }

    public Lifting lifting() {
        return lifting;
    }

    /** The cells in canonical order (edges compared support by support). */
    public List<MixedCell> cells() {
        return cells;
    }

    /** The sum of the cell volumes: the mixed volume of the supports. */
    public BigInteger mixedVolume() {
        return volume;
    }

    /** Linear programs (and exact leaf tests) the search took: its work, independent of the machine. */
    public long linearPrograms() {
        return linearPrograms;
    }
}
