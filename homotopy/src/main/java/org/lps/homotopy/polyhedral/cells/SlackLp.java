package org.lps.homotopy.polyhedral.cells;

import java.util.Arrays;

/**
 * The linear program behind every test of the mixed-cell search: is there an inner normal alpha in R^n for
 * which some lifted points are the lowest of their supports? As a question about alpha:
 * <pre>
 *   g_r . alpha - h_r &gt; 0      for the inequality rows r       (the other points lie strictly above)
 *   e_q . alpha = f_q            for the equality rows q         (the chosen points lie at the same height)
 * </pre>
 * It is answered by maximizing the smallest slack t over (alpha, t), capped at t &lt;= cap so that there is
 * always an optimal vertex: the strict system has a solution iff the optimum is positive.
 *
 * <p><b>Method.</b> The simplex method in inequality form on x = (alpha, t) in R^(n+1), rows a . x &lt;= b
 * (a = (-g, 1), b = -h for the slack rows, a = (0, 1), b = cap for the cap), with the inverse of the
 * (n+1) x (n+1) matrix of active rows kept up to date (one rank-one update per pivot).
 * <ul>
 * <li>{@link #maximize()} from scratch: any alpha solving the equations and t = the smallest slack there is
 * feasible. A crash phase moves to a vertex (along the objective, or a coordinate direction once the objective
 * is exhausted, projected onto the complement of the active rows, until a row blocks); a direction no row
 * ever blocks lies in the feasible set's lineality space and is pinned by a "direction row" that is no
 * constraint at all. Then primal pivots with Bland's rule.</li>
 * <li>{@link #reoptimize(double)} from a saved optimum after rows were added: the old basis is still dual feasible,
 * so the dual simplex method restores primal feasibility, first bringing each new equation into the basis.
 * A child of a search node differs from it by one edge (an equation and a few inequalities), so this takes a
 * couple of pivots instead of a full solve: this is what makes the search fast.</li>
 * </ul>
 * The problems are tiny and dense (n+1 unknowns, a few dozen rows) and there are many thousands of them, so
 * everything lives in preallocated primitive arrays: a solve allocates nothing (rows grow by doubling).
 *
 * <p>Rows are kept as a stack ({@link #mark()}, {@link #truncate(long)}) and optima as a stack of saved states
 * ({@link #save(int)}, {@link #restore(int)}), so a depth-first search adds the rows of each choice on the way
 * down and drops them on the way back. Not thread-safe: one per thread.
 */
final class SlackLp {

    /** Returned when the equations are linearly dependent (see {@link #solveEquations()}). */
    static final double DEPENDENT = Double.NEGATIVE_INFINITY;

    private static final int INEQUALITY = 0;
    private static final int EQUALITY = 1;
    private static final int DIRECTION = 2;
    private static final int MAX_ITERATIONS = 500;

    private final int n;
    private final int d;
    private final double cap;

    // inequality rows as (n+1)-vectors a (row-major) and bounds b; row 0 is the cap t <= cap
    private double[] a;
    private double[] b;
    private boolean[] active;
    private int rows;
    // equations e . alpha = f (n per row)
    private final double[] e;
    private final double[] f;
    private int equations;

    // the current vertex: x, the active rows (slot -> row id or equation id), their inverse
    private final double[] x;
    private final int[] basisId;
    private final int[] basisType;
    private final double[] inverse;     // inverse of the active matrix, row-major d x d (column k <-> slot k)
    private int basisSize;

    // saved optima, by search depth
    private double[][] savedX = new double[0][];
    private double[][] savedInverse = new double[0][];
    private int[][] savedId = new int[0][];
    private int[][] savedType = new int[0][];

    // workspace
    private final double[] u;
    private final double[] rho;
    private final double[] row;
    private final double[] q;           // orthonormal basis of the active rows during the crash
    private final double[] matrix;      // the active rows, for a fresh inversion
    private final double[] elimination;
    private final int[] pivotColumn;
    private double scale;
    private int iterations;
    private boolean optimal;

