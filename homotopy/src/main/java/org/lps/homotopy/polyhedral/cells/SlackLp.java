package org.lps.homotopy.polyhedral.cells;

import java.util.Arrays;

/**
 * The linear program behind every test of the mixed-cell search: is there an inner normal alpha in R^n for
 * which some lifted points are the lowest of their supports? As a question about alpha:
 * <pre>
 *   g_r . alpha - h_r &gt; 0      for the inequality rows r       (the other points lie strictly above)
 *   e_q . alpha = f_q            for the equality rows q         (the chosen points lie at the same height)
 * </pre>
 * It is answered by maximizing the smallest slack t over (alpha, t): the strict system has a solution iff the
 * optimum is positive or unbounded.
 *
 * <p>Method: the simplex method in inequality form on x = (alpha, t) in R^(n+1), rows a_r . x &lt;= b_r with
 * a_r = (-g_r, 1) and b_r = -h_r, objective t. Every problem has an obvious feasible point: any alpha solving
 * the equations (Gaussian elimination) and t = the smallest slack there. From it a crash phase reaches a
 * vertex: it moves along the objective (or, when that is exhausted, a coordinate direction) projected onto
 * the complement of the active rows until a row blocks, and makes that row active; a direction no row ever
 * blocks is part of the feasible set's lineality space and is pinned by a "direction row" that never leaves.
 * Then ordinary simplex pivots (Bland's rule, so degenerate vertices cannot cycle) with the inverse of the
 * (n+1) x (n+1) active matrix updated in place. The problems are tiny and dense (n+1 unknowns, a few dozen
 * rows) and there are tens of thousands of them, so everything lives in preallocated primitive arrays:
 * a solve allocates nothing.
 *
 * <p>Rows are kept as a stack, {@link #mark()} and {@link #truncate(int)}, so that a depth-first search adds
 * the rows of each choice on the way down and drops them on the way back.
 *
 * <p>Not thread-safe: one per thread.
 */
final class SlackLp {

    /** Returned by {@link #maximize()} when the equations are linearly dependent (see {@link #addEquation}). */
    static final double INCONSISTENT = Double.NEGATIVE_INFINITY;

    private static final int TYPE_INEQUALITY = 0;
    private static final int TYPE_EQUALITY = 1;
    private static final int TYPE_DIRECTION = 2;

    private final int n;
    private final int d;
    private final int maxIterations;

    // inequality rows: g (n per row) and h; equality rows: e and f
    private double[] g;
    private double[] h;
    private int rows;
    private final double[] e;
    private final double[] f;
    private int equations;

    // solve workspace
    private final double[] x;
    private final double[] u;
    private final double[] q;          // orthonormal basis of the active rows (crash phase), row-major d x d
    private final double[] basis;      // active rows as (n+1)-vectors, row-major d x d
    private final double[] inverse;    // inverse of basis, row-major d x d
    private final double[] elimination; // Gauss-Jordan workspace, d x d
    private final int[] activeRow;     // row id (inequality index) or -1
    private final int[] activeType;
    private final double[] scratch;
    private boolean[] isActive;
    private double scale = 1;
    private int lastIterations;

    SlackLp(int n) {
        this.n = n;
        this.d = n + 1;
        this.maxIterations = 1000;
        this.g = new double[16 * n];
        this.h = new double[16];
        this.e = new double[n * n];
        this.f = new double[n];
        this.x = new double[d];
        this.u = new double[d];
        this.q = new double[d * d];
        this.basis = new double[d * d];
        this.inverse = new double[d * d];
        this.elimination = new double[d * d];
        this.activeRow = new int[d];
        this.activeType = new int[d];
        this.scratch = new double[Math.max(d, n * (n + 1))];
        this.isActive = new boolean[16];
    }

    int dimension() {
        return n;
    }

    /** Adds the row g . alpha - h &gt; 0. */
    void addInequality(double[] gRow, double hValue) {
        if (rows == h.length) {
            int cap = 2 * rows;
            g = Arrays.copyOf(g, cap * n);
            h = Arrays.copyOf(h, cap);
            isActive = Arrays.copyOf(isActive, cap);
        }
        System.arraycopy(gRow, 0, g, rows * n, n);
        h[rows++] = hValue;
    }

    /** Adds the row (c - p) . alpha + wc - wp &gt; 0 for integer points c, p with lifts wc, wp. */
    void addInequality(int[] c, int[] p, double wc, double wp) {
        if (rows == h.length) {
            int cap = 2 * rows;
            g = Arrays.copyOf(g, cap * n);
            h = Arrays.copyOf(h, cap);
            isActive = Arrays.copyOf(isActive, cap);
        }
        int o = rows * n;
        for (int j = 0; j < n; j++) {
            g[o + j] = c[j] - p[j];
        }
        h[rows++] = wp - wc;
    }

