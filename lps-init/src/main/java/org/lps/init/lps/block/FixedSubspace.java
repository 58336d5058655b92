package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lps.homotopy.param.SignedPermutation;

/**
 * A linear subspace of theta-space fixed by a set of the block's symmetries ({@link BlockSymmetry}), and the lattice
 * of all of them. The group acts by signed permutations, so a fixed subspace is a set of ties: coordinate i is
 * {@code sign[i] * y[free[i]]} for a free coordinate y, or zero ({@code free[i] = -1}).
 *
 * <p>Why the solver needs them: grad J is equivariant, so it maps a fixed subspace into itself and its solutions in
 * there are solutions for every member of a symmetric family. They form components of the family's solution variety
 * apart from the generic one, which monodromy from one generic start pair never reaches. The k = 2 ReLU block's best
 * minimum is such a point: (w, b, v), (-w, b, -v), c = 0 is fixed by swapping the neurons and flipping t.
 */
record FixedSubspace(int[] free, int[] sign, int dimension) {

    /** The whole space: every coordinate free. */
    static FixedSubspace whole(int n) {
        int[] free = new int[n];
        int[] sign = new int[n];
        for (int i = 0; i < n; i++) {
            free[i] = i;
            sign[i] = 1;
        }
        return new FixedSubspace(free, sign, n);
    }

