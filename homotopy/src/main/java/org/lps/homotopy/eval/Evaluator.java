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
        this.mono = new double[2 * program.monoLeft.length];
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

    /**
     * f = F(x) and jac = dF/dx(x) for the system's monomials with coefficients given now instead of at compile
     * time: {@code c} holds one complex coefficient per term (interleaved, numbered as in
     * {@link CompiledSystem#termCount()}), replacing the compiled ones. This is how a coefficient-parameter
     * homotopy evaluates: the coefficients move with the path parameter, the monomials are shared.
     */
    public void valuesAndJacobian(double[] x, double[] c, double[] f, double[] jac) {
        monomials(x);
        runtimeSum(p.valStart, p.valMono, p.valTerm, c, f);
        runtimeSum(p.jacStart, p.jacMono, p.jacTerm, p.jacExponent, c, jac);
    }

    /** f = F(x) with run-time coefficients (see {@link #valuesAndJacobian(double[], double[], double[], double[])}). */
    public void values(double[] x, double[] c, double[] f) {
        monomials(x);
        runtimeSum(p.valStart, p.valMono, p.valTerm, c, f);
    }

    /**
     * f = the values at the point of the last evaluation with other run-time coefficients {@code c}: the monomial
     * table is reused, so a second coefficient vector (a derivative in the path parameter) costs one sparse sum.
     */
    public void valuesAtLastPoint(double[] c, double[] f) {
        runtimeSum(p.valStart, p.valMono, p.valTerm, c, f);
    }

    /** Fills the monomial table in index order: 1, the variables, then m_k = m_left(k) * m_right(k). */
    private void monomials(double[] x) {
        final int[] left = p.monoLeft, right = p.monoRight;
        final double[] m = mono;
        final int n = p.variables;
        m[0] = 1;
        m[1] = 0;
        System.arraycopy(x, 0, m, 2, 2 * n);
        for (int k = n + 1; k < left.length; k++) {
            int a = 2 * left[k], b = 2 * right[k];
            double ar = m[a], ai = m[a + 1], br = m[b], bi = m[b + 1];
            m[2 * k] = ar * br - ai * bi;
            m[2 * k + 1] = ar * bi + ai * br;
        }
    }

    /**
     * out_r = sum over the row's entries of c[term] * monomial, the coefficients given at run time; two
     * accumulators as in {@link #sum(int[], int[], double[], double[])}.
     */
    private void runtimeSum(int[] start, int[] monoIndex, int[] term, double[] c, double[] out) {
        final double[] m = mono;
        final int rows = start.length - 1;
        for (int r = 0; r < rows; r++) {
            double sr = 0, si = 0, tr = 0, ti = 0;
            int k = start[r];
            final int end = start[r + 1];
            for (; k + 1 < end; k += 2) {
                int a = 2 * monoIndex[k], b = 2 * monoIndex[k + 1], p = 2 * term[k], q = 2 * term[k + 1];
                double cr = c[p], ci = c[p + 1], mr = m[a], mi = m[a + 1];
                double dr = c[q], di = c[q + 1], nr = m[b], ni = m[b + 1];
                sr += cr * mr - ci * mi;
                si += cr * mi + ci * mr;
                tr += dr * nr - di * ni;
                ti += dr * ni + di * nr;
            }
            if (k < end) {
                int a = 2 * monoIndex[k], p = 2 * term[k];
                double cr = c[p], ci = c[p + 1], mr = m[a], mi = m[a + 1];
                sr += cr * mr - ci * mi;
                si += cr * mi + ci * mr;
            }
            out[2 * r] = sr + tr;
            out[2 * r + 1] = si + ti;
        }
    }

    /** out_r = sum over the row's entries of factor * c[term] * monomial (Jacobian rows: factor = exponent). */
    private void runtimeSum(int[] start, int[] monoIndex, int[] term, double[] factor, double[] c, double[] out) {
        final double[] m = mono;
        final int rows = start.length - 1;
        for (int r = 0; r < rows; r++) {
            double sr = 0, si = 0, tr = 0, ti = 0;
            int k = start[r];
            final int end = start[r + 1];
            for (; k + 1 < end; k += 2) {
                int a = 2 * monoIndex[k], b = 2 * monoIndex[k + 1], p = 2 * term[k], q = 2 * term[k + 1];
                double e = factor[k], f = factor[k + 1];
                double cr = e * c[p], ci = e * c[p + 1], mr = m[a], mi = m[a + 1];
                double dr = f * c[q], di = f * c[q + 1], nr = m[b], ni = m[b + 1];
                sr += cr * mr - ci * mi;
                si += cr * mi + ci * mr;
                tr += dr * nr - di * ni;
                ti += dr * ni + di * nr;
            }
            if (k < end) {
                int a = 2 * monoIndex[k], p = 2 * term[k];
                double e = factor[k];
                double cr = e * c[p], ci = e * c[p + 1], mr = m[a], mi = m[a + 1];
                sr += cr * mr - ci * mi;
                si += cr * mi + ci * mr;
            }
            out[2 * r] = sr + tr;
            out[2 * r + 1] = si + ti;
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
