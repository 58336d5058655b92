package org.lps.homotopy.start;

/**
 * The total-degree start system x_i^(d_i) - c_i = 0 (homogenized: x_i^(d_i) - c_i x_0^(d_i)) with random
 * unit constants c_i = exp(i phi_i); its d_1 * ... * d_n solutions combine the d_i-th roots of the c_i. By
 * Bezout's theorem it has at least as many solutions as any system with these degrees has isolated ones.
 *
 * <p>Why not c_i = 1 as usual: then every start solution is made of roots of unity, and a target that vanishes
 * at one of them (x = 1 is a favourite of test systems) shares that point with the start system, so one path
 * sits still at it for the whole homotopy, a non-generic situation the random gamma cannot remove.
 */
public final class TotalDegreeStart implements StartSystem {

    private final int[] degrees;
    private final double[] phase;
    private final double[] cRe, cIm;
    private final long count;

    /** With c_i = 1: the classical start system (roots of unity). */
    public TotalDegreeStart(int[] degrees) {
        this(degrees, new double[degrees.length]);
    }

    /** With random phases for the constants, drawn from {@code random}. */
    public TotalDegreeStart(int[] degrees, java.util.SplittableRandom random) {
        this(degrees, randomPhases(degrees.length, random));
    }

    private static double[] randomPhases(int n, java.util.SplittableRandom random) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 2 * Math.PI * random.nextDouble();
        }
        return p;
    }

    private TotalDegreeStart(int[] degrees, double[] phase) {
        this.degrees = degrees.clone();
        this.phase = phase;
        this.cRe = new double[degrees.length];
        this.cIm = new double[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            cRe[i] = Math.cos(phase[i]);
            cIm[i] = Math.sin(phase[i]);
        }
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

    /** Solution k in mixed radix: its digit k_i (base d_i) picks the root exp(i (phi_i + 2 pi k_i) / d_i) for x_i. */
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
            double angle = (phase[i] + 2 * Math.PI * digit) / d;
            x[2 * i] = Math.cos(angle);
            x[2 * i + 1] = Math.sin(angle);
        }
    }

    @Override
    public Evaluation evaluation() {
        return new Evaluation() {
            @Override
            public void values(double[] z, double[] g) {
                evaluate(z, g, 0, 0, null);
            }

            @Override
            public void valuesAndJacobian(double[] z, double[] g, double alphaRe, double alphaIm, double[] jac) {
                evaluate(z, g, alphaRe, alphaIm, jac);
            }
        };
    }

    /** g_i = x_i^d - c_i x_0^d and, unless jac is null, jac += alpha * dg/dz (two entries per row). */
    private void evaluate(double[] z, double[] g, double ar, double ai, double[] jac) {
        final int n = degrees.length;
        final int cols = n + 1;
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
            // c * x0^(d-1)
            double cr = cRe[i], ci = cIm[i];
            double tr = cr * qr - ci * qi, ti = cr * qi + ci * qr;
            g[2 * i] = (pr * xr - pi * xi) - (tr * hr - ti * hi);
            g[2 * i + 1] = (pr * xi + pi * xr) - (tr * hi + ti * hr);
            if (jac != null) {
                int row = 2 * i * cols;
                // d/dx_i = d x^(d-1), d/dx_0 = -d c x0^(d-1), each times alpha
                jac[row + 2 * i] += d * (ar * pr - ai * pi);
                jac[row + 2 * i + 1] += d * (ar * pi + ai * pr);
                jac[row + 2 * n] -= d * (ar * tr - ai * ti);
                jac[row + 2 * n + 1] -= d * (ar * ti + ai * tr);
            }
        }
    }
}
