package org.lps.homotopy.polyhedral.cells;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lps.homotopy.rootcount.WorkMeter;

/**
 * Enumerates the fine mixed cells of a lifted support configuration by lift-and-prune, as MixedVol does
 * (Gao, Li and Wu, ACM TOMS 31, 2005):
 * <ol>
 * <li><b>Lower edges.</b> Per support, the pairs of points that are a lower edge of the lifted support: an LP
 * each, after dropping the points that are not even lower vertices (one LP each).</li>
 * <li><b>Relation table.</b> For each pair of supports, which of their lower edges are lower faces for a
 * common inner normal: an LP per pair of edges. A mixed cell's edges are pairwise compatible, so the table
 * prunes most of the tree with bit operations.</li>
 * <li><b>Depth-first search.</b> A node is a set of edges from distinct supports that are lower faces for a
 * common normal. It is extended by the support with the fewest candidate edges left (the candidates being the
 * lower edges compatible with every chosen edge: a bitwise AND of table rows), each candidate being kept if
 * the LP with all chosen edges is still strictly feasible. At the last support the inner normal is determined
 * by n linear equations: it is computed exactly (integer Cramer's rule) and the cell accepted if every other
 * lifted point lies strictly above its face.</li>
 * </ol>
 * The LPs answer in floating point with a tolerance band: an LP near zero keeps its node (the exact test at the
 * leaves decides), so rounding can cost extra work but not a cell. A lifted point exactly on a cell's face means
 * the lifting is not generic; the search throws {@link NonGenericLiftingException} and the caller draws another.
 *
 * <p>Parallel: the nodes at depth two are tasks pulled by the workers; the cells are sorted canonically at the
 * end, so the result does not depend on the thread count.
 */
final class MixedCellSearch {

    /** Relative LP tolerance (times the largest height). */
    private static final double TOLERANCE = 1e-9;
    /** Below this many depth-one nodes the tasks are the depth-two nodes. */
    private static final int MIN_TASKS = 64;

    private final Supports s;
    private final Lifting w;
    private final int n;
    private final double tol;
    /** The LPs' cap on the smallest slack: any positive value would do; the heights' scale keeps it well scaled. */
    private final double cap;
    private final long workLimit;
    private final WorkMeter meter;
    private final AtomicLong work = new AtomicLong();

    // lower edges of each support: points edgeP[i][e] < edgeQ[i][e]
    private int[][] edgeP;
    private int[][] edgeQ;
    private int[] words;
    /** compat[i][e][j]: bitset over the edges of support j compatible with edge e of support i (null for j = i). */
    private long[][][][] compat;

    /** The lifted points lie on a cell's face: not a generic lifting. */
    static final class NonGenericLiftingException extends RuntimeException {
        NonGenericLiftingException() {
            super("the lifting is not generic", null, false, false);
        }
    }

    MixedCellSearch(Supports s, Lifting w, long workLimit) {
        this(s, w, workLimit, WorkMeter.NONE);
    }

    /** @param meter polled every {@link WorkMeter#POLL_MASK} + 1 linear programs: {@link WorkMeter.Stopped} */
    MixedCellSearch(Supports s, Lifting w, long workLimit, WorkMeter meter) {
        this.meter = meter;
        this.s = s;
        this.w = w;
        this.n = s.dimension();
        this.tol = TOLERANCE * w.maxAbs();
        this.cap = w.maxAbs();
        this.workLimit = workLimit;
    }

    /** LPs solved so far. */
    long work() {
        return work.get();
    }

    /** All fine mixed cells, sorted canonically. */
    List<MixedCell> run(int threads) {
        if (n == 0) {
            return List.of();
        }
        SlackLp lp = new SlackLp(n, cap);
        lowerEdges(lp);
        for (int i = 0; i < n; i++) {
            if (edgeP[i].length == 0) {
                return List.of();   // a support with one lower point: no mixed cell, mixed volume 0
            }
        }
        if (n == 1) {
            return leavesOfOneSupport();
        }
        // the relation table's size is known before it is built: a search that cannot fit says so at once
        requireWithinLimit(relationTableWork());
        relationTable(threads);
        List<int[]> tasks = tasks();
        List<MixedCell> cells = new ArrayList<>();
        if (threads <= 1 || tasks.size() <= 1) {
            Worker worker = new Worker();
            for (int[] task : tasks) {
                worker.run(task, cells);
            }
        } else {
            cells = runParallel(tasks, threads);
        }
        cells.sort(MixedCell::compareTo);
        return cells;
    }

