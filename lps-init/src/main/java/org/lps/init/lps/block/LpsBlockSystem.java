package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.SystemBuilder;
import org.lps.homotopy.rootcount.SetStructure;

/**
 * The LPS block system of docs/design.md (lps-init, steps 2 and 3) as polynomials, and the linear-product structure
 * docs/design.md states for it.
 *
 * <p>Unknowns theta = (w_1, b_1, v_1, ..., w_k, b_k, v_k, c), in that order and with those names. With
 * p(u) = a_0 + a_1 u + ... + a_d u^d, the block is B(t) = sum_j v_j p(w_j t + b_j) + c and the loss
 * <pre>
 *   J = E[B^2] - 2 E[B g] + E[g^2] + lambda (|w|^2 + |b|^2 + |v|^2),
 *   E[B^2]  = sum_q omega_q B(t_q)^2                                     (a quadrature exact for degree 2d in t)
 *   E[B g]  = sum_j v_j sum_i mu_i w_j^i p^(i)(b_j) / i!  +  c mu_0      (mu_i = E[t^i g(t)], i = 0..d)
 * </pre>
 * The second line is p(w t + b) expanded in powers of t: p(w t + b) = sum_i (w t)^i p^(i)(b) / i!. The equations are
 * dJ/dtheta = 0, in the order of theta.
 */
public final class LpsBlockSystem {

    private LpsBlockSystem() {
    }

    /** Index of w_j (j from 0) in theta. */
    public static int w(int j) {
        return 3 * j;
    }

    public static int b(int j) {
        return 3 * j + 1;
    }

    public static int v(int j) {
        return 3 * j + 2;
    }

    /** Index of c: the last unknown. */
    public static int c(int k) {
        return 3 * k;
    }

