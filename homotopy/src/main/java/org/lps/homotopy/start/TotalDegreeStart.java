package org.lps.homotopy.start;

import java.util.Arrays;

/**
 * The total-degree start system x_i^(d_i) - 1 = 0 (homogenized: x_i^(d_i) - x_0^(d_i)), whose d_1 * ... * d_n
 * solutions are all combinations of roots of unity. By Bezout's theorem it has at least as many solutions as
 * any system with these degrees has isolated ones; the random gamma of the homotopy makes the paths generic.
 */
public final class TotalDegreeStart implements StartSystem {

    private final int[] degrees;
    private final long count;

    public TotalDegreeStart(int[] degrees) {
        this.degrees = degrees.clone();
        long c = 1;
        for (int i = 0; i < degrees.length; i++) {
            if (degrees[i] < 1) {
                throw new IllegalArgumentException("equation " + (i + 1) + " is constant: nothing to solve");
            }
            c = Math.multiplyExact(c, degrees[i]);
        }
        this.count = c;
    }

    @Override
    public String name() {
        return "total-degree";
    }

    @Override
    public int variableCount() {
        return degrees.length;
    }

    @Override
    public int degree(int equation) {
        return degrees[equation];
    }

    public int[] degrees() {
        return degrees.clone();
    }

    @Override
    public long solutionCount() {
        return count;
    }

    /** Solution k in mixed radix: its digit k_i (base d_i) picks the root exp(2 pi i k_i / d_i) for x_i. */
    @Override
    public void solution(long k, double[] x) {
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("start solution " + k + " of " + count);
        }
        long rest = k;
        for (int i = 0; i < degrees.length; i++) {
            int d = degrees[i];
            int digit = (int) (rest % d);
            rest /= d;
            double angle = 2 * Math.PI * digit / d;
            x[2 * i] = Math.cos(angle);
            x[2 * i + 1] = Math.sin(angle);
        }
    }

    @Override
    public Evaluation evaluation() {
        return this::evaluate;
    }

    private void evaluate(double[] z, double[] g, double[] jac) {
        final int n = degrees.length;
        final int cols = n + 1;
        Arrays.fill(jac, 0, 2 * n * cols, 0.0);
        double hr = z[2 * n], hi = z[2 * n + 1];
        for (int i = 0; i < n; i++) {
            int d = degrees[i];
            double xr = z[2 * i], xi = z[2 * i + 1];
            // x^(d-1) and x0^(d-1) by repeated multiplication (degrees are small)
            double pr = 1, pi = 0, qr = 1, qi = 0;
            for (int k = 1; k < d; k++) {
                double t = pr * xr - pi * xi;
                pi = pr * xi + pi * xr;
                pr = t;
                t = qr * hr - qi * hi;
                qi = qr * hi + qi * hr;
                qr = t;
            }
            g[2 * i] = (pr * xr - pi * xi) - (qr * hr - qi * hi);
            g[2 * i + 1] = (pr * xi + pi * xr) - (qr * hi + qi * hr);
            int row = 2 * i * cols;
            jac[row + 2 * i] = d * pr;
            jac[row + 2 * i + 1] = d * pi;
            jac[row + 2 * n] = -d * qr;
            jac[row + 2 * n + 1] = -d * qi;
        }
    }
}