    /** A program in n unknowns alpha with t capped at {@code cap} (&gt; 0). */
    SlackLp(int n, double cap) {
        this.n = n;
        this.d = n + 1;
        this.cap = cap;
        this.a = new double[16 * d];
        this.b = new double[16];
        this.active = new boolean[16];
        this.e = new double[Math.max(1, n * n)];
        this.f = new double[Math.max(1, n)];
        this.x = new double[d];
        this.basisId = new int[d];
        this.basisType = new int[d];
        this.inverse = new double[d * d];
        this.u = new double[d];
        this.rho = new double[d];
        this.row = new double[d];
        this.q = new double[d * d];
        this.matrix = new double[d * d];
        this.elimination = new double[Math.max(d * d, n * (n + 1))];
        this.pivotColumn = new int[d];
        clear();
    }

    /** Drops every row but the cap. */
    void clear() {
        rows = 0;
        equations = 0;
        Arrays.fill(a, 0, d, 0);
        a[n] = 1;
        b[0] = cap;
        rows = 1;
    }

    /** Adds the row (c - p) . alpha + wc - wp &gt; 0 for integer points c, p with heights wc, wp. */
    void addInequality(int[] c, int[] p, double wc, double wp) {
        if (rows == b.length) {
            int capacity = 2 * rows;
            a = Arrays.copyOf(a, capacity * d);
            b = Arrays.copyOf(b, capacity);
            active = Arrays.copyOf(active, capacity);
        }
        int o = rows * d;
        for (int j = 0; j < n; j++) {
            a[o + j] = p[j] - c[j];
        }
        a[o + n] = 1;
        b[rows] = wc - wp;
        active[rows] = false;
        rows++;
    }

    /** Adds the equation (q - p) . alpha = wp - wq: the lifted points p and q at the same height. */
    void addEquation(int[] qPoint, int[] p, double wq, double wp) {
        if (equations == n) {
            throw new IllegalStateException("more than " + n + " equations");
        }
        int o = equations * n;
        for (int j = 0; j < n; j++) {
            e[o + j] = qPoint[j] - p[j];
        }
        f[equations++] = wp - wq;
    }

    /** The current stack height, for {@link #truncate(long)}. */
    long mark() {
        return ((long) rows << 32) | equations;
    }

    /** Drops every row added after {@code mark}. */
    void truncate(long mark) {
        rows = (int) (mark >>> 32);
        equations = (int) mark;
    }

    /** Whether the last solve ended at an optimal vertex (one that can be saved and warm-started from). */
    boolean hasOptimum() {
        return optimal;
    }

    /** Simplex iterations (crash moves and pivots) of the last solve. */
    int iterations() {
        return iterations;
    }

    /** Saves the current optimum in slot {@code depth}. */
    void save(int depth) {
        if (depth >= savedX.length) {
            int len = Math.max(depth + 1, 2 * savedX.length);
            savedX = Arrays.copyOf(savedX, len);
            savedInverse = Arrays.copyOf(savedInverse, len);
            savedId = Arrays.copyOf(savedId, len);
            savedType = Arrays.copyOf(savedType, len);
        }
        if (savedX[depth] == null) {
            savedX[depth] = new double[d];
            savedInverse[depth] = new double[d * d];
            savedId[depth] = new int[d];
            savedType[depth] = new int[d];
        }
        System.arraycopy(x, 0, savedX[depth], 0, d);
        System.arraycopy(inverse, 0, savedInverse[depth], 0, d * d);
        System.arraycopy(basisId, 0, savedId[depth], 0, d);
        System.arraycopy(basisType, 0, savedType[depth], 0, d);
    }

    /** Back to the optimum saved in slot {@code depth} (rows added since stay; see {@link #reoptimize(double)}). */
    void restore(int depth) {
        System.arraycopy(savedX[depth], 0, x, 0, d);
        System.arraycopy(savedInverse[depth], 0, inverse, 0, d * d);
        System.arraycopy(savedId[depth], 0, basisId, 0, d);
        System.arraycopy(savedType[depth], 0, basisType, 0, d);
        basisSize = d;
        Arrays.fill(active, 0, rows, false);
        for (int k = 0; k < d; k++) {
            if (basisType[k] == INEQUALITY) {
                active[basisId[k]] = true;
            }
        }
    }

