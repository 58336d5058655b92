package org.lps.homotopy.rootcount;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Multi-homogeneous Bezout numbers. For a partition of the variables into groups of sizes k_1..k_m, with
 * d_ij the degree of equation i in the variables of group j, the Bezout number is the coefficient of
 * prod_j a_j^{k_j} in prod_i (sum_j d_ij a_j): the number of roots of a generic system with those degrees in
 * the product of projective spaces, and a bound on the isolated solutions of the system.
 *
 * <p>The best partition is found by trying all set partitions when there are at most
 * {@value #EXHAUSTIVE_MAX} variables (Bell(8) = 4140 of them) and by a deterministic local search beyond.
 */
public final class MultiHomogeneous {

    /** A partition with its Bezout number. */
    public record Bound(Partition partition, BigInteger bezout) {
    }

    static final int EXHAUSTIVE_MAX = 8;
    /** The Bezout recurrence has prod (k_j + 1) states; larger partitions are not evaluated in searches. */
    static final int SEARCH_STATE_CAP = 1 << 16;
    private static final int STATE_CAP = 1 << 22;
    /** Partitions evaluated by the local search at most (a work limit, so results do not depend on speed). */
    static final int SEARCH_BUDGET = 20_000;

    private static final Comparator<Bound> BEST_FIRST = Comparator.comparing(Bound::bezout)
            .thenComparing(Bound::partition, Partition.SIMPLER_FIRST);

    private MultiHomogeneous() {
    }

    /**
     * The Bezout number of {@code partition} for {@code system} (on its affine chart when it has projective
     * groups, see {@link RootCounts}).
     */
    public static BigInteger bezout(PolynomialSystem system, Partition partition) {
        RootCounts.requireSquare(system);
        if (partition.variableCount() != system.variableCount()) {
            throw new IllegalArgumentException("the partition is over " + partition.variableCount()
                    + " variables, the system has " + system.variableCount());
        }
        Supports s = Supports.of(RootCounts.affineChart(system));
        BigInteger b = bezout(s.degreeMatrix(partition), sizes(partition), STATE_CAP);
        if (b == null) {
            throw new IllegalArgumentException("the partition has too many groups for the Bezout recurrence ("
                    + partition.groupCount() + " groups)");
        }
        return b;
    }

    /** The partition with the smallest Bezout number found (the exact minimum for up to 8 variables). */
    public static Bound best(PolynomialSystem system) {
        RootCounts.requireSquare(system);
        PolynomialSystem chart = RootCounts.affineChart(system);
        return ranked(Supports.of(chart), RootCounts.declaredPartition(chart, system), 1).get(0);
    }

    /**
     * The {@code keep} best partitions seen, best first: all partitions for few variables, else the ones a
     * local search visits from the single group, the singletons and {@code seeds}.
     */
    static List<Bound> ranked(Supports s, List<Partition> seeds, int keep) {
        Map<Partition, BigInteger> seen = new HashMap<>();
        if (s.variables <= EXHAUSTIVE_MAX) {
            exhaustive(s, seen);
        } else {
            new LocalSearch(s, seen).run(seeds);
        }
        List<Bound> all = new ArrayList<>();
        seen.forEach((p, b) -> {
            if (b != null) {
                all.add(new Bound(p, b));
            }
        });
        all.sort(BEST_FIRST);
        return all.subList(0, Math.min(keep, all.size()));
    }

    /** Every set partition, as restricted growth strings a[0] = 0, a[v] <= 1 + max(a[0..v-1]). */
    private static void exhaustive(Supports s, Map<Partition, BigInteger> seen) {
        int n = s.variables;
        if (n == 0) {
            seen.put(Partition.single(0), BigInteger.ONE);
            return;
        }
        int[] a = new int[n];
        int[] max = new int[n]; // max[v] = max(a[0..v])
        while (true) {
            Partition p = Partition.fromAssignment(a);
            seen.put(p, bezout(s.degreeMatrix(p), sizes(p), SEARCH_STATE_CAP));
            int v = n - 1;
            while (v > 0 && a[v] > max[v - 1]) {
                v--;
            }
            if (v == 0) {
                return;
            }
            a[v]++;
            max[v] = Math.max(max[v - 1], a[v]);
            for (int u = v + 1; u < n; u++) {
                a[u] = 0;
                max[u] = max[v];
            }
        }
    }

    static int[] sizes(Partition p) {
        int[] k = new int[p.groupCount()];
        for (int g = 0; g < k.length; g++) {
            k[g] = p.groupSize(g);
        }
        return k;
    }

    /**
     * The coefficient of prod a_j^{k_j} in prod_i (sum_j deg[i][j] a_j), by dynamic programming over the
     * equations: the state is how many more equations each group still has to take, prod (k_j + 1) states in
     * mixed radix. Null when there would be more than {@code stateCap} states.
     */
    static BigInteger bezout(int[][] deg, int[] k, int stateCap) {
        int m = k.length;
        int[] stride = new int[m];
        long states = 1;
        for (int j = 0; j < m; j++) {
            stride[j] = (int) states;
            states *= k[j] + 1;
            if (states > stateCap) {
                return null;
            }
        }
        int start = 0;
        for (int j = 0; j < m; j++) {
            start += k[j] * stride[j];
        }
        try {
            return BigInteger.valueOf(bezoutLong(deg, k, stride, (int) states, start));
        } catch (ArithmeticException overflow) {
            return bezoutBig(deg, k, stride, (int) states, start);
        }
    }

    private static long bezoutLong(int[][] deg, int[] k, int[] stride, int states, int start) {
        long[] cur = new long[states];
        long[] next = new long[states];
        cur[start] = 1;
        for (int[] d : deg) {
            Arrays.fill(next, 0);
            for (int st = 0; st < states; st++) {
                long c = cur[st];
                if (c == 0) {
                    continue;
                }
                int rest = st;
                for (int j = k.length - 1; j >= 0; j--) {
                    int r = rest / stride[j]; // groups left to fill in group j
                    rest -= r * stride[j];
                    if (r > 0 && d[j] > 0) {
                        next[st - stride[j]] = Math.addExact(next[st - stride[j]], Math.multiplyExact(c, d[j]));
                    }
                }
            }
            long[] t = cur;
            cur = next;
            next = t;
        }
        return cur[0];
    }

    private static BigInteger bezoutBig(int[][] deg, int[] k, int[] stride, int states, int start) {
        BigInteger[] cur = new BigInteger[states];
        BigInteger[] next = new BigInteger[states];
        cur[start] = BigInteger.ONE;
        for (int[] d : deg) {
            Arrays.fill(next, null);
            for (int st = 0; st < states; st++) {
                BigInteger c = cur[st];
                if (c == null) {
                    continue;
                }
                int rest = st;
                for (int j = k.length - 1; j >= 0; j--) {
                    int r = rest / stride[j];
                    rest -= r * stride[j];
                    if (r > 0 && d[j] > 0) {
                        BigInteger add = c.multiply(BigInteger.valueOf(d[j]));
                        int to = st - stride[j];
                        next[to] = next[to] == null ? add : next[to].add(add);
                    }
                }
            }
            BigInteger[] t = cur;
            cur = next;
            next = t;
        }
        return cur[0] == null ? BigInteger.ZERO : cur[0];
    }

    /**
     * Steepest descent over partitions: move one variable to another group or to a group of its own, or merge
     * two groups; take the best strictly improving neighbour until none improves. Started from the single group,
     * from the singletons (when affordable) and from the given seeds; every evaluation is remembered.
     */
    private static final class LocalSearch {
        private final Supports s;
        private final Map<Partition, BigInteger> seen;
        private int evaluations;

        LocalSearch(Supports s, Map<Partition, BigInteger> seen) {
            this.s = s;
            this.seen = seen;
        }

        void run(List<Partition> seeds) {
            Set<Partition> starts = new LinkedHashSet<>();
            starts.add(Partition.single(s.variables));
            starts.add(Partition.singletons(s.variables));
            starts.addAll(seeds);
            for (Partition p : starts) {
                descend(p);
            }
        }

        private BigInteger eval(Partition p) {
            if (seen.containsKey(p)) {
                return seen.get(p);
            }
            evaluations++;
            BigInteger b = bezout(s.degreeMatrix(p), sizes(p), SEARCH_STATE_CAP);
            seen.put(p, b);
            return b;
        }

        private void descend(Partition p) {
            BigInteger cur = eval(p);
            if (cur == null) {
                return;
            }
            while (evaluations < SEARCH_BUDGET) {
                Partition best = null;
                BigInteger bestVal = cur;
                for (Partition q : neighbours(p)) {
                    BigInteger b = eval(q);
                    if (b != null && (b.compareTo(bestVal) < 0
                            || (b.equals(bestVal) && best != null && Partition.SIMPLER_FIRST.compare(q, best) < 0))) {
                        best = q;
                        bestVal = b;
                    }
                }
                if (best == null) {
                    return;
                }
                p = best;
                cur = bestVal;
            }
        }

        private List<Partition> neighbours(Partition p) {
            int n = p.variableCount();
            int m = p.groupCount();
            int[] a = p.assignment();
            List<Partition> out = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                for (int g = 0; g <= m; g++) {
                    if (g == a[v] || (g == m && p.groupSize(a[v]) == 1)) {
                        continue;
                    }
                    int[] b = a.clone();
                    b[v] = g;
                    out.add(Partition.fromAssignment(b));
                }
            }
            for (int g = 0; g < m; g++) {
                for (int h = g + 1; h < m; h++) {
                    int[] b = a.clone();
                    for (int v = 0; v < n; v++) {
                        if (b[v] == h) {
                            b[v] = g;
                        }
                    }
                    out.add(Partition.fromAssignment(b));
                }
            }
            return out;
        }
    }
}
