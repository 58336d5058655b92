package org.lps.homotopy.eval;

/**
 * Runs a {@link CompiledSystem} at complex points. Complex vectors are interleaved {@code double[]}
 * ({@code re0, im0, re1, im1, ...}); the Jacobian is row-major, entry (i, v) at {@code 2 * (i * n + v)}.
 *
 * <p>Allocation-free: the workspace (the monomial values) is allocated once, here. Not thread-safe: one
 * evaluator per thread.
 */
public final class Evaluator {

    private final CompiledSystem p;
    private final double[] mono;

    Evaluator(CompiledSystem program) {
        this.p = program;
        this.mono = new double[2 * program.monoParent.length];
    }

    public CompiledSystem system() {
        return p;
    }

    /** f = F(x). */
    public void values(double[] x, double[] f) {
        monomials(x);
        sum(p.valStart, p.valMono, p.valCoef, f);
    }

    /** f = F(x) and jac = dF/dx(x), in one pass. */
    public void valuesAndJacobian(double[] x, double[] f, double[] jac) {
        monomials(x);
        sum(p.valStart, p.valMono, p.valCoef, f);
        sum(p.jacStart, p.jacMono, p.jacCoef, jac);
    }

    /** Fills the monomial table, parents first: m_k = m_parent(k) * x_var(k). */
    private void monomials(double[] x) {
        final int[] parent = p.monoParent, var = p.monoVar;
        final double[] m = mono;
        m[0] = 1;
        m[1] = 0;
        for (int k = 1; k < parent.length; k++) {
            int a = 2 * parent[k], b = 2 * var[k];
            double ar = m[a], ai = m[a + 1], br = x[b], bi = x[b + 1];
            m[2 * k] = ar * br - ai * bi;
            m[2 * k + 1] = ar * bi + ai * br;
        }
    }

    /**
     * out_r = sum over the row's entries of coefficient * monomial (compressed rows). Two interleaved
     * accumulators break the floating-point add dependency chain, which otherwise bounds long rows; the
     * summation order is fixed at compile time, so results are reproducible.
     */
    private void sum(int[] start, int[] monoIndex, double[] coef, double[] out) {
        final double[] m = mono;
        final int rows = start.length - 1;
        for (int r = 0; r < rows; r++) {
            double sr = 0, si = 0, tr = 0, ti = 0;
            int k = start[r];
            final int end = start[r + 1];
            for (; k + 1 < end; k += 2) {
                int a = 2 * monoIndex[k], b = 2 * monoIndex[k + 1];
                double cr = coef[2 * k], ci = coef[2 * k + 1], mr = m[a], mi = m[a + 1];
                double dr = coef[2 * k + 2], di = coef[2 * k + 3], nr = m[b], ni = m[b + 1];
                sr += cr * mr - ci * mi;
                si += cr * mi + ci * mr;
                tr += dr * nr - di * ni;
                ti += dr * ni + di * nr;
            }
            if (k < end) {
                int a = 2 * monoIndex[k];
                double cr = coef[2 * k], ci = coef[2 * k + 1], mr = m[a], mi = m[a + 1];
                sr += cr * mr - ci * mi;
                si += cr * mi + ci * mr;
            }
            out[2 * r] = sr + tr;
            out[2 * r + 1] = si + ti;
        }
    }
}
