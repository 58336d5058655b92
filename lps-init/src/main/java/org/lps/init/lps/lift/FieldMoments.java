package org.lps.init.lps.lift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.SobolSequenceGenerator;
import org.hipparchus.special.Erf;

/**
 * Moments of y = pools(act(z)) for a stationary Gaussian field z (mean mu, standard deviation s, correlation rho):
 * E[y], E[y^2] and E[y(0) y(lag)] for the requested output lags. Max pooling of an activation is a maximum of
 * correlated Gaussians pushed through a nonlinearity, with no closed form worth having; the expectations are
 * integrated by quasi-Monte Carlo over the joint Gaussian of every input position the outputs depend on
 * (a Sobol sequence, mapped through the normal quantile and a square root of the correlation matrix): deterministic,
 * and about 1e-3 accurate with {@link #POINTS} points.
 */
final class FieldMoments {

    static final int POINTS = 1 << 14;

    /** A pooling step: max or average over size x size windows, stride apart. */
    record Pool(boolean max, int size, int stride) {
    }

    private FieldMoments() {
    }

    /**
     * @param lags output lags (dy, dx); the result holds E[y], E[y^2], then E[y(0) y(lag)] for each lag in order.
     *             Each lag is integrated on its own joint Gaussian (the two outputs' inputs), so the correlation is
     *             only needed up to the lags the two windows span.
     */
    static double[] moments(DoubleUnaryOperator act, double mu, double s, Correlation rho, List<Pool> pools,
                            List<int[]> lags) {
        double[] out = new double[2 + lags.size()];
        double[] single = integrate(act, mu, s, rho, pools, List.of(new int[] {0, 0}));
        out[0] = single[0];
        out[1] = single[1];
        for (int l = 0; l < lags.size(); l++) {
            double[] pair = integrate(act, mu, s, rho, pools, List.of(new int[] {0, 0}, lags.get(l)));
            out[2 + l] = pair[2];
        }
        return out;
    }

    /**
     * Over the joint Gaussian of the inputs of the given outputs: the mean and second moment of an output (averaged
     * over the outputs, which share one marginal) and, with two outputs, E[y_0 y_1].
     */
    private static double[] integrate(DoubleUnaryOperator act, double mu, double s, Correlation rho, List<Pool> pools,
                                      List<int[]> outputs) {
        int levels = pools.size();
        Map<Long, Integer> leaf = new LinkedHashMap<>();
        for (int[] o : outputs) {
            collectLeaves(pools, levels, o[0], o[1], leaf);
        }
        int dim = leaf.size();
        int[][] pos = new int[dim][];
        for (Map.Entry<Long, Integer> e : leaf.entrySet()) {
            pos[e.getValue()] = new int[] {(int) (e.getKey() >> 32), (int) (long) e.getKey()};
        }
        double[][] root = sqrtCorrelation(pos, rho);
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(dim);
        sobol.skipTo(1);   // point 0 is the origin, whose normal quantile is -infinity
        double[] z = new double[dim];
        double[] value = new double[dim];
        double[] y = new double[outputs.size()];
        double first = 0;
        double second = 0;
        double cross = 0;
        for (int n = 0; n < POINTS; n++) {
            double[] u = sobol.nextVector();
            for (int i = 0; i < dim; i++) {
                z[i] = Math.sqrt(2) * Erf.erfInv(2 * u[i] - 1);
            }
            for (int i = 0; i < dim; i++) {
                double f = 0;
                for (int j = 0; j < dim; j++) {
                    f += root[i][j] * z[j];
                }
                value[i] = act.applyAsDouble(mu + s * f);
            }
            for (int o = 0; o < outputs.size(); o++) {
                y[o] = evaluate(pools, levels, outputs.get(o)[0], outputs.get(o)[1], value, leaf);
                first += y[o];
                second += y[o] * y[o];
            }
            if (y.length == 2) {
                cross += y[0] * y[1];
            }
        }
        double count = (double) POINTS * y.length;
        return new double[] {first / count, second / count, cross / POINTS};
    }

    private static void collectLeaves(List<Pool> pools, int level, int y, int x, Map<Long, Integer> leaf) {
        if (level == 0) {
            leaf.putIfAbsent(key(y, x), leaf.size());
            return;
        }
        Pool p = pools.get(level - 1);
        for (int a = 0; a < p.size(); a++) {
            for (int b = 0; b < p.size(); b++) {
                collectLeaves(pools, level - 1, p.stride() * y + a, p.stride() * x + b, leaf);
            }
        }
    }

    private static double evaluate(List<Pool> pools, int level, int y, int x, double[] value, Map<Long, Integer> leaf) {
        if (level == 0) {
            return value[leaf.get(key(y, x))];
        }
        Pool p = pools.get(level - 1);
        double acc = p.max() ? Double.NEGATIVE_INFINITY : 0;
        for (int a = 0; a < p.size(); a++) {
            for (int b = 0; b < p.size(); b++) {
                double v = evaluate(pools, level - 1, p.stride() * y + a, p.stride() * x + b, value, leaf);
                acc = p.max() ? Math.max(acc, v) : acc + v;
            }
        }
        return p.max() ? acc : acc / (p.size() * p.size());
    }

    /** A square root R of the correlation matrix (R R^T = C), negative eigenvalues of the estimate clipped. */
    private static double[][] sqrtCorrelation(int[][] pos, Correlation rho) {
        int n = pos.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = i == j ? 1 : rho.at(pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
            }
        }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(c, false));
        RealMatrix v = e.getV();
        double[] ev = e.getEigenvalues();
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                r[i][k] = v.getEntry(i, k) * Math.sqrt(Math.max(0, ev[k]));
            }
        }
        return r;
    }

    private static long key(int y, int x) {
        return ((long) y << 32) | (x & 0xffffffffL);
    }
}