    public static List<String> variableNames(int k) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            names.add("w" + j);
            names.add("b" + j);
            names.add("v" + j);
        }
        names.add("c");
        return names;
    }

    /**
     * The loss J as a polynomial in theta, for width k, activation coefficients {@code a} (a_0 first), a quadrature
     * (nodes, positive weights) for E[B^2], target moments {@code mu} (mu_0..mu_d), E[g^2] and lambda.
     */
    public static Polynomial loss(int k, double[] a, double[] nodes, double[] weights, double[] mu, double targetSquare,
                                  double lambda) {
        if (k < 1 || a.length < 2 || nodes.length != weights.length || nodes.length == 0 || mu.length < a.length) {
            throw new IllegalArgumentException("need k >= 1, a degree >= 1 activation, as many weights as nodes and"
                    + " target moments up to the degree");
        }
        int d = a.length - 1;
        List<Polynomial> terms = new ArrayList<>();
        for (int q = 0; q < nodes.length; q++) {
            List<Polynomial> block = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Polynomial u = var(w(j)).scale(nodes[q]).add(var(b(j)));
                block.add(var(v(j)).multiply(horner(a, u)));
            }
            block.add(var(c(k)));
            terms.add(Polynomial.sum(block).pow(2).scale(weights[q]));
        }
        for (int j = 0; j < k; j++) {
            // h(w_j, b_j) = sum_i mu_i w_j^i D_i(b_j), D_i(b) = p^(i)(b) / i! = sum_{m >= i} a_m C(m, i) b^(m - i)
            List<Polynomial> h = new ArrayList<>();
            for (int i = 0; i <= d; i++) {
                if (mu[i] == 0) {
                    continue;
                }
                double[] di = new double[d - i + 1];
                for (int m = i; m <= d; m++) {
                    di[m - i] = a[m] * binomial(m, i);
                }
                h.add(var(w(j)).pow(i).multiply(horner(di, var(b(j)))).scale(mu[i]));
            }
            terms.add(var(v(j)).multiply(Polynomial.sum(h)).scale(-2));
        }
        terms.add(var(c(k)).scale(-2 * mu[0]));
        terms.add(Polynomial.constant(targetSquare));
        for (int j = 0; j < k; j++) {
            for (int x : new int[] {w(j), b(j), v(j)}) {
                terms.add(var(x).pow(2).scale(lambda));
            }
        }
        return Polynomial.sum(terms);
    }

    /** grad J = 0, with the unknowns named w1, b1, v1, ..., c. */
    public static PolynomialSystem gradient(int k, Polynomial loss) {
        SystemBuilder sb = new SystemBuilder();
        for (String name : variableNames(k)) {
            sb.variable(name);
        }
        for (int x = 0; x < 3 * k + 1; x++) {
            sb.equation(loss.derivative(x));
        }
        return sb.build();
    }

    /**
     * A block system with generic data: random activation coefficients, 2d + 3 random nodes in (-2, 2) and
     * weights in (0.5, 1.5) standing for the measure, the identity target for that measure, lambda = 0.1. Its
     * supports, hence its root counts, are those of every block system of width k and degree d with generic data
     * (the Gaussian one has fewer monomials: odd Gaussian moments vanish). {@code lps count --system lps-kK-dD}.
     */
    public static PolynomialSystem generic(int k, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] a = new double[d + 1];
        for (int m = 0; m <= d; m++) {
            a[m] = rnd.nextDouble(0.5, 1.5) * (rnd.nextBoolean() ? 1 : -1);
        }
        int nodes = 2 * d + 3;
        double[] t = new double[nodes];
        double[] omega = new double[nodes];
        for (int q = 0; q < nodes; q++) {
            t[q] = rnd.nextDouble(-2, 2);
            omega[q] = rnd.nextDouble(0.5, 1.5);
        }
        double[] mu = new double[d + 1];
        double square = 0;
        for (int q = 0; q < nodes; q++) {
            for (int i = 0; i <= d; i++) {
                mu[i] += omega[q] * Math.pow(t[q], i + 1);
            }
            square += omega[q] * t[q] * t[q];
        }
        return gradient(k, loss(k, a, t, omega, mu, square, 0.1));
    }

    /**
     * The set structure of docs/design.md, LPS step 3, with V = {v_1..v_k, c} and A = {w_1, b_1, ..., w_k, b_k}:
     * dJ/dw_j and dJ/db_j: V, d times A, {v_j}, d-1 times {w_j, b_j};
     * dJ/dv_j: V, d times A, d times {w_j, b_j};
     * dJ/dc: V, d times A.
     * Why it covers: dJ/dw_j = 2 E[(B - g) v_j p'(w_j t + b_j) t] + 2 lambda w_j, where B - g is affine in V with
     * coefficients of degree d in A, v_j is one factor and p' has degree d - 1 in (w_j, b_j); the ridge term
     * w_j is covered by one of the A factors. The other equations are the same argument with p or 1 for v_j p'.
     */
    public static SetStructure designStructure(int k, int d) {
        int n = 3 * k + 1;
        int[] vSet = new int[k + 1];
        int[] aSet = new int[2 * k];
        for (int j = 0; j < k; j++) {
            vSet[j] = v(j);
            aSet[2 * j] = w(j);
            aSet[2 * j + 1] = b(j);
        }
        vSet[k] = c(k);
        int[][][] f = new int[n][][];
        for (int j = 0; j < k; j++) {
            int[] neuron = {w(j), b(j)};
            int[][] wb = new int[2 * d + 1][];
            int[][] vv = new int[2 * d + 1][];
            wb[0] = vSet;
            vv[0] = vSet;
            for (int r = 1; r <= d; r++) {
                wb[r] = aSet;
                vv[r] = aSet;
                vv[d + r] = neuron;
            }
            wb[d + 1] = new int[] {v(j)};
            for (int r = d + 2; r <= 2 * d; r++) {
                wb[r] = neuron;
            }
            f[w(j)] = wb;
            f[b(j)] = wb;
            f[v(j)] = vv;
        }
        int[][] cc = new int[d + 1][];
        cc[0] = vSet;
        for (int r = 1; r <= d; r++) {
            cc[r] = aSet;
        }
        f[c(k)] = cc;
        return SetStructure.of(n, f);
    }

    private static Polynomial var(int index) {
        return Polynomial.variable(index);
    }

    private static Polynomial horner(double[] a, Polynomial u) {
        Polynomial acc = Polynomial.constant(a[a.length - 1]);
        for (int m = a.length - 2; m >= 0; m--) {
            acc = acc.multiply(u).add(Polynomial.constant(a[m]));
        }
        return acc;
    }

    private static double binomial(int n, int r) {
        double x = 1;
        for (int i = 1; i <= r; i++) {
            x = x * (n - r + i) / i;
        }
        return x;
    }
}