    private List<MixedCell> runParallel(List<int[]> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lps-mixed-cells");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<List<MixedCell>>> jobs = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                jobs.add(pool.submit(() -> {
                    Worker worker = new Worker();
                    List<MixedCell> found = new ArrayList<>();
                    for (int t = next.getAndIncrement(); t < tasks.size(); t = next.getAndIncrement()) {
                        worker.run(tasks.get(t), found);
                    }
                    return found;
                }));
            }
            List<MixedCell> all = new ArrayList<>();
            for (Future<List<MixedCell>> f : jobs) {
                all.addAll(join(f));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the mixed-cell search", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void countWork() {
        long w = work.incrementAndGet();
        if ((w & WorkMeter.POLL_MASK) == 0) {
            meter.checkStop();
        }
        if (w > workLimit) {
            throw new WorkLimitExceededException(workLimit);
        }
    }

    // ------------------------------------------------------------------ step 1: lower edges

    private void lowerEdges(SlackLp lp) {
        edgeP = new int[n][];
        edgeQ = new int[n][];
        words = new int[n];
        // the LPs of this step are known before they are solved (one per point, then one per pair of lower
        // points), so a search that cannot fit its work limit stops before them, as before the relation table
        long vertexTests = 0;
        for (int i = 0; i < n; i++) {
            vertexTests += s.size(i);
        }
        requireWithinLimit(vertexTests);
        boolean[][] lower = new boolean[n][];
        long edgeTests = 0;
        for (int i = 0; i < n; i++) {
            int m = s.size(i);
            lower[i] = new boolean[m];
            long count = 0;
            for (int k = 0; k < m; k++) {
                lp.clear();
                for (int c = 0; c < m; c++) {
                    if (c != k) {
                        lp.addInequality(s.pointRef(i, c), s.pointRef(i, k), w.height(i, c), w.height(i, k));
                    }
                }
                lower[i][k] = feasible(lp);
                count += lower[i][k] ? 1 : 0;
            }
            edgeTests += count * (count - 1) / 2;
        }
        requireWithinLimit(edgeTests);
        for (int i = 0; i < n; i++) {
            int m = s.size(i);
            List<int[]> edges = new ArrayList<>();
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    if (lower[i][p] && lower[i][q]) {
                        lp.clear();
                        addEdgeRows(lp, i, p, q);
                        if (feasible(lp)) {
                            edges.add(new int[] {p, q});
                        }
                    }
                }
            }
            edgeP[i] = edges.stream().mapToInt(e -> e[0]).toArray();
            edgeQ[i] = edges.stream().mapToInt(e -> e[1]).toArray();
            words[i] = (edges.size() + 63) >>> 6;
        }
    }

    /** Throws {@link WorkLimitExceededException} now if {@code more} LPs on top of the work so far exceed the limit. */
    private void requireWithinLimit(long more) {
        if (work.get() + more > workLimit) {
            throw new WorkLimitExceededException(workLimit);
        }
    }

    /** The rows saying that p and q are the lowest lifted points of support i. */
    private void addEdgeRows(SlackLp lp, int i, int p, int q) {
        int[] pp = s.pointRef(i, p);
        double wp = w.height(i, p);
        lp.addEquation(s.pointRef(i, q), pp, w.height(i, q), wp);
        for (int c = 0; c < s.size(i); c++) {
            if (c != p && c != q) {
                lp.addInequality(s.pointRef(i, c), pp, w.height(i, c), wp);
            }
        }
    }

    /** Strictly feasible, or too close to call (the leaves decide exactly): solved from scratch. */
    private boolean feasible(SlackLp lp) {
        countWork();
        return acceptable(lp.maximize());
    }

    /** Same, from the optimum saved at {@code depth} plus the rows added since (dual simplex). */
    private boolean feasibleFrom(SlackLp lp, int depth) {
        countWork();
        lp.restore(depth);
        return acceptable(lp.reoptimize(-tol));
    }

    private boolean acceptable(double t) {
        return Double.isNaN(t) || t > -tol;
    }

    // ------------------------------------------------------------------ step 2: relation table

    /** The LPs the relation table takes: one per lower edge, one per pair of lower edges of distinct supports. */
    private long relationTableWork() {
        long total = 0, edgesBefore = 0;
        for (int i = 0; i < n; i++) {
            total += edgeP[i].length + edgesBefore * edgeP[i].length;
            edgesBefore += edgeP[i].length;
        }
        return total;
    }

    private void relationTable(int threads) {
        compat = new long[n][][][];
        for (int i = 0; i < n; i++) {
            compat[i] = new long[edgeP[i].length][n][];
            for (long[][] row : compat[i]) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        row[j] = new long[words[j]];
                    }
                }
            }
        }
        // one task per (support i, edge e): the rows of the table for supports j > i
        List<int[]> rowsToFill = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < edgeP[i].length; e++) {
                rowsToFill.add(new int[] {i, e});
            }
        }
        if (threads <= 1) {
            SlackLp lp = new SlackLp(n, cap);
            for (int[] r : rowsToFill) {
                fillRelationRow(lp, r[0], r[1]);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "lps-mixed-cells");
                t.setDaemon(true);
                return t;
            });
            try {
                AtomicInteger next = new AtomicInteger();
                List<Future<Object>> jobs = new ArrayList<>();
                for (int k = 0; k < threads; k++) {
                    jobs.add(pool.submit(() -> {
                        SlackLp lp = new SlackLp(n, cap);
                        for (int t = next.getAndIncrement(); t < rowsToFill.size(); t = next.getAndIncrement()) {
                            fillRelationRow(lp, rowsToFill.get(t)[0], rowsToFill.get(t)[1]);
                        }
                        return null;
                    }));
                }
                for (Future<Object> f : jobs) {
                    join(f);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        // the table is symmetric: mirror the upper half (each task wrote only j > i)
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < edgeP[i].length; e++) {
                for (int j = i + 1; j < n; j++) {
                    long[] bits = compat[i][e][j];
                    for (int f = 0; f < edgeP[j].length; f++) {
                        if ((bits[f >>> 6] & (1L << f)) != 0) {
                            compat[j][f][i][e >>> 6] |= 1L << e;
                        }
                    }
                }
            }
        }
    }

    /** Edge e of support i against every lower edge of the later supports, warm-started from e's own LP. */
    private void fillRelationRow(SlackLp lp, int i, int e) {
        lp.clear();
        addEdgeRows(lp, i, edgeP[i][e], edgeQ[i][e]);
        countWork();
        boolean warm = !Double.isNaN(lp.maximize());
        lp.save(0);
        long mark = lp.mark();
        for (int j = i + 1; j < n; j++) {
            long[] bits = compat[i][e][j];
            for (int f = 0; f < edgeP[j].length; f++) {
                addEdgeRows(lp, j, edgeP[j][f], edgeQ[j][f]);
                if (warm ? feasibleFrom(lp, 0) : feasible(lp)) {
                    bits[f >>> 6] |= 1L << f;
                }
                lp.truncate(mark);
            }
        }
    }

    // ------------------------------------------------------------------ step 3: the search

    /**
     * The tasks: partial cells of depth one or two as (support, edge) pairs, in a fixed order. Depth-one nodes
     * need no LP (lower edges), nor do depth-two ones (the relation table).
     */
    private List<int[]> tasks() {
        long[][] all = new long[n][];
        for (int j = 0; j < n; j++) {
            all[j] = fullBitset(edgeP[j].length);
        }
        int first = fewestCandidates(all, new boolean[n]);
        List<int[]> depthOne = new ArrayList<>();
        for (int e = 0; e < edgeP[first].length; e++) {
            depthOne.add(new int[] {first, e});
        }
        if (depthOne.size() >= MIN_TASKS || n <= 2) {
            return depthOne;
        }
        List<int[]> depthTwo = new ArrayList<>();
        boolean[] chosen = new boolean[n];
        chosen[first] = true;
        for (int[] node : depthOne) {
            long[][] cand = new long[n][];
            for (int j = 0; j < n; j++) {
                if (j != first) {
                    cand[j] = compat[first][node[1]][j].clone();
                }
            }
            int second = fewestCandidates(cand, chosen);
            for (int f = 0; f < edgeP[second].length; f++) {
                if ((cand[second][f >>> 6] & (1L << f)) != 0) {
                    depthTwo.add(new int[] {first, node[1], second, f});
                }
            }
        }
        return depthTwo;
    }

    private static long[] fullBitset(int size) {
        long[] b = new long[(size + 63) >>> 6];
        for (int f = 0; f < size; f++) {
            b[f >>> 6] |= 1L << f;
        }
        return b;
    }

    /** The unchosen support with the fewest candidates (lowest index on ties). */
    private int fewestCandidates(long[][] cand, boolean[] chosen) {
        int best = -1;
        int bestCount = Integer.MAX_VALUE;
        for (int j = 0; j < n; j++) {
            if (chosen[j]) {
                continue;
            }
            int c = 0;
            for (long word : cand[j]) {
                c += Long.bitCount(word);
            }
            if (c < bestCount) {
                bestCount = c;
                best = j;
            }
        }
        return best;
    }

    private List<MixedCell> leavesOfOneSupport() {
        List<MixedCell> cells = new ArrayList<>();
        Worker worker = new Worker();
        for (int e = 0; e < edgeP[0].length; e++) {
            worker.chosenEdge[0] = e;
            worker.leaf(cells);
        }
        return cells;
    }

    /** One thread's search state: the LP row stack, the chosen edges, candidate bitsets per depth. */
    private final class Worker {
        final SlackLp lp = new SlackLp(n, cap);
        final int[] chosenEdge = new int[n];
        final boolean[] chosen = new boolean[n];
        /** warm[k]: the LP optimum saved for depth k is valid (a failed solve leaves its children cold). */
        final boolean[] warm = new boolean[n + 1];
        final long[][][] cand = new long[n + 1][n][];
        // exact leaf test workspace
        final long[] matrix = new long[n * n];
        final long[] rhs = new long[n];
        final long[] numerators = new long[n];
        final double[] alpha = new double[n];
        final double[] lu = new double[n * n];
        final double[] b = new double[n];
        final int[] perm = new int[n];

        Worker() {
            for (int level = 0; level <= n; level++) {
                for (int j = 0; j < n; j++) {
                    cand[level][j] = new long[words[j]];
                }
            }
        }

        /** Searches below a task node given as (support, edge) pairs. */
        void run(int[] task, List<MixedCell> out) {
            lp.clear();
            java.util.Arrays.fill(chosen, false);
            for (int j = 0; j < n; j++) {
                long[] full = cand[0][j];
                java.util.Arrays.fill(full, 0);
                for (int f = 0; f < edgeP[j].length; f++) {
                    full[f >>> 6] |= 1L << f;
                }
            }
            int level = 0;
            for (int k = 0; k < task.length; k += 2) {
                choose(level, task[k], task[k + 1]);
                level++;
            }
            if (level == 2) {
                solveFromScratch(2);
            }
            descend(level, out);
        }

        /** Solves the current node's LP from scratch and saves its optimum for the children's warm starts. */
        private void solveFromScratch(int depth) {
            countWork();
            warm[depth] = !Double.isNaN(lp.maximize());
            lp.save(depth);
        }

        /** Chooses edge e of support i at this depth: its LP rows, and the candidates of the next depth. */
        private void choose(int level, int i, int e) {
            chosen[i] = true;
            chosenEdge[i] = e;
            addEdgeRows(lp, i, edgeP[i][e], edgeQ[i][e]);
            for (int j = 0; j < n; j++) {
                if (!chosen[j]) {
                    long[] src = cand[level][j], rel = compat[i][e][j], dst = cand[level + 1][j];
                    for (int k = 0; k < dst.length; k++) {
                        dst[k] = src[k] & rel[k];
                    }
                }
            }
        }

        private void descend(int level, List<MixedCell> out) {
            int j = fewestCandidates(cand[level], chosen);
            long[] c = cand[level][j];
            for (int k = 0; k < c.length; k++) {
                for (long word = c[k]; word != 0; word &= word - 1) {
                    int f = (k << 6) + Long.numberOfTrailingZeros(word);
                    if (level == n - 1) {
                        chosenEdge[j] = f;
                        leaf(out);
                        continue;
                    }
                    long mark = lp.mark();
                    choose(level, j, f);
                    boolean feasible;
                    if (level < 2) {
                        // depths one and two are feasible by construction (lower edges, relation table)
                        feasible = true;
                        if (level == 1) {
                            solveFromScratch(2);
                        }
                    } else {
                        feasible = warm[level] ? feasibleFrom(lp, level) : feasible(lp);
                        if (feasible) {
                            warm[level + 1] = lp.hasOptimum();
                            lp.save(level + 1);
                        }
                    }
                    if (feasible) {
                        descend(level + 1, out);
                    }
                    chosen[j] = false;
                    lp.truncate(mark);
                }
            }
        }

        /**
         * All supports have an edge: the cell's normal solves n equations. A quick floating-point check rejects
         * clear non-cells; the rest are decided exactly.
         */
        void leaf(List<MixedCell> out) {
            countWork();
            if (!plausible()) {
                return;
            }
            for (int i = 0; i < n; i++) {
                int p = edgeP[i][chosenEdge[i]], q = edgeQ[i][chosenEdge[i]];
                for (int j = 0; j < n; j++) {
                    matrix[i * n + j] = s.coordinate(i, q, j) - s.coordinate(i, p, j);
                }
                rhs[i] = w.height(i, p) - w.height(i, q);
            }
            MixedCell cell;
            try {
                cell = exactCellLong();
            } catch (ArithmeticException overflow) {
                cell = exactCellBig();
            }
            if (cell != null) {
                out.add(cell);
            }
        }

        /** Solves for alpha in doubles (LU with partial pivoting) and checks no slack is clearly negative. */
        private boolean plausible() {
            for (int i = 0; i < n; i++) {
                int p = edgeP[i][chosenEdge[i]], q = edgeQ[i][chosenEdge[i]];
                for (int j = 0; j < n; j++) {
                    lu[i * n + j] = s.coordinate(i, q, j) - s.coordinate(i, p, j);
                }
                b[i] = (double) w.height(i, p) - w.height(i, q);
            }
            if (!solveDouble()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                int p = edgeP[i][chosenEdge[i]], q = edgeQ[i][chosenEdge[i]];
                int[] pp = s.pointRef(i, p);
                double wp = w.height(i, p);
                for (int c = 0; c < s.size(i); c++) {
                    if (c == p || c == q) {
                        continue;
                    }
                    int[] pc = s.pointRef(i, c);
                    double slack = w.height(i, c) - wp;
                    for (int j = 0; j < n; j++) {
                        slack += (pc[j] - pp[j]) * alpha[j];
                    }
                    if (slack < -tol) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean solveDouble() {
            for (int k = 0; k < n; k++) {
                int piv = k;
                double best = Math.abs(lu[k * n + k]);
                for (int r = k + 1; r < n; r++) {
                    double v = Math.abs(lu[r * n + k]);
                    if (v > best) {
                        best = v;
                        piv = r;
                    }
                }
                if (best < 1e-9) {
                    return false;   // dependent edge directions (integer matrix: a tiny pivot is a zero one)
                }
                if (piv != k) {
                    for (int j = 0; j < n; j++) {
                        double t = lu[k * n + j];
                        lu[k * n + j] = lu[piv * n + j];
                        lu[piv * n + j] = t;
                    }
                    double t = b[k];
                    b[k] = b[piv];
                    b[piv] = t;
                }
                for (int r = k + 1; r < n; r++) {
                    double factor = lu[r * n + k] / lu[k * n + k];
                    if (factor != 0) {
                        for (int j = k; j < n; j++) {
                            lu[r * n + j] -= factor * lu[k * n + j];
                        }
                        b[r] -= factor * b[k];
                    }
                }
            }
            for (int k = n - 1; k >= 0; k--) {
                double v = b[k];
                for (int j = k + 1; j < n; j++) {
                    v -= lu[k * n + j] * alpha[j];
                }
                alpha[k] = v / lu[k * n + k];
            }
            return true;
        }

        /** The exact test in long arithmetic (ArithmeticException on overflow). */
        private MixedCell exactCellLong() {
            long[] a = matrix.clone();
            long[] r = rhs.clone();
            long det = ExactLinearAlgebra.solve(a, r, n, numerators);
            if (det == 0) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                int p = edgeP[i][chosenEdge[i]], q = edgeQ[i][chosenEdge[i]];
                int[] pp = s.pointRef(i, p);
                for (int c = 0; c < s.size(i); c++) {
                    if (c == p || c == q) {
                        continue;
                    }
                    int[] pc = s.pointRef(i, c);
                    // det * slack = (c - p) . (det alpha) + det (w_c - w_p)
                    long v = Math.multiplyExact(det, w.height(i, c) - w.height(i, p));
                    for (int j = 0; j < n; j++) {
                        int diff = pc[j] - pp[j];
                        if (diff != 0) {
                            v = Math.addExact(v, Math.multiplyExact(diff, numerators[j]));
                        }
                    }
                    int sign = Long.signum(v) * Long.signum(det);
                    if (sign == 0) {
                        throw new NonGenericLiftingException();
                    }
                    if (sign < 0) {
                        return null;
                    }
                }
            }
            BigInteger[] num = new BigInteger[n];
            for (int j = 0; j < n; j++) {
                num[j] = BigInteger.valueOf(numerators[j]);
            }
            return newCell(num, BigInteger.valueOf(det));
        }

        private MixedCell exactCellBig() {
            BigInteger[] a = new BigInteger[n * n];
            BigInteger[] r = new BigInteger[n];
            for (int k = 0; k < a.length; k++) {
                a[k] = BigInteger.valueOf(matrix[k]);
            }
            for (int k = 0; k < n; k++) {
                r[k] = BigInteger.valueOf(rhs[k]);
            }
            BigInteger[] num = new BigInteger[n];
            BigInteger det = ExactLinearAlgebra.solve(a, r, n, num);
            if (det.signum() == 0) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                int p = edgeP[i][chosenEdge[i]], q = edgeQ[i][chosenEdge[i]];
                for (int c = 0; c < s.size(i); c++) {
                    if (c == p || c == q) {
                        continue;
                    }
                    BigInteger v = det.multiply(BigInteger.valueOf(w.height(i, c) - w.height(i, p)));
                    for (int j = 0; j < n; j++) {
                        int diff = s.coordinate(i, c, j) - s.coordinate(i, p, j);
                        if (diff != 0) {
                            v = v.add(num[j].multiply(BigInteger.valueOf(diff)));
                        }
                    }
                    int sign = v.signum() * det.signum();
                    if (sign == 0) {
                        throw new NonGenericLiftingException();
                    }
                    if (sign < 0) {
                        return null;
                    }
                }
            }
            return newCell(num, det);
        }

        private MixedCell newCell(BigInteger[] num, BigInteger det) {
            int[] first = new int[n], second = new int[n];
            for (int i = 0; i < n; i++) {
                first[i] = edgeP[i][chosenEdge[i]];
                second[i] = edgeQ[i][chosenEdge[i]];
            }
            return new MixedCell(first, second, num, det);
        }
    }
}
