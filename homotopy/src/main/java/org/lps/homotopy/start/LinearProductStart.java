package org.lps.homotopy.start;

import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.linalg.ComplexLU;

/**
 * A linear-product start system: equation i is a product of affine linear forms,
 * G_i(x) = prod_j (c_ij0 + sum_{v in S_ij} c_ijv x_v), one form per factor set S_ij of a set structure, with
 * random complex coefficients. Its solutions are the solutions of the square linear systems obtained by picking
 * one factor per equation, one for each admissible choice (choices whose linear system is nonsingular for
 * generic coefficients); their number is the linear-product bound. The multi-homogeneous start system is the
 * special case where every set is a group of a variable partition.
 *
 * <p>Homogenized, the forms become c_ij0 x_0 + sum c_ijv x_v, and equation i has degree m_i = the number of its
 * factors (at least the degree of the target's equation i, since the structure covers it). Evaluation keeps the
 * product form: the forms' values, then prefix and suffix products for the gradient, never the expanded
 * polynomial, which could have many terms.
 */
public final class LinearProductStart implements StartSystem {

    private final int n;
    private final int[][][] sets;       // [equation][factor] -> variables
    private final double[][][] coef;    // [equation][factor] -> interleaved, one per variable of the set, then x_0
    private final int[] choices;        // path k: factor index per equation at k * n + i
    private final long count;

    /**
     * @param variables the number of unknowns n
     * @param sets      sets[i][j] = the variables of factor j of equation i
     * @param choices   the admissible choices, each one factor index per equation, in path order
     * @param random    the source of the coefficients
     */
    public LinearProductStart(int variables, int[][][] sets, List<int[]> choices, SplittableRandom random) {
        this.n = variables;
        if (sets.length != n) {
            throw new IllegalArgumentException("a set structure for " + n + " unknowns needs " + n + " equations, got "
                    + sets.length);
        }
        this.sets = new int[n][][];
        this.coef = new double[n][][];
        for (int i = 0; i < n; i++) {
            if (sets[i].length == 0) {
                throw new IllegalArgumentException("equation " + (i + 1) + " has no factors");
            }
            this.sets[i] = new int[sets[i].length][];
            this.coef[i] = new double[sets[i].length][];
            for (int j = 0; j < sets[i].length; j++) {
                this.sets[i][j] = sets[i][j].clone();
                double[] c = new double[2 * (sets[i][j].length + 1)];
                for (int k = 0; k < c.length; k++) {
                    c[k] = random.nextGaussian() / Math.sqrt(2);
                }
                this.coef[i][j] = c;
            }
        }
        this.count = choices.size();
        this.choices = new int[choices.size() * n];
        for (int k = 0; k < choices.size(); k++) {
            int[] ch = choices.get(k);
            for (int i = 0; i < n; i++) {
                if (ch[i] < 0 || ch[i] >= sets[i].length) {
                    throw new IllegalArgumentException("choice " + k + ": equation " + (i + 1) + " has no factor " + ch[i]);
                }
                this.choices[k * n + i] = ch[i];
            }
        }
    }

    @Override
    public String name() {
        return "linear-product";
    }

    @Override
    public int variableCount() {
        return n;
    }

    @Override
    public int degree(int equation) {
        return sets[equation].length;
    }

    @Override
    public long solutionCount() {
        return count;
    }

