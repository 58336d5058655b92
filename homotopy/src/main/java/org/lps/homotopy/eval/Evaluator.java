package org.lps.homotopy.eval;

import java.util.Arrays;

/**
 * Runs a {@link CompiledSystem} at complex points. Complex vectors are interleaved {@code double[]}
 * ({@code re0, im0, re1, im1, ...}); the Jacobian is row-major, entry (i, v) at {@code 2 * (i * n + v)}.
 *
 * <p>Allocation-free: the workspace is allocated once, here. Not thread-safe: one evaluator per thread.
 */
public final class Evaluator {

    private final CompiledSystem p;
    private final double[] pow;
    /** Prefix products of a term: its coefficient times the factors before factor k. */
    private final double[] preRe;
    private final double[] preIm;

    Evaluator(CompiledSystem program) {
        this.p = program;
        this.pow = new double[2 * program.powerTableSize];
        preRe = new double[program.maxFactors];
        preIm = new double[program.maxFactors];
    }

    public CompiledSystem system() {
        return p;
    }

    /** f = F(x). */
    public void values(double[] x, double[] f) {
        powers(x);
        final int[] fs = p.factorStart, fp = p.factorPow;
        for (int i = 0; i < p.equations; i++) {
            double sr = 0, si = 0;
            for (int t = p.termStart[i]; t < p.termStart[i + 1]; t++) {
                double vr = p.coefRe[t], vi = p.coefIm[t];
                for (int k = fs[t]; k < fs[t + 1]; k++) {
                    double ar = pow[2 * fp[k]], ai = pow[2 * fp[k] + 1];
                    double nr = vr * ar - vi * ai;
                    vi = vr * ai + vi * ar;
                    vr = nr;
                }
                sr += vr;
                si += vi;
            }
            f[2 * i] = sr;
            f[2 * i + 1] = si;
        }
    }

    /** f = F(x) and jac = dF/dx(x), in one pass. */
    public void valuesAndJacobian(double[] x, double[] f, double[] jac) {
        powers(x);
        final int n = p.variables;
        Arrays.fill(jac, 0, 2 * p.equations * n, 0.0);
        final int[] fs = p.factorStart, fp = p.factorPow, fpm = p.factorPowMinus1, fv = p.factorVar;
        final double[] fe = p.factorExp;
        for (int i = 0; i < p.equations; i++) {
            double sr = 0, si = 0;
            final int row = 2 * i * n;
            for (int t = p.termStart[i]; t < p.termStart[i + 1]; t++) {
                final int k0 = fs[t], m = fs[t + 1] - k0;
                // prefix products, starting from the coefficient
                double vr = p.coefRe[t], vi = p.coefIm[t];
                for (int j = 0; j < m; j++) {
                    preRe[j] = vr;
                    preIm[j] = vi;
                    int a = 2 * fp[k0 + j];
                    double ar = pow[a], ai = pow[a + 1];
                    double nr = vr * ar - vi * ai;
                    vi = vr * ai + vi * ar;
                    vr = nr;
                }
                sr += vr;
                si += vi;
                // walk back with the suffix product: d/dx_{v_j} = e_j x^{e_j - 1} * prefix_j * suffix_j
                double ur = 1, ui = 0;
                for (int j = m - 1; j >= 0; j--) {
                    int k = k0 + j;
                    int d = 2 * fpm[k];
                    double e = fe[k];
                    double dr = e * pow[d], di = e * pow[d + 1];
                    // prefix * suffix
                    double qr = preRe[j] * ur - preIm[j] * ui;
                    double qi = preRe[j] * ui + preIm[j] * ur;
                    int c = row + 2 * fv[k];
                    jac[c] += qr * dr - qi * di;
                    jac[c + 1] += qr * di + qi * dr;
                    if (j > 0) {
                        int a = 2 * fp[k];
                        double ar = pow[a], ai = pow[a + 1];
                        double nr = ur * ar - ui * ai;
                        ui = ur * ai + ui * ar;
                        ur = nr;
                    }
                }
            }
            f[2 * i] = sr;
            f[2 * i + 1] = si;
        }
    }

    /** Fills the power table: x_v^0 = 1, x_v^e = x_v^{e-1} * x_v. */
    private void powers(double[] x) {
        for (int v = 0; v < p.variables; v++) {
            int o = 2 * p.powerOffset[v];
            double xr = x[2 * v], xi = x[2 * v + 1];
            double r = 1, im = 0;
            pow[o] = 1;
            pow[o + 1] = 0;
            for (int e = 1; e <= p.maxExponent[v]; e++) {
                double nr = r * xr - im * xi;
                im = r * xi + im * xr;
                r = nr;
                pow[o + 2 * e] = r;
                pow[o + 2 * e + 1] = im;
            }
        }
    }
}