    /** Adds the equation e . alpha = f (at most n of them). */
    void addEquation(double[] eRow, double fValue) {
        System.arraycopy(eRow, 0, e, equations * n, n);
        f[equations++] = fValue;
    }

    /** Adds the equation (q - p) . alpha = wp - wq: the lifted points p and q at the same height. */
    void addEquation(int[] qPoint, int[] p, double wq, double wp) {
        int o = equations * n;
        for (int j = 0; j < n; j++) {
            e[o + j] = qPoint[j] - p[j];
        }
        f[equations++] = wp - wq;
    }

    /** The current stack height, for {@link #truncate(int)}: rows in the high 32 bits, equations in the low. */
    long mark() {
        return ((long) rows << 32) | equations;
    }

    /** Drops every row added after {@code mark}. */
    void truncate(long mark) {
        rows = (int) (mark >>> 32);
        equations = (int) mark;
    }

    void clear() {
        rows = 0;
        equations = 0;
    }

    /** Simplex iterations (crash moves plus pivots) of the last {@link #maximize()}. */
    int lastIterations() {
        return lastIterations;
    }

    /** The alpha part of the last optimum (valid after a finite or unbounded {@link #maximize()}). */
    double alpha(int j) {
        return x[j];
    }

    /**
     * The largest t for which g_r . alpha - h_r &gt;= t on every inequality row and the equations hold:
     * {@code +Infinity} when unbounded (no inequality rows, or a direction along which every slack grows),
     * {@link #INCONSISTENT} when the equations are linearly dependent, NaN when the iteration limit was reached
     * (which a caller must treat as "don't know").
     */
    double maximize() {
        lastIterations = 0;
        scale = 1;
        for (int r = 0; r < rows; r++) {
            scale = Math.max(scale, Math.abs(h[r]));
        }
        for (int k = 0; k < equations; k++) {
            scale = Math.max(scale, Math.abs(f[k]));
        }
        if (!solveEquations()) {
            return INCONSISTENT;
        }
        if (rows == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double t = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            t = Math.min(t, rowSlackAlpha(r));
        }
        x[n] = t;
        Arrays.fill(isActive, 0, rows, false);
        int active = crash();
        if (active < 0) {
            return Double.POSITIVE_INFINITY;
        }
        return simplex();
    }

    /** g_r . alpha - h_r at the current x (alpha part only). */
    private double rowSlackAlpha(int r) {
        double s = -h[r];
        int o = r * n;
        for (int j = 0; j < n; j++) {
            s += g[o + j] * x[j];
        }
        return s;
    }

    /** a_r . v for the inequality row r in (alpha, t) form: -g_r . v_alpha + v_t. */
    private double rowDot(int r, double[] v) {
        double s = v[n];
        int o = r * n;
        for (int j = 0; j < n; j++) {
            s -= g[o + j] * v[j];
        }
        return s;
    }

    /** b_r - a_r . x: how far x is inside row r (&gt;= 0 when feasible). */
    private double rowGap(int r) {
        return rowSlackAlpha(r) - x[n];
    }

    /**
     * alpha solving the equations, the free unknowns zero: Gaussian elimination with partial pivoting on a
     * copy. False if they are linearly dependent: edges of a mixed cell have independent directions, so
     * dependent equations end the search there whether or not they happen to be consistent.
     */
    private boolean solveEquations() {
        Arrays.fill(x, 0);
        int m = equations;
        if (m == 0) {
            return true;
        }
        int w = n + 1;
        double[] a = scratch;
        for (int k = 0; k < m; k++) {
            System.arraycopy(e, k * n, a, k * w, n);
            a[k * w + n] = f[k];
        }
        int[] pivotCol = activeRow;   // reused as scratch: pivot column of each elimination row
        int rank = 0;
        for (int col = 0; col < n && rank < m; col++) {
            int best = -1;
            double bestAbs = 1e-12;
            for (int r = rank; r < m; r++) {
                double v = Math.abs(a[r * w + col]);
                if (v > bestAbs) {
                    bestAbs = v;
                    best = r;
                }
            }
            if (best < 0) {
                continue;
            }
            if (best != rank) {
                for (int j = 0; j < w; j++) {
                    double tmp = a[best * w + j];
                    a[best * w + j] = a[rank * w + j];
                    a[rank * w + j] = tmp;
                }
            }
            double p = a[rank * w + col];
            for (int r = 0; r < m; r++) {
                if (r == rank) {
                    continue;
                }
                double factor = a[r * w + col] / p;
                if (factor != 0) {
                    for (int j = col; j < w; j++) {
                        a[r * w + j] -= factor * a[rank * w + j];
                    }
                }
            }
            pivotCol[rank++] = col;
        }
        if (rank < m) {
            return false;
        }
        for (int r = 0; r < rank; r++) {
            int col = pivotCol[r];
            x[col] = a[r * w + n] / a[r * w + col];
        }
        return true;
    }

