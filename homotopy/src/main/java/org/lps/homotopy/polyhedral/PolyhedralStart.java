package org.lps.homotopy.polyhedral;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.polyhedral.cells.Lifting;
import org.lps.homotopy.polyhedral.cells.MixedCell;
import org.lps.homotopy.polyhedral.cells.MixedCells;
import org.lps.homotopy.polyhedral.cells.MixedVolume;
import org.lps.homotopy.polyhedral.cells.Supports;
import org.lps.homotopy.start.StartSystem;
import org.lps.homotopy.track.TrackedStartSolutions;
import org.lps.homotopy.track.Tracker;
import org.lps.homotopy.track.TrackerOptions;

/**
 * The polyhedral start system (Huber and Sturmfels; Verschelde, Verlinden and Cools): G has the target's
 * supports with random complex coefficients, so it has exactly as many solutions as the mixed volume, all
 * nonsingular and none with a zero coordinate. When the supports allow solutions with zero coordinates
 * (stable mixed volume above the mixed volume) a constant term is added to every equation lacking one, and
 * G has MV(supports + origin) solutions, a homotopy from which reaches every isolated solution in C^n (Li and
 * Wang). Either way the solver's homotopy s gamma G + (1 - s) F is then a coefficient-parameter homotopy on
 * these supports (phase 2).
 *
 * <p>Start solution k is computed on demand, like the other start systems': the mixed cell holding it (prefix
 * sums of the cell volumes), its solution of the cell's binomial system (exact, {@link BinomialSystem}), and
 * the path of the cell's {@link ToricHomotopy} from s = 0 to 1 tracked with the solver's own {@link Tracker}
 * (phase 1), then refined by Newton on G. Each thread does this with its own workspace
 * ({@link #solutions()}), so phase 1 runs in parallel with phase 2 and paths stay independent.
 */
public final class PolyhedralStart implements StartSystem {


    private final int n;
    private final int[] degrees;
    private final Supports supports;
    private final boolean originsAdded;
    private final List<MixedCell> cells;
    private final long[] firstSolution;     // prefix sums of the cell volumes
    private final long count;
    private final BinomialSystem[] binomials;
    private final double[][] exponents;    // per cell, per term: the toric homotopy's powers of s
    private final ToricHomotopy toric;
    private final List<Polynomial> polynomials;
    private final CompiledSystem homogenized;
    private final double cellSeconds;

