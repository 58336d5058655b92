package org.lps.homotopy.rootcount;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.SystemBuilder;

/**
 * The LPS block system of DESIGN.md (lps-init, steps 2 and 3) and the linear-product structure DESIGN.md states
 * for it. It lives next to the root counts because that structure is the reference they are checked against;
 * lps-init builds its real systems with {@link #build} (fitted activation polynomial, Gauss-Hermite nodes).
 *
 * <p>Unknowns theta = (w_1, b_1, v_1, ..., w_k, b_k, v_k, c), in that order and with those names. With
 * p(u) = a_0 + a_1 u + ... + a_d u^d, the block is B(t) = sum_j v_j p(w_j t + b_j) + c and the loss
 * J = sum_q omega_q (B(t_q) - t_q)^2 + lambda (|w|^2 + |b|^2 + |v|^2); the equations are dJ/dtheta = 0,
 * in the order of theta.
 */
public final class LpsBlockSystem {

    private LpsBlockSystem() {
    }

    /**
     * grad J for width {@code k}, activation coefficients {@code a} (a_0 first, degree = a.length - 1), quadrature
     * nodes and positive weights, and ridge weight {@code lambda}.
     */
    public static PolynomialSystem build(int k, double[] a, double[] nodes, double[] weights, double lambda) {
        if (k < 1 || a.length < 2 || nodes.length != weights.length || nodes.length == 0) {
            throw new IllegalArgumentException("need k >= 1, a degree >= 1 activation and as many weights as nodes");
        }
        SystemBuilder b = new SystemBuilder();
        List<Polynomial> w = new ArrayList<>(), bias = new ArrayList<>(), v = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            w.add(b.variable("w" + j));
            bias.add(b.variable("b" + j));
            v.add(b.variable("v" + j));
        }
        Polynomial c = b.variable("c");

        List<Polynomial> loss = new ArrayList<>();
        for (int q = 0; q < nodes.length; q++) {
            List<Polynomial> block = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Polynomial u = w.get(j).scale(nodes[q]).add(bias.get(j));
                block.add(v.get(j).multiply(horner(a, u)));
            }
            block.add(c);
            block.add(Polynomial.constant(-nodes[q]));
            loss.add(Polynomial.sum(block).pow(2).scale(weights[q]));
        }
        for (int j = 0; j < k; j++) {
            for (Polynomial x : List.of(w.get(j), bias.get(j), v.get(j))) {
                loss.add(x.pow(2).scale(lambda));
            }
        }
        Polynomial j = Polynomial.sum(loss);
        for (int var = 0; var < 3 * k + 1; var++) {
            b.equation(j.derivative(var));
        }
        return b.build();
    }

    /**
     * A block system with generic data: random activation coefficients, 2d + 3 random nodes in (-2, 2) and
     * weights in (0.5, 1.5) (enough nodes that the quadratic form is generic), lambda = 0.1. Its supports, hence
     * its root counts, are those of every block system of width k and degree d with generic data.
     */
    public static PolynomialSystem generic(int k, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] a = new double[d + 1];
        for (int m = 0; m <= d; m++) {
            a[m] = rnd.nextDouble(0.5, 1.5) * (rnd.nextBoolean() ? 1 : -1);
        }
        int nodes = 2 * d + 3;
        double[] t = new double[nodes], omega = new double[nodes];
        for (int q = 0; q < nodes; q++) {
            t[q] = rnd.nextDouble(-2, 2);
            omega[q] = rnd.nextDouble(0.5, 1.5);
        }
        return build(k, a, t, omega, 0.1);
    }

    /**
     * The set structure of DESIGN.md step 3, with V = {v_1..v_k, c} and A = {w_1, b_1, ..., w_k, b_k}:
     * dJ/dw_j and dJ/db_j: V, d times A, {v_j}, d-1 times {w_j, b_j};
     * dJ/dv_j: V, d times A, d times {w_j, b_j};
     * dJ/dc: V, d times A.
     */
    public static SetStructure designStructure(int k, int d) {
        int n = 3 * k + 1;
        int[] vSet = new int[k + 1];
        int[] aSet = new int[2 * k];
        for (int j = 0; j < k; j++) {
            vSet[j] = 3 * j + 2;
            aSet[2 * j] = 3 * j;
            aSet[2 * j + 1] = 3 * j + 1;
        }
        vSet[k] = n - 1;
        int[][][] f = new int[n][][];
        for (int j = 0; j < k; j++) {
            int[] neuron = {3 * j, 3 * j + 1};
            int[][] wb = new int[2 * d + 1][];
            int[][] vv = new int[2 * d + 1][];
            wb[0] = vSet;
            vv[0] = vSet;
            for (int r = 1; r <= d; r++) {
                wb[r] = aSet;
                vv[r] = aSet;
                vv[d + r] = neuron;
            }
            wb[d + 1] = new int[] {3 * j + 2};
            for (int r = d + 2; r <= 2 * d; r++) {
                wb[r] = neuron;
            }
            f[3 * j] = wb;
            f[3 * j + 1] = wb;
            f[3 * j + 2] = vv;
        }
        int[][] cc = new int[d + 1][];
        cc[0] = vSet;
        for (int r = 1; r <= d; r++) {
            cc[r] = aSet;
        }
        f[n - 1] = cc;
        return SetStructure.of(n, f);
    }

    private static Polynomial horner(double[] a, Polynomial u) {
        Polynomial acc = Polynomial.constant(a[a.length - 1]);
        for (int m = a.length - 2; m >= 0; m--) {
            acc = acc.multiply(u).add(Polynomial.constant(a[m]));
        }
        return acc;
    }
}
