package org.lps.homotopy.polyhedral.cells;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.WorkMeter;

/**
 * Mixed volumes of a square system's supports A_1..A_n, the BKK root counts:
 * <ul>
 * <li>{@link #mixedVolume()} MV(A_1, ..., A_n): the number of solutions with no zero coordinate of a system
 * with these supports and generic coefficients, and a bound for any coefficients (Bernstein);</li>
 * <li>{@link #stableMixedVolume()}: the Huber-Sturmfels bound for all isolated solutions in C^n, zero
 * coordinates included;</li>
 * <li>{@link #withOrigins()} MV(A_1 + 0, ..., A_n + 0), the supports with a constant term added where
 * missing: the number of paths of a polyhedral homotopy that also finds the solutions with zero coordinates
 * (Li and Wang), at least the stable mixed volume.</li>
 * </ul>
 *
 * <p><b>How.</b> When every equation has a constant term the three coincide and one enumeration of fine mixed
 * cells gives them. Otherwise, following Huber and Sturmfels (Bernstein's theorem in affine space, 1997), the
 * origin is added to each support lacking it and lifted to height 1, the original points to 0; refined by a
 * generic random lifting e (the added origins at M + e with M large), the fine mixed cells fall into cells of
 * that coarse subdivision, whose inner normal (alpha0, 1) each fine cell yields exactly. The cells with
 * alpha0 = 0 are exactly the fine mixed cells of the original supports (so their volumes sum to MV), those with
 * alpha0 &gt;= 0 are the stable ones (their volumes sum to the stable mixed volume), and all of them sum to the
 * mixed volume with origins. That M is large enough is checked exactly on every cell (each coarse normal must
 * make its cell's points the lowest); if not, M grows and the cells are recomputed.
 */
public final class MixedVolume {

    /** Linear programs allowed by default: about a few seconds of work on one core. */
    public static final long DEFAULT_WORK_LIMIT = 5_000_000L;
    /** The seed of the lifting when none is given: counts are reproducible. */
    public static final long DEFAULT_SEED = 42;

    private static final long INITIAL_RAISE = Lifting.RANGE << 12;

    private final BigInteger mixed;
    private final BigInteger stable;
    private final BigInteger withOrigins;
    private final MixedCells torusCells;
    private final long linearPrograms;
    private final double seconds;

    private MixedVolume(BigInteger mixed, BigInteger stable, BigInteger withOrigins, MixedCells torusCells,
                        long linearPrograms, double seconds) {
        this.mixed = mixed;
        this.stable = stable;
        this.withOrigins = withOrigins;
        this.torusCells = torusCells;
        this.linearPrograms = linearPrograms;
        this.seconds = seconds;
    }

    /** The mixed volumes of a square system, one thread, default seed and work limit. */
    public static MixedVolume of(PolynomialSystem system) {
        return of(Supports.of(system), DEFAULT_SEED, 1, DEFAULT_WORK_LIMIT);
    }

    /** The mixed volumes of a square system's supports. */
    public static MixedVolume of(PolynomialSystem system, long seed, int threads, long workLimit) {
        return of(Supports.of(system), seed, threads, workLimit);
    }

    /** As {@link #of(PolynomialSystem, long, int, long)}, reporting to (and stopped by) {@code meter}. */
    public static MixedVolume of(PolynomialSystem system, long seed, int threads, long workLimit, WorkMeter meter) {
        return of(Supports.of(system), seed, threads, workLimit, meter);
    }

    /**
     * The mixed volumes of {@code supports}, liftings drawn from {@code seed}, {@code threads} workers, at most
     * {@code workLimit} linear programs (else {@link WorkLimitExceededException}).
     */
    public static MixedVolume of(Supports supports, long seed, int threads, long workLimit) {
        return of(supports, seed, threads, workLimit, WorkMeter.NONE);
    }

    /**
     * As {@link #of(Supports, long, int, long)}, reporting the linear programs to {@code meter} and stopping with
     * {@link WorkMeter.Stopped} when it is stopped.
     */
    public static MixedVolume of(Supports supports, long seed, int threads, long workLimit, WorkMeter meter) {
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        if (supports.allContainOrigin()) {
            MixedCells cells = MixedCells.compute(supports, random, threads, workLimit, meter);
            BigInteger mv = cells.mixedVolume();
            return new MixedVolume(mv, mv, mv, cells, cells.linearPrograms(), (System.nanoTime() - t0) * 1e-9);
        }
        Supports all = supports.withOrigins();
        int n = supports.dimension();
        boolean[][] added = new boolean[n][];
        for (int i = 0; i < n; i++) {
            added[i] = new boolean[all.size(i)];
            if (supports.originIndex(i) < 0) {
                added[i][supports.size(i)] = true;
            }
        }
        long spent = 0;
        for (int attempt = 1; ; attempt++) {
            Lifting fine = Lifting.random(all, random);
            for (long raise = INITIAL_RAISE; ; raise <<= 10) {
                Lifting lifting = fine.raised(added, raise);
                MixedCellSearch search = new MixedCellSearch(all, lifting, workLimit - spent, meter);
                long before = spent;
                meter.start("linear programs", workLimit, () -> before + search.work());
                List<MixedCell> cells;
                try {
                    cells = search.run(threads);
                } catch (MixedCellSearch.NonGenericLiftingException e) {
                    spent += search.work();
                    if (attempt == MixedCells.MAX_LIFTINGS) {
                        throw new IllegalStateException("no generic lifting in " + MixedCells.MAX_LIFTINGS + " draws");
                    }
                    break;
                }
                spent += search.work();
                Classified c = classify(all, added, cells);
                if (c == null) {
                    if (raise > Long.MAX_VALUE >> 12) {
                        throw new IllegalStateException("no lifting height separates the added origins");
                    }
                    continue;   // some fine cell is not inside a coarse cell: raise the origins further
                }
                MixedCells torus = new MixedCells(supports, restrict(fine, supports), c.torus, spent);
                return new MixedVolume(c.mixed, c.stable, c.all, torus, spent, (System.nanoTime() - t0) * 1e-9);
            }
        }
    }