    /**
     * Moves x to a vertex (n+1 linearly independent active rows, equations and direction rows included) without
     * decreasing t; returns the number of active rows, or -1 if t is unbounded.
     */
    private int crash() {
        int active = 0;
        for (int k = 0; k < equations; k++) {
            for (int j = 0; j < n; j++) {
                u[j] = e[k * n + j];
            }
            u[n] = 0;
            if (orthogonalize(u, active)) {
                activeRow[active] = -1 - k;
                activeType[active] = TYPE_EQUALITY;
                storeBasisRow(active, k, TYPE_EQUALITY);
                appendOrthonormal(u, active);
                active++;
            }
        }
        while (active < d) {
            lastIterations++;
            // the objective (t) projected onto the complement of the active rows
            Arrays.fill(u, 0);
            u[n] = 1;
            boolean improving = orthogonalize(u, active);
            if (!improving) {
                chooseCoordinateDirection(active);
            }
            int blocker = ratioTest(u);
            if (blocker >= 0) {
                move(blocker, u);
            } else if (improving) {
                return -1;
            } else {
                for (int j = 0; j < d; j++) {
                    u[j] = -u[j];
                }
                blocker = ratioTest(u);
                if (blocker >= 0) {
                    move(blocker, u);
                } else {
                    // part of the lineality space: pin it
                    activeRow[active] = -1;
                    activeType[active] = TYPE_DIRECTION;
                    System.arraycopy(u, 0, basis, active * d, d);
                    appendOrthonormal(u, active);
                    active++;
                    continue;
                }
            }
            for (int j = 0; j < d; j++) {
                u[j] = rowVector(blocker, j);
            }
            orthogonalize(u, active);
            activeRow[active] = blocker;
            activeType[active] = TYPE_INEQUALITY;
            isActive[blocker] = true;
            storeBasisRow(active, blocker, TYPE_INEQUALITY);
            appendOrthonormal(u, active);
            active++;
        }
        return active;
    }

    private double rowVector(int r, int j) {
        return j == n ? 1 : -g[r * n + j];
    }

    private void storeBasisRow(int slot, int id, int type) {
        int o = slot * d;
        if (type == TYPE_EQUALITY) {
            System.arraycopy(e, id * n, basis, o, n);
            basis[o + n] = 0;
        } else {
            for (int j = 0; j <= n; j++) {
                basis[o + j] = rowVector(id, j);
            }
        }
    }