    /** The subspace of theta fixed by g (theta_i = sign_i theta_index(i)) within this one. */
    FixedSubspace fixedBy(SignedPermutation g) {
        int n = free.length;
        // signed union-find on the free coordinates: parent and sign to parent; a class tied to its own negative is 0
        int m = dimension;
        int[] parent = new int[m];
        int[] toParent = new int[m];
        boolean[] zero = new boolean[m];
        for (int i = 0; i < m; i++) {
            parent[i] = i;
            toParent[i] = 1;
        }
        for (int i = 0; i < n; i++) {
            int a = free[i];
            int b = free[g.index()[i]];
            // theta_i = s theta_index(i): sign[i] y_a = s sign[j] y_b
            if (a < 0 && b < 0) {
                continue;
            }
            if (a < 0 || b < 0) {
                int r = find(parent, toParent, a < 0 ? b : a)[0];
                zero[r] = true;
                continue;
            }
            int s = (int) g.sign()[i] * sign[g.index()[i]] * sign[i];   // y_a = s y_b
            int[] ra = find(parent, toParent, a);
            int[] rb = find(parent, toParent, b);
            if (ra[0] == rb[0]) {
                if (ra[1] != s * rb[1]) {
                    zero[ra[0]] = true;                                  // y = -y
                }
                continue;
            }
            // y_a = ra1 y_A, y_b = rb1 y_B, y_a = s y_b  =>  y_A = ra1 s rb1 y_B
            parent[ra[0]] = rb[0];
            toParent[ra[0]] = ra[1] * s * rb[1];
            zero[rb[0]] |= zero[ra[0]];
        }
        int[] newFree = new int[n];
        int[] newSign = new int[n];
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (free[i] < 0) {
                newFree[i] = -1;
                continue;
            }
            int[] r = find(parent, toParent, free[i]);
            if (zero[r[0]]) {
                newFree[i] = -1;
                continue;
            }
            Integer y = index.get(r[0]);
            if (y == null) {
                y = index.size();
                index.put(r[0], y);
            }
            newFree[i] = y;
            newSign[i] = sign[i] * r[1];
        }
        // normalize: the first coordinate of every class has sign +1
        int[] flip = new int[index.size()];
        Arrays.fill(flip, 0);
        for (int i = 0; i < n; i++) {
            if (newFree[i] >= 0 && flip[newFree[i]] == 0) {
                flip[newFree[i]] = newSign[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (newFree[i] >= 0) {
                newSign[i] *= flip[newFree[i]];
            }
        }
        return new FixedSubspace(newFree, newSign, index.size());
    }

    private static int[] find(int[] parent, int[] toParent, int a) {
        int s = 1;
        while (parent[a] != a) {
            s *= toParent[a];
            a = parent[a];
        }
        return new int[] {a, s};
    }

    /** The image g L of this subspace (the subspace fixed by the conjugate subgroup). */
    FixedSubspace image(SignedPermutation g) {
        // x in L => (g x)_i = s_i x_index(i); so (gx)_i = s_i sign[index i] y_free[index i]
        int n = free.length;
        int[] f = new int[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            int j = g.index()[i];
            f[i] = free[j];
            s[i] = free[j] < 0 ? 0 : (int) g.sign()[i] * sign[j];
        }
        return renumbered(f, s);
    }

    /** The same subspace with free coordinates numbered in order of first appearance, first signs +1. */
    private static FixedSubspace renumbered(int[] f, int[] s) {
        int n = f.length;
        Map<Integer, Integer> index = new LinkedHashMap<>();
        Map<Integer, Integer> flip = new LinkedHashMap<>();
        int[] nf = new int[n];
        int[] ns = new int[n];
        for (int i = 0; i < n; i++) {
            if (f[i] < 0) {
                nf[i] = -1;
                continue;
            }
            index.putIfAbsent(f[i], index.size());
            flip.putIfAbsent(f[i], s[i]);
            nf[i] = index.get(f[i]);
            ns[i] = s[i] * flip.get(f[i]);
        }
        return new FixedSubspace(nf, ns, index.size());
    }

    /** A key equal for equal subspaces. */
    String key() {
        return Arrays.toString(free) + Arrays.toString(sign);
    }

    /** theta = E y, complex interleaved on both sides. */
    double[] embed(double[] y) {
        double[] x = new double[2 * free.length];
        for (int i = 0; i < free.length; i++) {
            if (free[i] >= 0) {
                x[2 * i] = sign[i] * y[2 * free[i]];
                x[2 * i + 1] = sign[i] * y[2 * free[i] + 1];
            }
        }
        return x;
    }

    /** The free coordinates of a point of this subspace (interleaved): the inverse of {@link #embed} on it. */
    double[] project(double[] x) {
        double[] y = new double[2 * dimension];
        for (int i = free.length - 1; i >= 0; i--) {
            if (free[i] >= 0) {
                y[2 * free[i]] = sign[i] * x[2 * i];
                y[2 * free[i] + 1] = sign[i] * x[2 * i + 1];
            }
        }
        return y;
    }

    /**
     * The elements of {@code group} that map this subspace onto itself, as signed permutations of its free
     * coordinates (each distinct one once, the identity left out). The family restricted to the subspace is the
     * gradient of an invariant function composed with the embedding E, and g E = E h with h a signed permutation, so
     * the restricted family is equivariant under h: its monodromy can track one point per orbit of these.
     */
    List<SignedPermutation> stabilizer(List<SignedPermutation> group) {
        Map<String, SignedPermutation> out = new LinkedHashMap<>();
        double[] probe = new double[2 * dimension];
        for (int j = 0; j < dimension; j++) {
            probe[2 * j] = j + 1;                                       // distinct magnitudes identify h
        }
        double[] x = embed(probe);
        for (SignedPermutation g : group) {
            double[] gx = new double[x.length];
            for (int i = 0; i < free.length; i++) {
                gx[2 * i] = g.sign()[i] * x[2 * g.index()[i]];
            }
            double[] y = project(gx);
            double[] back = embed(y);
            boolean kept = true;
            for (int i = 0; i < gx.length; i++) {
                kept &= back[i] == gx[i];                               // as numbers: -0.0 == 0.0
            }
            if (!kept) {
                continue;                                               // g moves the subspace
            }
            int[] index = new int[dimension];
            double[] sg = new double[dimension];
            boolean identity = true;
            for (int j = 0; j < dimension; j++) {
                int m = (int) Math.round(Math.abs(y[2 * j])) - 1;
                index[j] = m;
                sg[j] = Math.signum(y[2 * j]);
                identity &= m == j && sg[j] > 0;
            }
            if (!identity) {
                out.putIfAbsent(Arrays.toString(index) + Arrays.toString(sg), new SignedPermutation(index, sg));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Every subspace fixed by some subgroup of {@code group} (intersections of the elements' fixed subspaces), one
     * per orbit under the group (conjugate subgroups fix images of each other), the whole space first, then by
     * dimension descending.
     */
    static List<FixedSubspace> strata(int n, List<SignedPermutation> group) {
        Map<String, FixedSubspace> all = new LinkedHashMap<>();
        FixedSubspace whole = whole(n);
        all.put(whole.key(), whole);
        List<FixedSubspace> frontier = new ArrayList<>(List.of(whole));
        while (!frontier.isEmpty()) {
            List<FixedSubspace> next = new ArrayList<>();
            for (FixedSubspace l : frontier) {
                for (SignedPermutation g : group) {
                    FixedSubspace m = l.fixedBy(g);
                    if (m.dimension < l.dimension && all.putIfAbsent(m.key(), m) == null) {
                        next.add(m);
                    }
                }
            }
            frontier = next;
        }
        Map<String, FixedSubspace> reps = new LinkedHashMap<>();
        for (FixedSubspace l : all.values()) {
            String canonical = null;
            for (SignedPermutation g : group) {
                String k = l.image(g).key();
                if (canonical == null || k.compareTo(canonical) < 0) {
                    canonical = k;
                }
            }
            reps.putIfAbsent(canonical, l);
        }
        List<FixedSubspace> out = new ArrayList<>(reps.values());
        out.sort((a, b) -> Integer.compare(b.dimension, a.dimension));
        return out;
    }
}