    private record Classified(BigInteger mixed, BigInteger stable, BigInteger all, List<MixedCell> torus) {
    }

    /**
     * Sorts the fine cells by their coarse normal alpha0 (the normal for heights 1 on added origins, 0
     * elsewhere); null if some alpha0 fails to make its cell's points the lowest (the raise was too small).
     */
    private static Classified classify(Supports all, boolean[][] added, List<MixedCell> cells) {
        int n = all.dimension();
        BigInteger mixed = BigInteger.ZERO, stable = BigInteger.ZERO, total = BigInteger.ZERO;
        List<MixedCell> torus = new ArrayList<>();
        BigInteger[] a = new BigInteger[n * n];
        BigInteger[] r = new BigInteger[n];
        BigInteger[] num0 = new BigInteger[n];
        for (MixedCell cell : cells) {
            for (int i = 0; i < n; i++) {
                int p = cell.first(i), q = cell.second(i);
                for (int j = 0; j < n; j++) {
                    a[i * n + j] = BigInteger.valueOf(all.coordinate(i, q, j) - all.coordinate(i, p, j));
                }
                r[i] = BigInteger.valueOf(height0(added, i, p) - height0(added, i, q));
            }
            BigInteger det = ExactLinearAlgebra.solve(a, r, n, num0);
            int sign = det.signum();
            for (int i = 0; i < n; i++) {
                int p = cell.first(i);
                for (int k = 0; k < all.size(i); k++) {
                    BigInteger v = det.multiply(BigInteger.valueOf(height0(added, i, k) - height0(added, i, p)));
                    for (int j = 0; j < n; j++) {
                        int diff = all.coordinate(i, k, j) - all.coordinate(i, p, j);
                        if (diff != 0) {
                            v = v.add(num0[j].multiply(BigInteger.valueOf(diff)));
                        }
                    }
                    if (v.signum() * sign < 0) {
                        return null;
                    }
                }
            }
            BigInteger vol = BigInteger.valueOf(cell.volume());
            total = total.add(vol);
            boolean zero = true, nonNegative = true;
            for (int j = 0; j < n; j++) {
                int s = num0[j].signum() * sign;
                zero &= s == 0;
                nonNegative &= s >= 0;
            }
            if (nonNegative) {
                stable = stable.add(vol);
            }
            if (zero) {
                mixed = mixed.add(vol);
                for (int i = 0; i < n; i++) {
                    if (added[i][cell.first(i)] || added[i][cell.second(i)]) {
                        throw new IllegalStateException("a cell with coarse normal 0 uses an added origin");
                    }
                }
                torus.add(cell);
            }
        }
        return new Classified(mixed, stable, total, torus);
    }

    private static long height0(boolean[][] added, int i, int k) {
        return added[i][k] ? 1 : 0;
    }

    /** The lifting of the original points only (added origins are last in each support). */
    private static Lifting restrict(Lifting w, Supports original) {
        long[][] h = new long[original.dimension()][];
        for (int i = 0; i < h.length; i++) {
            h[i] = new long[original.size(i)];
            for (int k = 0; k < h[i].length; k++) {
                h[i][k] = w.height(i, k);
            }
        }
        return Lifting.of(h);
    }

    /** MV of the supports: the BKK bound for solutions with no zero coordinate. */
    public BigInteger mixedVolume() {
        return mixed;
    }

    /** The Huber-Sturmfels stable mixed volume: a bound for all isolated solutions in C^n. */
    public BigInteger stableMixedVolume() {
        return stable;
    }

    /** MV of the supports with the origin added where missing (= {@link #mixedVolume()} if none is missing). */
    public BigInteger withOrigins() {
        return withOrigins;
    }

    /**
     * Whether a system with these supports can have isolated solutions with a zero coordinate: only if the
     * stable mixed volume exceeds the mixed volume. If not, a homotopy from a generic system on the same
     * supports reaches every isolated solution in C^n; if so, constant terms must be added to the start system.
     */
    public boolean zeroCoordinatesPossible() {
        return stable.compareTo(mixed) > 0;
    }

    /**
     * The number of paths of a polyhedral homotopy on these supports that finds every isolated solution in
     * C^n: the mixed volume, or the mixed volume with origins when zero coordinates are possible.
     */
    public BigInteger pathCount() {
        return zeroCoordinatesPossible() ? withOrigins : mixed;
    }

    /** The fine mixed cells of the original supports (under the fine part of the lifting). */
    public MixedCells torusCells() {
        return torusCells;
    }

    /** Linear programs solved in all, over every lifting tried. */
    public long linearPrograms() {
        return linearPrograms;
    }

    /** Wall time of the computation. */
    public double seconds() {
        return seconds;
    }
}