    /** Makes v orthogonal to the first {@code count} rows of q; true if something of norm &gt; 1e-9 is left. */
    private boolean orthogonalize(double[] v, int count) {
        double before = norm(v);
        for (int pass = 0; pass < 2; pass++) {   // twice is enough (Kahan): Gram-Schmidt loses orthogonality once
            for (int k = 0; k < count; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += q[k * d + j] * v[j];
                }
                for (int j = 0; j < d; j++) {
                    v[j] -= s * q[k * d + j];
                }
            }
        }
        return norm(v) > 1e-9 * Math.max(1, before);
    }

    private void appendOrthonormal(double[] v, int slot) {
        double nv = norm(v);
        for (int j = 0; j < d; j++) {
            q[slot * d + j] = v[j] / nv;
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }

    /** u = the coordinate direction with the largest component outside the active rows, projected. */
    private void chooseCoordinateDirection(int active) {
        int bestJ = -1;
        double best = -1;
        for (int j = 0; j < d; j++) {
            Arrays.fill(scratch, 0, d, 0);
            scratch[j] = 1;
            for (int k = 0; k < active; k++) {
                double s = q[k * d + j];
                for (int i = 0; i < d; i++) {
                    scratch[i] -= s * q[k * d + i];
                }
            }
            double nv = 0;
            for (int i = 0; i < d; i++) {
                nv += scratch[i] * scratch[i];
            }
            if (nv > best) {
                best = nv;
                bestJ = j;
            }
        }
        Arrays.fill(u, 0);
        u[bestJ] = 1;
        orthogonalize(u, active);
    }

    /**
     * The first inactive inequality row met when moving along v (smallest step, ties to the lowest index,
     * Bland's rule), or -1 if none. Leaves the step in {@code scratch[0]}.
     */
    private int ratioTest(double[] v) {
        double vNorm = norm(v);
        int best = -1;
        double bestStep = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            if (isActive[r]) {
                continue;
            }
            double rate = rowDot(r, v);
            if (rate <= 1e-12 * vNorm * rowNorm(r)) {
                continue;
            }
            double step = Math.max(0, rowGap(r)) / rate;
            if (step < bestStep) {
                bestStep = step;
                best = r;
            }
        }
        scratch[0] = bestStep;
        return best;
    }

    private double rowNorm(int r) {
        double s = 1;
        int o = r * n;
        for (int j = 0; j < n; j++) {
            s += g[o + j] * g[o + j];
        }
        return Math.sqrt(s);
    }

    private void move(int blocker, double[] v) {
        double step = scratch[0];
        for (int j = 0; j < d; j++) {
            x[j] += step * v[j];
        }
    }

    /** Simplex pivots from the vertex the crash found; returns the optimal t (or +Infinity, or NaN). */
    private double simplex() {
        if (!invertBasis()) {
            return Double.NaN;
        }
        int sinceRefactor = 0;
        while (true) {
            if (++lastIterations > maxIterations) {
                return Double.NaN;
            }
            // multipliers: c = sum_w lambda_w a_w with c = e_t, so lambda_w = inverse[n][w]
            int leaving = -1;
            int leavingId = Integer.MAX_VALUE;
            double lambdaScale = 0;
            for (int w = 0; w < d; w++) {
                lambdaScale = Math.max(lambdaScale, Math.abs(inverse[n * d + w]));
            }
            double tol = 1e-11 * Math.max(1, lambdaScale);
            for (int w = 0; w < d; w++) {
                if (activeType[w] == TYPE_INEQUALITY && inverse[n * d + w] < -tol && activeRow[w] < leavingId) {
                    leaving = w;
                    leavingId = activeRow[w];
                }
            }
            if (leaving < 0) {
                return x[n];
            }
            // u = -column `leaving` of the inverse: row `leaving` drops below its bound, the others stay active
            for (int j = 0; j < d; j++) {
                u[j] = -inverse[j * d + leaving];
            }
            int entering = ratioTest(u);
            if (entering < 0) {
                return Double.POSITIVE_INFINITY;
            }
            move(entering, u);
            isActive[activeRow[leaving]] = false;
            isActive[entering] = true;
            activeRow[leaving] = entering;
            storeBasisRow(leaving, entering, TYPE_INEQUALITY);
            if (++sinceRefactor == 32) {
                sinceRefactor = 0;
                if (!invertBasis()) {
                    return Double.NaN;
                }
            } else {
                replaceInverseColumn(leaving, entering);
            }
        }
    }

    /**
     * The inverse after row {@code slot} of the active matrix became a_r: with v_k = a_r . column k, column
     * slot is divided by v_slot and v_k times it is subtracted from every other column k.
     */
    private void replaceInverseColumn(int slot, int r) {
        double[] v = scratch;
        for (int k = 0; k < d; k++) {
            double s = inverse[n * d + k];   // the t component of a_r is 1
            for (int j = 0; j < n; j++) {
                s -= g[r * n + j] * inverse[j * d + k];
            }
            v[k] = s;
        }
        double pivot = v[slot];
        for (int j = 0; j < d; j++) {
            inverse[j * d + slot] /= pivot;
        }
        for (int k = 0; k < d; k++) {
            if (k == slot || v[k] == 0) {
                continue;
            }
            double c = v[k];
            for (int j = 0; j < d; j++) {
                inverse[j * d + k] -= c * inverse[j * d + slot];
            }
        }
    }

    /** inverse = basis^-1 by Gauss-Jordan with partial pivoting; false if singular. */
    private boolean invertBasis() {
        double[] a = elimination;
        System.arraycopy(basis, 0, a, 0, d * d);
        for (int i = 0; i < d * d; i++) {
            inverse[i] = 0;
        }
        for (int i = 0; i < d; i++) {
            inverse[i * d + i] = 1;
        }
        for (int col = 0; col < d; col++) {
            int p = col;
            double best = Math.abs(a[col * d + col]);
            for (int r = col + 1; r < d; r++) {
                double v = Math.abs(a[r * d + col]);
                if (v > best) {
                    best = v;
                    p = r;
                }
            }
            if (best < 1e-14) {
                return false;
            }
            if (p != col) {
                swapRows(a, p, col);
                swapRows(inverse, p, col);
            }
            double piv = a[col * d + col];
            for (int j = 0; j < d; j++) {
                a[col * d + j] /= piv;
                inverse[col * d + j] /= piv;
            }
            for (int r = 0; r < d; r++) {
                if (r == col) {
                    continue;
                }
                double factor = a[r * d + col];
                if (factor != 0) {
                    for (int j = 0; j < d; j++) {
                        a[r * d + j] -= factor * a[col * d + j];
                        inverse[r * d + j] -= factor * inverse[col * d + j];
                    }
                }
            }
        }
        return true;
    }

    private void swapRows(double[] a, int r1, int r2) {
        for (int j = 0; j < d; j++) {
            double t = a[r1 * d + j];
            a[r1 * d + j] = a[r2 * d + j];
            a[r2 * d + j] = t;
        }
    }
}