    /**
     * The largest t &lt;= cap for which g_r . alpha - h_r &gt;= t on every inequality row and the equations
     * hold, from scratch; {@link #DEPENDENT} if the equations are linearly dependent; NaN if the iteration
     * limit was reached (a caller must read it as "don't know").
     */
    double maximize() {
        iterations = 0;
        optimal = false;
        updateScale();
        if (!solveEquations()) {
            return DEPENDENT;
        }
        double t = cap;
        for (int r = 1; r < rows; r++) {
            t = Math.min(t, b[r] - dotAlpha(r));
        }
        x[n] = t;
        Arrays.fill(active, 0, rows, false);
        crash();
        if (!invert()) {
            return Double.NaN;
        }
        return primal();
    }

    /**
     * The optimum after rows were added to a restored optimum ({@link #restore(int)}), by the dual simplex
     * method; same return values as {@link #maximize()}, except that it stops early, with a value at most
     * {@code stopBelow}, as soon as the optimum is known to be at most that.
     */
    double reoptimize(double stopBelow) {
        iterations = 0;
        optimal = false;
        updateScale();
        // equations not yet in the basis enter first, and never leave
        for (int k = 0; k < equations; k++) {
            if (!inBasis(EQUALITY, k)) {
                for (int j = 0; j < n; j++) {
                    row[j] = e[k * n + j];
                }
                row[n] = 0;
                double residual = dot(row, x) - f[k];
                if (residual < 0) {
                    for (int j = 0; j <= n; j++) {
                        row[j] = -row[j];
                    }
                    residual = -residual;
                }
                if (!dualPivot(residual, EQUALITY, k)) {
                    if (residual != 0) {
                        return DEPENDENT;
                    }
                    // satisfied already: either sign of the row may enter
                    for (int j = 0; j <= n; j++) {
                        row[j] = -row[j];
                    }
                    if (!dualPivot(0, EQUALITY, k)) {
                        return DEPENDENT;
                    }
                }
            }
        }
        double tolerance = 1e-12 * scale;
        boolean bounding = !hasDirectionRows();
        while (true) {
            if (++iterations > MAX_ITERATIONS) {
                return Double.NaN;
            }
            if (bounding && x[n] <= stopBelow) {
                // the basis is dual feasible, so t here bounds the optimum from above: the answer is known
                return x[n];
            }
            int worst = -1;
            double worstViolation = tolerance;
            for (int r = 0; r < rows; r++) {
                if (!active[r]) {
                    double v = dotRow(r, x) - b[r];
                    if (v > worstViolation) {
                        worstViolation = v;
                        worst = r;
                    }
                }
            }
            if (worst < 0) {
                // primal feasible; the multipliers of inequality rows stayed >= 0, but a direction row that
                // new rows made a real choice may carry one: finish with primal pivots
                return primal();
            }
            System.arraycopy(a, worst * d, row, 0, d);
            if (!dualPivot(worstViolation, INEQUALITY, worst)) {
                return Double.NaN;   // cannot happen for a feasible program; rounding
            }
        }
    }

    private boolean hasDirectionRows() {
        for (int k = 0; k < d; k++) {
            if (basisType[k] == DIRECTION) {
                return true;
            }
        }
        return false;
    }

    private boolean inBasis(int type, int id) {
        for (int k = 0; k < d; k++) {
            if (basisType[k] == type && basisId[k] == id) {
                return true;
            }
        }
        return false;
    }

