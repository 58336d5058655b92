package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.param.SignedPermutation;
import org.lps.homotopy.param.SignedPermutationGroup;

/**
 * The symmetries of the block loss J that this toolkit identifies solutions under (docs/design.md, LPS step 4). They act on
 * theta = (w_1, b_1, v_1, ..., c) and leave J unchanged:
 * <ul>
 *   <li><b>neuron permutations</b> (always): B is a sum over neurons and the ridge term is symmetric; k! elements.</li>
 *   <li><b>per-neuron sign flips</b>, from the parity of p: p even gives (w_j, b_j) -> (-w_j, -b_j), p odd gives
 *       (w_j, b_j, v_j) -> (-w_j, -b_j, -v_j); either leaves v_j p(w_j t + b_j) unchanged for every t. ReLU's fit
 *       has both parts (a_0, a_1, a_2 all nonzero), so it has none; tanh's (odd) has them.</li>
 *   <li><b>the global flip t -> -t</b>, from the parity of the target through its moments mu_i = E[t^i g]: J sees g
 *       only through mu_0..mu_d, and t ~ N(0, 1) is symmetric, so if mu_i = 0 for every even i (an odd target, such
 *       as the identity) then (w, b, v, c) -> (-w, b, -v, -c) maps B(t) to -B(-t) and keeps J; if mu_i = 0 for every
 *       odd i (an even target) then w -> -w alone maps B(t) to B(-t) and keeps J.</li>
 * </ul>
 * The ridge term is invariant under every sign change. So the ReLU block with the identity target has
 * 2 k! symmetries, and every critical point comes with its mirror (-w, b, -v, -c): the lift uses |w_j| and b_j,
 * which the mirror shares.
 */
public final class BlockSymmetry {

    /** How a neuron's (w_j, b_j, v_j) may change sign. */
    enum NeuronFlip { NONE, EVEN_P, ODD_P }

    private final int k;
    private final NeuronFlip neuronFlip;
    /** Sign patterns (on w, b, v, c) of the global flips, identity first. */
    private final List<double[]> global;

    private BlockSymmetry(int k, NeuronFlip neuronFlip, List<double[]> global) {
        this.k = k;
        this.neuronFlip = neuronFlip;
        this.global = global;
    }

    static BlockSymmetry of(int k, ActivationFit fit, double[] mu) {
        NeuronFlip nf = fit.isEven() ? NeuronFlip.EVEN_P : fit.isOdd() ? NeuronFlip.ODD_P : NeuronFlip.NONE;
        boolean oddTarget = true;
        boolean evenTarget = true;
        for (int i = 0; i < mu.length; i++) {
            if (mu[i] != 0) {
                if (i % 2 == 0) {
                    oddTarget = false;
                } else {
                    evenTarget = false;
                }
            }
        }
        List<double[]> g = new ArrayList<>();
        g.add(new double[] {1, 1, 1, 1});
        if (oddTarget) {
            g.add(new double[] {-1, 1, -1, -1});
        }
        if (evenTarget) {
            g.add(new double[] {-1, 1, 1, 1});
        }
        if (oddTarget && evenTarget) {
            g.add(new double[] {1, 1, -1, -1});
        }
        return new BlockSymmetry(k, nf, g);
    }

    /** The number of group elements: k! times the global flips times 2^k per-neuron flips (when p has a parity). */
    public long order() {
        long f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        f *= global.size();
        if (neuronFlip != NeuronFlip.NONE) {
            f <<= k;
        }
        return f;
    }

    /** A one-line description for reports and docs. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(k + "! neuron permutations");
        if (neuronFlip == NeuronFlip.EVEN_P) {
            parts.add("(w_j, b_j) -> -(w_j, b_j) per neuron (p even)");
        } else if (neuronFlip == NeuronFlip.ODD_P) {
            parts.add("(w_j, b_j, v_j) -> -(w_j, b_j, v_j) per neuron (p odd)");
        }
        for (int i = 1; i < global.size(); i++) {
            double[] s = global.get(i);
            parts.add(s[0] < 0 && s[2] < 0 ? "(w, b, v, c) -> (-w, b, -v, -c) (odd target)"
                    : s[0] < 0 ? "w -> -w (even target)" : "(v, c) -> (-v, -c)");
        }
        return String.join("; ", parts) + ": " + order() + " elements";
    }

    /** The group, for monodromy's orbit loops and trace test. */
    public SignedPermutationGroup group() {
        return SignedPermutationGroup.of(3 * k + 1, elements());
    }

    /**
     * Every group element ({@link #order()} of them), identity first: neuron permutations, then per-neuron flips
     * (when p has a parity), then the global flips.
     */
    public List<SignedPermutation> elements() {
        List<SignedPermutation> out = new ArrayList<>();
        int masks = neuronFlip == NeuronFlip.NONE ? 1 : 1 << k;
        for (double[] s : global) {
            for (int[] perm : permutations(k)) {
                for (int mask = 0; mask < masks; mask++) {
                    int n = 3 * k + 1;
                    int[] index = new int[n];
                    double[] sign = new double[n];
                    for (int j = 0; j < k; j++) {
                        int from = perm[j];
                        double f = (mask >> j & 1) == 1 ? -1 : 1;
                        index[LpsBlockSystem.w(j)] = LpsBlockSystem.w(from);
                        index[LpsBlockSystem.b(j)] = LpsBlockSystem.b(from);
                        index[LpsBlockSystem.v(j)] = LpsBlockSystem.v(from);
                        sign[LpsBlockSystem.w(j)] = s[0] * f;
                        sign[LpsBlockSystem.b(j)] = s[1] * f;
                        sign[LpsBlockSystem.v(j)] = s[2] * (neuronFlip == NeuronFlip.ODD_P ? f : 1);
                    }
                    index[LpsBlockSystem.c(k)] = LpsBlockSystem.c(k);
                    sign[LpsBlockSystem.c(k)] = s[3];
                    out.add(new SignedPermutation(index, sign));
                }
            }
        }
        return out;
    }