    private PolyhedralStart(PolynomialSystem target, MixedCells mixedCells, boolean originsAdded,
                            SplittableRandom random, double cellSeconds) {
        this.n = target.variableCount();
        this.supports = mixedCells.supports();
        this.originsAdded = originsAdded;
        this.cells = mixedCells.cells();
        this.cellSeconds = cellSeconds;
        this.degrees = new int[n];
        int[] targetDegrees = target.degrees();
        for (int i = 0; i < n; i++) {
            degrees[i] = Math.max(supports.degree(i), targetDegrees[i]);
        }
        // random coefficients on the unit circle, support by support
        int terms = 0;
        for (int i = 0; i < n; i++) {
            terms += supports.size(i);
        }
        double[] gRe = new double[terms], gIm = new double[terms];
        for (int t = 0; t < terms; t++) {
            double angle = 2 * Math.PI * random.nextDouble();
            gRe[t] = Math.cos(angle);
            gIm[t] = Math.sin(angle);
        }
        int[] termStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            termStart[i + 1] = termStart[i] + supports.size(i);
        }
        this.toric = new ToricHomotopy(supports, gRe, gIm);
        this.polynomials = startPolynomials(supports, gRe, gIm, termStart);
        this.homogenized = compileHomogenized(polynomials, degrees);
        // per cell: the binomial system and the toric exponents
        this.firstSolution = new long[cells.size() + 1];
        this.binomials = new BinomialSystem[cells.size()];
        this.exponents = new double[cells.size()][];
        Lifting lifting = mixedCells.lifting();
        for (int c = 0; c < cells.size(); c++) {
            MixedCell cell = cells.get(c);
            binomials[c] = binomialSystem(cell, gRe, gIm, termStart);
            firstSolution[c + 1] = Math.addExact(firstSolution[c], binomials[c].count());
            exponents[c] = toricExponents(cell, lifting, termStart, terms);
        }
        this.count = firstSolution[cells.size()];
    }

    /**
     * The polyhedral start system of a square target: mixed cells (lifting from the fixed
     * {@link MixedVolume#DEFAULT_SEED}, so cells depend on the system only) on {@code threads} threads, random
     * coefficients from {@code random}.
     */
    public static PolyhedralStart create(PolynomialSystem target, SplittableRandom random, int threads) {
        long t0 = System.nanoTime();
        MixedVolume mv = MixedVolume.of(Supports.of(target), MixedVolume.DEFAULT_SEED, threads,
                MixedVolume.DEFAULT_WORK_LIMIT);
        return create(target, mv, random, threads, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * The polyhedral start system from mixed volumes already computed (by the root counts): their cells are
     * reused when no constant terms are needed; otherwise the cells of the supports with origins are computed.
     */
    public static PolyhedralStart create(PolynomialSystem target, MixedVolume mv, SplittableRandom random,
                                         int threads, double secondsSoFar) {
        long t0 = System.nanoTime();
        MixedCells cells;
        boolean origins = mv.zeroCoordinatesPossible();
        if (origins) {
            cells = MixedCells.compute(Supports.of(target).withOrigins(),
                    new SplittableRandom(MixedVolume.DEFAULT_SEED + 1), threads, MixedVolume.DEFAULT_WORK_LIMIT);
        } else {
            cells = mv.torusCells();
        }
        double seconds = secondsSoFar + (System.nanoTime() - t0) * 1e-9;
        return new PolyhedralStart(target, cells, origins, random, seconds);
    }

    private BinomialSystem binomialSystem(MixedCell cell, double[] gRe, double[] gIm, int[] termStart) {
        long[] v = new long[n * n];
        double[] cRe = new double[n], cIm = new double[n];
        for (int i = 0; i < n; i++) {
            int p = cell.first(i), q = cell.second(i);
            for (int j = 0; j < n; j++) {
                v[i * n + j] = supports.coordinate(i, q, j) - supports.coordinate(i, p, j);
            }
            // g_p y^p + g_q y^q = 0  <=>  y^(q - p) = -g_p / g_q
            int tp = termStart[i] + p, tq = termStart[i] + q;
            double den = gRe[tq] * gRe[tq] + gIm[tq] * gIm[tq];
            cRe[i] = -(gRe[tp] * gRe[tq] + gIm[tp] * gIm[tq]) / den;
            cIm[i] = -(gIm[tp] * gRe[tq] - gRe[tp] * gIm[tq]) / den;
        }
        return new BinomialSystem(v, n, cRe, cIm);
    }

    /** The heights above the cell's lower face, exactly, scaled so that the smallest positive one is 1. */
    private double[] toricExponents(MixedCell cell, Lifting lifting, int[] termStart, int terms) {
        double[] r = new double[terms];
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < supports.size(i); k++) {
                if (k == cell.first(i) || k == cell.second(i)) {
                    continue;
                }
                double e = cell.heightAboveFace(supports, lifting, i, k);
                r[termStart[i] + k] = e;
                smallest = Math.min(smallest, e);
            }
        }
        if (smallest < Double.POSITIVE_INFINITY) {
            for (int t = 0; t < terms; t++) {
                r[t] = r[t] == 0 ? 0 : r[t] == smallest ? 1 : r[t] / smallest;
            }
        }
        return r;
    }

    /** G as affine polynomials: support i with its coefficients. */
    private static List<Polynomial> startPolynomials(Supports s, double[] gRe, double[] gIm, int[] termStart) {
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < s.dimension(); i++) {
            List<Polynomial> terms = new ArrayList<>();
            for (int k = 0; k < s.size(i); k++) {
                int t = termStart[i] + k;
                terms.add(Polynomial.monomial(gRe[t], gIm[t], s.point(i, k)));
            }
            eqs.add(Polynomial.sum(terms));
        }
        return List.copyOf(eqs);
    }

    private static CompiledSystem compileHomogenized(List<Polynomial> g, int[] degrees) {
        int n = g.size();
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            eqs.add(g.get(i).homogenize(n, degrees[i]));
        }
        return CompiledSystem.compile(eqs, n + 1);
    }

    /** G itself: the solver's homotopy evaluates it together with the target (same supports, shared monomials). */
    @Override
    public List<Polynomial> polynomials() {
        return polynomials;
    }

    @Override
    public String name() {
        return "polyhedral";
    }

    @Override
    public int variableCount() {
        return n;
    }

    @Override
    public int degree(int equation) {
        return degrees[equation];
    }

    @Override
    public long solutionCount() {
        return count;
    }

    /** The mixed cells the start solutions come from. */
    public List<MixedCell> cells() {
        return cells;
    }

    /** Whether constant terms were added to the target's supports (solutions with zero coordinates possible). */
    public boolean originsAdded() {
        return originsAdded;
    }

    /** Wall time spent on mixed cells (mixed volumes included) before this start system existed. */
    public double cellSeconds() {
        return cellSeconds;
    }

    /** Solution k, computed on a throwaway workspace; IllegalStateException if its phase-1 path fails. */
    @Override
    public void solution(long k, double[] x) {
        Solutions s = solutions();
        if (!s.compute(k, x)) {
            throw new IllegalStateException("start solution " + k + ": " + s.failure());
        }
    }

    @Override
    public Solutions solutions() {
        return new PhaseOne();
    }

    /**
     * One thread's phase 1: a tracker on its own evaluation of the toric homotopies, with the preset of the path
     * it serves (the default one unless told otherwise), and once more with the conservative one if that fails.
     */
    private final class PhaseOne implements Solutions, TrackedStartSolutions {
        private final ToricHomotopy.Evaluation evaluation;
        private final Tracker tracker;
        private final double[] y = new double[2 * n];
        private final double[] logs = new double[2 * n];
        private TrackerOptions preset = TrackerOptions.DEFAULT;
        private String failure;

        PhaseOne() {
            this.evaluation = toric.evaluation();
            this.tracker = new Tracker(toric.withEvaluation(evaluation));
        }

        @Override
        public boolean compute(long k, double[] x) {
            if (k < 0 || k >= count) {
                throw new IndexOutOfBoundsException("start solution " + k + " of " + count);
            }
            int c = cellOf(k);
            binomials[c].solution(k - firstSolution[c], y, logs);
            evaluation.cell(exponents[c]);
            if (!track(preset) && (preset == TrackerOptions.CONSERVATIVE || !track(TrackerOptions.CONSERVATIVE))) {
                return false;
            }
            System.arraycopy(tracker.z(), 0, x, 0, 2 * n);
            return true;
        }

        private boolean track(TrackerOptions options) {
            tracker.reset(options);
            if (!tracker.begin(y, 0, 0)) {
                failure = "polyhedral phase 1: singular Jacobian at the binomial start";
                return false;
            }
            tracker.target(1, 0);
            if (tracker.trackToTarget() == Tracker.Step.FAILED) {
                failure = "polyhedral phase 1: " + tracker.failure();
                return false;
            }
            tracker.refine(1e-14, 3);
            return true;
        }

        @Override
        public void use(TrackerOptions options) {
            this.preset = options;
        }

        @Override
        public String failure() {
            return failure;
        }
    }

    /** The cell holding solution k: the last c with firstSolution[c] &lt;= k. */
    private int cellOf(long k) {
        int i = Arrays.binarySearch(firstSolution, k);
        if (i >= 0) {
            while (i + 1 < firstSolution.length && firstSolution[i + 1] == k) {
                i++;   // skip empty cells (none in practice: volumes are positive)
            }
            return i;
        }
        return -i - 2;
    }

    @Override
    public Evaluation evaluation() {
        Evaluator eval = homogenized.evaluator();
        double[] jac = new double[2 * n * (n + 1)];
        return new Evaluation() {
            @Override
            public void values(double[] z, double[] g) {
                eval.values(z, g);
            }

            @Override
            public void valuesAndJacobian(double[] z, double[] g, double alphaRe, double alphaIm, double[] out) {
                eval.valuesAndJacobian(z, g, jac);
                for (int k = 0; k < jac.length; k += 2) {
                    double jr = jac[k], ji = jac[k + 1];
                    out[k] += alphaRe * jr - alphaIm * ji;
                    out[k + 1] += alphaRe * ji + alphaIm * jr;
                }
            }
        };
    }

    /** The start system's count as a BigInteger, for comparisons with root counts. */
    public BigInteger count() {
        return BigInteger.valueOf(count);
    }
}