    /**
     * Brings the row in {@link #row} (violated by {@code violation} &gt;= 0) into the basis: the leaving slot
     * minimizes lambda_w / rho_w over rows whose release lowers the violation (direction rows, which are no
     * constraints, first), which keeps every multiplier non-negative.
     */
    private boolean dualPivot(double violation, int type, int id) {
        for (int k = 0; k < d; k++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += row[j] * inverse[j * d + k];
            }
            rho[k] = s;
        }
        double rhoScale = 0;
        for (int k = 0; k < d; k++) {
            rhoScale = Math.max(rhoScale, Math.abs(rho[k]));
        }
        double tiny = 1e-11 * Math.max(1, rhoScale);
        int leave = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < d; k++) {
            if (basisType[k] == EQUALITY) {
                continue;
            }
            double ratio;
            if (basisType[k] == DIRECTION) {
                if (Math.abs(rho[k]) <= tiny) {
                    continue;
                }
                ratio = -1;
            } else {
                if (rho[k] <= tiny) {
                    continue;
                }
                ratio = Math.max(0, inverse[n * d + k]) / rho[k];
            }
            if (ratio < best) {
                best = ratio;
                leave = k;
            }
        }
        if (leave < 0) {
            return false;
        }
        if (rho[leave] < 0) {
            // a direction row's sign is arbitrary: flip it so that releasing it lowers the violation
            for (int j = 0; j < d; j++) {
                inverse[j * d + leave] = -inverse[j * d + leave];
            }
            rho[leave] = -rho[leave];
        }
        double step = violation / rho[leave];
        for (int j = 0; j < d; j++) {
            x[j] -= step * inverse[j * d + leave];
        }
        replace(leave, type, id);
        return true;
    }

    /** Puts the row in {@link #row} (with rho = row . inverse columns) into slot {@code slot} of the basis. */
    private void replace(int slot, int type, int id) {
        if (basisType[slot] == INEQUALITY) {
            active[basisId[slot]] = false;
        }
        basisType[slot] = type;
        basisId[slot] = id;
        if (type == INEQUALITY) {
            active[id] = true;
        }
        double pivot = rho[slot];
        for (int j = 0; j < d; j++) {
            inverse[j * d + slot] /= pivot;
        }
        for (int k = 0; k < d; k++) {
            double c = rho[k];
            if (k != slot && c != 0) {
                for (int j = 0; j < d; j++) {
                    inverse[j * d + k] -= c * inverse[j * d + slot];
                }
            }
        }
    }

    // ------------------------------------------------------------------ from scratch

    private void updateScale() {
        scale = 1;
        for (int r = 0; r < rows; r++) {
            scale = Math.max(scale, Math.abs(b[r]));
        }
        for (int k = 0; k < equations; k++) {
            scale = Math.max(scale, Math.abs(f[k]));
        }
    }

    /**
     * alpha solving the equations (free unknowns zero) by Gaussian elimination with partial pivoting; false if
     * they are linearly dependent: edges of a mixed cell have independent directions, so dependent equations
     * end the search there whether or not they happen to be consistent.
     */
    private boolean solveEquations() {
        Arrays.fill(x, 0);
        int m = equations;
        int w = n + 1;
        double[] t = elimination;
        for (int k = 0; k < m; k++) {
            System.arraycopy(e, k * n, t, k * w, n);
            t[k * w + n] = f[k];
        }
        int rank = 0;
        for (int col = 0; col < n && rank < m; col++) {
            int best = -1;
            double bestAbs = 1e-12;
            for (int r = rank; r < m; r++) {
                double v = Math.abs(t[r * w + col]);
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
                    double tmp = t[best * w + j];
                    t[best * w + j] = t[rank * w + j];
                    t[rank * w + j] = tmp;
                }
            }
            double p = t[rank * w + col];
            for (int r = 0; r < m; r++) {
                double factor = r == rank ? 0 : t[r * w + col] / p;
                if (factor != 0) {
                    for (int j = col; j < w; j++) {
                        t[r * w + j] -= factor * t[rank * w + j];
                    }
                }
            }
            pivotColumn[rank++] = col;
        }
        if (rank < m) {
            return false;
        }
        for (int r = 0; r < rank; r++) {
            x[pivotColumn[r]] = t[r * w + n] / t[r * w + pivotColumn[r]];
        }
        return true;
    }

    /** Moves x to a vertex without lowering t: n+1 independent active rows (equations, rows, directions). */
    private void crash() {
        basisSize = 0;
        for (int k = 0; k < equations; k++) {
            for (int j = 0; j < n; j++) {
                u[j] = e[k * n + j];
            }
            u[n] = 0;
            orthogonalize(u, basisSize);
            addToBasis(EQUALITY, k);
        }
        while (basisSize < d) {
            iterations++;
            Arrays.fill(u, 0);
            u[n] = 1;   // the objective, t
            if (!orthogonalize(u, basisSize)) {
                coordinateDirection();
            }
            int blocker = ratioTest(u);
            if (blocker < 0) {
                for (int j = 0; j < d; j++) {
                    u[j] = -u[j];
                }
                blocker = ratioTest(u);
            }
            if (blocker < 0) {
                // no row ever blocks either way: a lineality direction of the feasible set, pinned
                System.arraycopy(u, 0, row, 0, d);
                addToBasis(DIRECTION, -1);
                continue;
            }
            double step = stepOf(blocker, u);
            for (int j = 0; j < d; j++) {
                x[j] += step * u[j];
            }
            System.arraycopy(a, blocker * d, u, 0, d);
            orthogonalize(u, basisSize);
            addToBasis(INEQUALITY, blocker);
        }
    }

    /** Appends to the basis the row of that type (a direction row is taken from {@link #row}); u = its residue. */
    private void addToBasis(int type, int id) {
        int k = basisSize++;
        basisType[k] = type;
        basisId[k] = id;
        int o = k * d;
        if (type == EQUALITY) {
            System.arraycopy(e, id * n, matrix, o, n);
            matrix[o + n] = 0;
        } else if (type == INEQUALITY) {
            System.arraycopy(a, id * d, matrix, o, d);
            active[id] = true;
        } else {
            System.arraycopy(row, 0, matrix, o, d);
        }
        double norm = Math.sqrt(dot(u, u));
        for (int j = 0; j < d; j++) {
            q[o + j] = u[j] / norm;
        }
    }

    /** Makes v orthogonal to the first {@code count} rows of q (twice: Gram-Schmidt); true if a part is left. */
    private boolean orthogonalize(double[] v, int count) {
        double before = Math.sqrt(dot(v, v));
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < count; k++) {
                int o = k * d;
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += q[o + j] * v[j];
                }
                for (int j = 0; j < d; j++) {
                    v[j] -= s * q[o + j];
                }
            }
        }
        return Math.sqrt(dot(v, v)) > 1e-9 * Math.max(1, before);
    }

    /** u = the coordinate direction with the largest part outside the active rows, that part. */
    private void coordinateDirection() {
        int bestJ = 0;
        double best = -1;
        for (int j = 0; j < d; j++) {
            double inSpan = 0;
            for (int k = 0; k < basisSize; k++) {
                inSpan += q[k * d + j] * q[k * d + j];
            }
            if (1 - inSpan > best) {
                best = 1 - inSpan;
                bestJ = j;
            }
        }
        Arrays.fill(u, 0);
        u[bestJ] = 1;
        orthogonalize(u, basisSize);
    }

    /** The first inactive row met moving along v (ties to the lowest index, Bland's rule), or -1. */
    private int ratioTest(double[] v) {
        double vNorm = Math.sqrt(dot(v, v));
        int best = -1;
        double bestStep = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            if (active[r]) {
                continue;
            }
            double rate = dotRow(r, v);
            if (rate <= 1e-12 * vNorm * rowNorm(r)) {
                continue;
            }
            double step = Math.max(0, b[r] - dotRow(r, x)) / rate;
            if (step < bestStep) {
                bestStep = step;
                best = r;
            }
        }
        return best;
    }

    private double stepOf(int r, double[] v) {
        return Math.max(0, b[r] - dotRow(r, x)) / dotRow(r, v);
    }

    /** inverse = (active rows)^-1 by Gauss-Jordan with partial pivoting; false if singular. */
    private boolean invert() {
        double[] m = elimination;
        System.arraycopy(matrix, 0, m, 0, d * d);
        Arrays.fill(inverse, 0);
        for (int i = 0; i < d; i++) {
            inverse[i * d + i] = 1;
        }
        for (int col = 0; col < d; col++) {
            int p = col;
            double best = Math.abs(m[col * d + col]);
            for (int r = col + 1; r < d; r++) {
                double v = Math.abs(m[r * d + col]);
                if (v > best) {
                    best = v;
                    p = r;
                }
            }
            if (best < 1e-14) {
                return false;
            }
            if (p != col) {
                swapRows(m, p, col);
                swapRows(inverse, p, col);
            }
            double piv = m[col * d + col];
            for (int j = 0; j < d; j++) {
                m[col * d + j] /= piv;
                inverse[col * d + j] /= piv;
            }
            for (int r = 0; r < d; r++) {
                double factor = r == col ? 0 : m[r * d + col];
                if (factor != 0) {
                    for (int j = 0; j < d; j++) {
                        m[r * d + j] -= factor * m[col * d + j];
                        inverse[r * d + j] -= factor * inverse[col * d + j];
                    }
                }
            }
        }
        // rows of the matrix were basis slots; Gauss-Jordan on [M | I] gave M^-1 with columns <-> slots
        return true;
    }

    private void swapRows(double[] m, int r1, int r2) {
        for (int j = 0; j < d; j++) {
            double t = m[r1 * d + j];
            m[r1 * d + j] = m[r2 * d + j];
            m[r2 * d + j] = t;
        }
    }

    /** Primal simplex pivots (Bland's rule) from the crash's vertex; returns the optimal t. */
    private double primal() {
        while (true) {
            if (++iterations > MAX_ITERATIONS) {
                return Double.NaN;
            }
            // multipliers of the objective e_t: lambda_k = inverse[n][k]
            double lambdaScale = 0;
            for (int k = 0; k < d; k++) {
                lambdaScale = Math.max(lambdaScale, Math.abs(inverse[n * d + k]));
            }
            double tol = 1e-11 * Math.max(1, lambdaScale);
            int leaving = -1;
            int leavingId = Integer.MAX_VALUE;
            for (int k = 0; k < d; k++) {
                double lambda = inverse[n * d + k];
                if (basisType[k] == DIRECTION && Math.abs(lambda) > tol) {
                    // not a constraint: any multiplier means t improves along it (flip it to point that way)
                    if (lambda > 0) {
                        for (int j = 0; j < d; j++) {
                            inverse[j * d + k] = -inverse[j * d + k];
                        }
                    }
                    leaving = k;
                    leavingId = -1;
                } else if (basisType[k] == INEQUALITY && lambda < -tol && basisId[k] < leavingId) {
                    leaving = k;
                    leavingId = basisId[k];
                }
            }
            if (leaving < 0) {
                optimal = true;
                return x[n];
            }
            for (int j = 0; j < d; j++) {
                u[j] = -inverse[j * d + leaving];
            }
            int entering = ratioTest(u);
            if (entering < 0) {
                return Double.NaN;   // unbounded: impossible with the cap row; rounding
            }
            double step = stepOf(entering, u);
            for (int j = 0; j < d; j++) {
                x[j] += step * u[j];
            }
            System.arraycopy(a, entering * d, row, 0, d);
            for (int k = 0; k < d; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += row[j] * inverse[j * d + k];
                }
                rho[k] = s;
            }
            replace(leaving, INEQUALITY, entering);
        }
    }

    // ------------------------------------------------------------------ small helpers

    private double dotRow(int r, double[] v) {
        int o = r * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += a[o + j] * v[j];
        }
        return s;
    }

    /** The alpha part of row r times alpha (row r then reads: t &lt;= b_r - this). */
    private double dotAlpha(int r) {
        int o = r * d;
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += a[o + j] * x[j];
        }
        return s;
    }

    private double rowNorm(int r) {
        int o = r * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += a[o + j] * a[o + j];
        }
        return Math.sqrt(s);
    }

    private static double dot(double[] p, double[] v) {
        double s = 0;
        for (int j = 0; j < p.length; j++) {
            s += p[j] * v[j];
        }
        return s;
    }
}