    /** All permutations of 0..k-1, identity first (Heap's algorithm would do; k <= 8 keeps this small). */
    private static List<int[]> permutations(int k) {
        List<int[]> out = new ArrayList<>();
        permute(new int[k], new boolean[k], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int i, List<int[]> out) {
        if (i == p.length) {
            out.add(p.clone());
            return;
        }
        for (int j = 0; j < p.length; j++) {
            if (!used[j]) {
                used[j] = true;
                p[i] = j;
                permute(p, used, i + 1, out);
                used[j] = false;
            }
        }
    }

    /**
     * The distance between the orbits of x and y: the smallest max-norm |g x - y| over the group. Neuron
     * permutations are searched by branch and bound (k <= 8), per-neuron flips chosen neuron by neuron.
     */
    public double distance(double[] x, double[] y) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] s : global) {
            double dc = Math.abs(s[3] * x[LpsBlockSystem.c(k)] - y[LpsBlockSystem.c(k)]);
            if (dc >= best) {
                continue;
            }
            double[][] cost = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    cost[i][j] = neuronDistance(x, i, s, y, j);
                }
            }
            best = Math.min(best, assign(cost, 0, new boolean[k], dc, best));
        }
        return best;
    }

    /** Smallest achievable max over the remaining assignment of x's neurons (from {@code i}) to free y-neurons. */
    private double assign(double[][] cost, int i, boolean[] used, double sofar, double best) {
        if (sofar >= best) {
            return best;
        }
        if (i == k) {
            return sofar;
        }
        for (int j = 0; j < k; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, assign(cost, i + 1, used, Math.max(sofar, cost[i][j]), best));
                used[j] = false;
            }
        }
        return best;
    }

    private double neuronDistance(double[] x, int i, double[] s, double[] y, int j) {
        double xw = s[0] * x[LpsBlockSystem.w(i)];
        double xb = s[1] * x[LpsBlockSystem.b(i)];
        double xv = s[2] * x[LpsBlockSystem.v(i)];
        double yw = y[LpsBlockSystem.w(j)];
        double yb = y[LpsBlockSystem.b(j)];
        double yv = y[LpsBlockSystem.v(j)];
        double plain = max3(xw - yw, xb - yb, xv - yv);
        return switch (neuronFlip) {
            case NONE -> plain;
            case EVEN_P -> Math.min(plain, max3(xw + yw, xb + yb, xv - yv));
            case ODD_P -> Math.min(plain, max3(xw + yw, xb + yb, xv + yv));
        };
    }

    private static double max3(double a, double b, double c) {
        return Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c)));
    }

    /**
     * The orbit's representative for reports: per-neuron flips (if any) make w_j >= 0, neurons are sorted by b_j
     * descending (then |w_j|), and of the global flips the one whose first neuron with w_j != 0 has w_j > 0 wins.
     */
    public double[] canonical(double[] x) {
        double[] best = null;
        for (double[] s : global) {
            double[] y = new double[x.length];
            for (int j = 0; j < k; j++) {
                double w = s[0] * x[LpsBlockSystem.w(j)];
                double b = s[1] * x[LpsBlockSystem.b(j)];
                double v = s[2] * x[LpsBlockSystem.v(j)];
                if (w < 0 && neuronFlip != NeuronFlip.NONE) {
                    w = -w;
                    b = -b;
                    v = neuronFlip == NeuronFlip.ODD_P ? -v : v;
                }
                y[LpsBlockSystem.w(j)] = w;
                y[LpsBlockSystem.b(j)] = b;
                y[LpsBlockSystem.v(j)] = v;
            }
            y[LpsBlockSystem.c(k)] = s[3] * x[LpsBlockSystem.c(k)];
            y = sortNeurons(y);
            if (best == null || (firstNonzeroW(best) < 0 && firstNonzeroW(y) > 0)) {
                best = y;
            }
        }
        return best;
    }

    private double firstNonzeroW(double[] y) {
        for (int j = 0; j < k; j++) {
            double w = y[LpsBlockSystem.w(j)];
            if (Math.abs(w) > 1e-12) {
                return w;
            }
        }
        return 0;
    }

    private double[] sortNeurons(double[] y) {
        List<double[]> neurons = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            neurons.add(new double[] {y[LpsBlockSystem.w(j)], y[LpsBlockSystem.b(j)], y[LpsBlockSystem.v(j)]});
        }
        neurons.sort((p, q) -> p[1] != q[1] ? Double.compare(q[1], p[1]) : Double.compare(Math.abs(q[0]), Math.abs(p[0])));
        double[] out = y.clone();
        for (int j = 0; j < k; j++) {
            out[LpsBlockSystem.w(j)] = neurons.get(j)[0];
            out[LpsBlockSystem.b(j)] = neurons.get(j)[1];
            out[LpsBlockSystem.v(j)] = neurons.get(j)[2];
        }
        return out;
    }
}
