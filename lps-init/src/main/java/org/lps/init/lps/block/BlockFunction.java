package org.lps.init.lps.block;

/**
 * J(theta) and grad J(theta) at real points, evaluated straight from the formulas of {@link LpsBlockSystem} (the
 * quadrature sum for E[B^2], the moment sum for E[B g]) rather than from the expanded polynomial: the random-start
 * local searches run it millions of times, and tests use it as an independent check of the polynomial system.
 * Not thread-safe (scratch arrays); {@link BlockProblem#function()} hands out a new one per caller.
 */
public final class BlockFunction {

    private final int k;
    private final double[] a;
    private final double[] t;
    private final double[] omega;
    private final double[] mu;
    private final double targetSquare;
    private final double lambda;
    /** B(t_q) at the current point. */
    private final double[] block;
    /** p(u_qj) and p'(u_qj), u_qj = w_j t_q + b_j, at [q * k + j]. */
    private final double[] p;
    private final double[] dp;
    /** D_i(b) for the cross term, and its results h, dh/dw, dh/db. */
    private final double[] taylor;
    private double h;
    private double hw;
    private double hb;

    BlockFunction(int k, double[] a, double[] nodes, double[] weights, double[] mu, double targetSquare, double lambda) {
        this.k = k;
        this.a = a.clone();
        this.t = nodes.clone();
        this.omega = weights.clone();
        this.mu = mu.clone();
        this.targetSquare = targetSquare;
        this.lambda = lambda;
        this.block = new double[t.length];
        this.p = new double[t.length * k];
        this.dp = new double[t.length * k];
        this.taylor = new double[a.length + 1];
    }

    public int unknowns() {
        return 3 * k + 1;
    }

    public double value(double[] theta) {
        return evaluate(theta, null);
    }

    /** J(theta); fills {@code grad} with grad J when it is not null. */
    public double evaluate(double[] theta, double[] grad) {
        int nq = t.length;
        double c = theta[LpsBlockSystem.c(k)];
        for (int q = 0; q < nq; q++) {
            double s = c;
            for (int j = 0; j < k; j++) {
                double u = theta[LpsBlockSystem.w(j)] * t[q] + theta[LpsBlockSystem.b(j)];
                double pv = 0;
                double dv = 0;
                for (int m = a.length - 1; m >= 0; m--) {
                    dv = dv * u + pv;
                    pv = pv * u + a[m];
                }
                p[q * k + j] = pv;
                dp[q * k + j] = dv;
                s += theta[LpsBlockSystem.v(j)] * pv;
            }
            block[q] = s;
        }
        double j2 = 0;
        for (int q = 0; q < nq; q++) {
            j2 += omega[q] * block[q] * block[q];
        }
        double cross = c * mu[0];
        double ridge = 0;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
        }
        for (int j = 0; j < k; j++) {
            double w = theta[LpsBlockSystem.w(j)];
            double b = theta[LpsBlockSystem.b(j)];
            double v = theta[LpsBlockSystem.v(j)];
            crossTerm(w, b);
            cross += v * h;
            ridge += w * w + b * b + v * v;
            if (grad != null) {
                double gw = 0;
                double gb = 0;
                double gv = 0;
                for (int q = 0; q < nq; q++) {
                    double r = 2 * omega[q] * block[q];
                    gw += r * v * dp[q * k + j] * t[q];
                    gb += r * v * dp[q * k + j];
                    gv += r * p[q * k + j];
                }
                grad[LpsBlockSystem.w(j)] = gw - 2 * v * hw + 2 * lambda * w;
                grad[LpsBlockSystem.b(j)] = gb - 2 * v * hb + 2 * lambda * b;
                grad[LpsBlockSystem.v(j)] = gv - 2 * h + 2 * lambda * v;
            }
        }
        if (grad != null) {
            double gc = 0;
            for (int q = 0; q < nq; q++) {
                gc += 2 * omega[q] * block[q];
            }
            grad[LpsBlockSystem.c(k)] = gc - 2 * mu[0];
        }
        return j2 - 2 * cross + targetSquare + lambda * ridge;
    }

    /**
     * h(w, b) = E[p(w t + b) g(t)] = sum_i mu_i w^i D_i(b) with D_i(b) = p^(i)(b) / i!, and its partial derivatives
     * dh/dw = sum_i i mu_i w^(i-1) D_i(b), dh/db = sum_i mu_i w^i (i + 1) D_(i+1)(b).
     */
    private void crossTerm(double w, double b) {
        int d = a.length - 1;
        double[] dd = taylor;
        dd[d + 1] = 0;
        for (int i = 0; i <= d; i++) {
            double s = 0;
            for (int m = d; m >= i; m--) {
                s = s * b + a[m] * binomial(m, i);
            }
            dd[i] = s;
        }
        h = 0;
        hw = 0;
        hb = 0;
        double wi = 1;
        for (int i = 0; i <= d; i++) {
            h += mu[i] * wi * dd[i];
            hb += mu[i] * wi * (i + 1) * dd[i + 1];
            if (i + 1 <= d) {
                hw += (i + 1) * mu[i + 1] * wi * dd[i + 1];
            }
            wi *= w;
        }
    }

    private static double binomial(int n, int r) {
        double x = 1;
        for (int i = 1; i <= r; i++) {
            x = x * (n - r + i) / i;
        }
        return x;
    }
}