    /** Solves the linear system of the chosen factors (one small LU; once per path). */
    @Override
    public void solution(long k, double[] x) {
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("start solution " + k + " of " + count);
        }
        double[] a = new double[2 * n * n];
        double[] b = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int j = choices[(int) k * n + i];
            int[] set = sets[i][j];
            double[] c = coef[i][j];
            for (int t = 0; t < set.length; t++) {
                a[2 * (i * n + set[t])] = c[2 * t];
                a[2 * (i * n + set[t]) + 1] = c[2 * t + 1];
            }
            b[2 * i] = -c[2 * set.length];
            b[2 * i + 1] = -c[2 * set.length + 1];
        }
        ComplexLU lu = new ComplexLU(n);
        if (!lu.factor(a)) {
            throw new IllegalStateException("start solution " + k + ": the chosen factors are not admissible");
        }
        lu.solve(b, x);
    }

    @Override
    public Evaluation evaluation() {
        return new Evaluator();
    }

    private final class Evaluator implements Evaluation {
        private final double[] val, pre, suf;

        Evaluator() {
            int m = 0;
            for (int[][] eq : sets) {
                m = Math.max(m, eq.length);
            }
            val = new double[2 * m];
            pre = new double[2 * (m + 1)];
            suf = new double[2 * (m + 1)];
        }

        @Override
        public void values(double[] z, double[] g) {
            evaluate(z, g, 0, 0, null);
        }

        @Override
        public void valuesAndJacobian(double[] z, double[] g, double alphaRe, double alphaIm, double[] jac) {
            evaluate(z, g, alphaRe, alphaIm, jac);
        }

        private void evaluate(double[] z, double[] g, double ar, double ai, double[] jac) {
            final int cols = n + 1;
            for (int i = 0; i < n; i++) {
                int m = sets[i].length;
                // the forms' values
                for (int j = 0; j < m; j++) {
                    int[] set = sets[i][j];
                    double[] c = coef[i][j];
                    int h = set.length;
                    double sr = c[2 * h] * z[2 * n] - c[2 * h + 1] * z[2 * n + 1];
                    double si = c[2 * h] * z[2 * n + 1] + c[2 * h + 1] * z[2 * n];
                    for (int t = 0; t < h; t++) {
                        int v = set[t];
                        sr += c[2 * t] * z[2 * v] - c[2 * t + 1] * z[2 * v + 1];
                        si += c[2 * t] * z[2 * v + 1] + c[2 * t + 1] * z[2 * v];
                    }
                    val[2 * j] = sr;
                    val[2 * j + 1] = si;
                }
                // prefix products pre[j] = l_0 ... l_(j-1), suffix suf[j] = l_j ... l_(m-1)
                pre[0] = 1;
                pre[1] = 0;
                for (int j = 0; j < m; j++) {
                    mul(pre, j, val, j, pre, j + 1);
                }
                suf[2 * m] = 1;
                suf[2 * m + 1] = 0;
                for (int j = m - 1; j >= 0; j--) {
                    mul(suf, j + 1, val, j, suf, j);
                }
                g[2 * i] = pre[2 * m];
                g[2 * i + 1] = pre[2 * m + 1];
                if (jac == null) {
                    continue;
                }
                // d/dz_v prod = sum_j c_jv * pre[j] * suf[j+1], times alpha
                int row = 2 * i * cols;
                for (int j = 0; j < m; j++) {
                    double pr = pre[2 * j] * suf[2 * j + 2] - pre[2 * j + 1] * suf[2 * j + 3];
                    double pi = pre[2 * j] * suf[2 * j + 3] + pre[2 * j + 1] * suf[2 * j + 2];
                    double or = ar * pr - ai * pi, oi = ar * pi + ai * pr;
                    int[] set = sets[i][j];
                    double[] c = coef[i][j];
                    int h = set.length;
                    for (int t = 0; t <= h; t++) {
                        int v = t < h ? set[t] : n;
                        int o = row + 2 * v;
                        jac[o] += c[2 * t] * or - c[2 * t + 1] * oi;
                        jac[o + 1] += c[2 * t] * oi + c[2 * t + 1] * or;
                    }
                }
            }
        }

        private void mul(double[] a, int ia, double[] b, int ib, double[] out, int io) {
            double ar = a[2 * ia], ai = a[2 * ia + 1], br = b[2 * ib], bi = b[2 * ib + 1];
            out[2 * io] = ar * br - ai * bi;
            out[2 * io + 1] = ar * bi + ai * br;
        }
    }
}
