package org.lps.homotopy.rootcount;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Finds a set structure with a small linear-product bound. Deterministic: the same system gives the same
 * structure, whatever the machine (the work limits count search nodes, not seconds).
 *
 * <ol>
 *   <li>Starting structures: the total-degree one and the structures of the best few multi-homogeneous
 *       partitions, each factor restricted to the variables its equation involves; and a greedy structure per
 *       equation built from its support, monomial by monomial, placing each variable occurrence in a factor that
 *       already holds that variable whenever a matching allows.</li>
 *   <li>Each is reduced to an inclusion-minimal covering structure by dropping variables from factors while the
 *       equation stays covered (in two orders). Dropping a variable removes edges from every choice's bipartite
 *       graph, so the count never grows: the only question is which minimal structure one ends in.</li>
 *   <li>Coordinate descent: each equation may switch to any factor list that some reduced candidate gave it,
 *       when that lowers the count; repeated until no switch helps.</li>
 * </ol>
 * The result never exceeds the Bezout number of the best partition passed in (that partition's own structure
 * is a candidate), hence never the total degree.
 */
public final class SetStructureSearch {

    /** A structure with its exact linear-product bound. */
    public record Result(SetStructure structure, BigInteger bound) {
    }

    /** Search nodes one candidate's count may use before the candidate is abandoned. */
    static final long NODE_BUDGET = 400_000;
    /**
     * Search nodes all counts together may use (a few seconds at most): beyond it the best structure so far is
     * returned. Counted in nodes, not seconds, so that the result does not depend on the machine.
     */
    static final long WORK_BUDGET = 2_000_000;
    /** How many of the best partitions seed candidates. */
    static final int PARTITIONS = 8;
    private static final int MAX_ROUNDS = 4;
    /**
     * Beyond this many factors in all (the sum of the degrees) the search is skipped and the best partition's
     * structure is returned: covering tests grow with the square of a degree, and a start system that large
     * is a statement about the input, not something to optimize.
     */
    static final int MAX_FACTORS = 400;

    private final Supports s;
    private final WorkMeter meter;
    private Result best;
    private volatile long workLeft = WORK_BUDGET;
    private volatile ChoiceCounter current;     // the count running now, for the meter

    private SetStructureSearch(Supports s, WorkMeter meter) {
        this.s = s;
        this.meter = meter;
    }

    /** The best structure found for {@code system} (on its affine chart when it has projective groups). */
    public static Result find(PolynomialSystem system) {
        RootCounts.requireSquare(system);
        PolynomialSystem chart = RootCounts.affineChart(system);
        Supports s = Supports.of(chart);
        return find(s, MultiHomogeneous.ranked(s, RootCounts.declaredPartition(chart, system), PARTITIONS));
    }

    /** @param partitions ranked partitions, best first (non-empty) */
    static Result find(Supports s, List<MultiHomogeneous.Bound> partitions) {
        return find(s, partitions, WorkMeter.NONE);
    }

    /** As {@link #find(Supports, List)}, reporting its nodes to {@code meter} (and stopping when it says so). */
    static Result find(Supports s, List<MultiHomogeneous.Bound> partitions, WorkMeter meter) {
        SetStructureSearch search = new SetStructureSearch(s, meter);
        meter.start("search nodes", WORK_BUDGET, search::nodesDone);
        MultiHomogeneous.Bound top = partitions.get(0);
        // the fallback needs no count: a partition structure has its Bezout number as count
        search.best = new Result(SetStructure.ofPartition(s, top.partition()), top.bezout());
        if (Arrays.stream(s.degrees).asLongStream().sum() > MAX_FACTORS) {
            return search.best;
        }

        // most promising first, in case the work runs out
        List<int[][][]> starts = new ArrayList<>();
        for (MultiHomogeneous.Bound b : partitions) {
            starts.add(search.restricted(b.partition()));
        }
        starts.add(search.restricted(Partition.single(s.variables)));
        starts.add(search.greedyFromSupports());

        List<Set<List<List<Integer>>>> pool = new ArrayList<>();
        for (int i = 0; i < s.equationCount(); i++) {
            pool.add(new LinkedHashSet<>());
        }
        for (int[][][] start : starts) {
            for (boolean forward : new boolean[] {true, false}) {
                int[][][] reduced = search.reduce(start, forward);
                for (int i = 0; i < reduced.length; i++) {
                    pool.get(i).add(key(reduced[i]));
                }
                search.consider(reduced);
            }
        }
        search.coordinateDescent(pool);
        return search.best;
    }

    /**
     * Counts a candidate and keeps it when it is better (smaller bound, then fewer variable slots). Candidates
     * whose count would overrun the remaining work are skipped.
     */
    private boolean consider(int[][][] factors) {
        if (workLeft <= 0) {
            return false;
        }
        SetStructure st = SetStructure.ofTrusted(s.variables, factors);
        ChoiceCounter counter = new ChoiceCounter(st, Math.min(NODE_BUDGET, workLeft), meter);
        current = counter;
        BigInteger b;
        try {
            b = counter.count();
        } catch (ChoiceCounter.BudgetExceeded e) {
            b = null;
        }
        workLeft -= counter.nodes();
        current = null;
        if (b == null) {
            return false;
        }
        int c = b.compareTo(best.bound());
        if (c < 0 || (c == 0 && st.size() < best.structure().size())) {
            best = new Result(st, b);
            return true;
        }
        return false;
    }

    /** Nodes spent so far, the running count's included (as of its last poll). */
    private long nodesDone() {
        ChoiceCounter c = current;
        return Math.min(WORK_BUDGET, WORK_BUDGET - workLeft + (c == null ? 0 : c.publishedNodes()));
    }

    private void coordinateDescent(List<Set<List<List<Integer>>>> pool) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean improved = false;
            for (int i = 0; i < s.equationCount(); i++) {
                for (List<List<Integer>> option : pool.get(i)) {
                    int[][][] f = best.structure().raw().clone();
                    int[][] eq = fromKey(option);
                    if (Arrays.deepEquals(eq, f[i])) {
                        continue;
                    }
                    f[i] = eq;
                    improved |= consider(f);
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    /** The partition's structure with each factor cut down to the variables its equation involves. */
    private int[][][] restricted(Partition p) {
        int[][] deg = s.degreeMatrix(p);
        int[][][] f = new int[s.equationCount()][][];
        for (int i = 0; i < f.length; i++) {
            boolean[] involved = new boolean[s.variables];
            for (int v : s.variablesOf(i)) {
                involved[v] = true;
            }
            List<int[]> sets = new ArrayList<>();
            for (int g = 0; g < p.groupCount(); g++) {
                int[] members = Arrays.stream(p.group(g)).filter(v -> involved[v]).toArray();
                for (int k = 0; k < deg[i][g]; k++) {
                    sets.add(members);
                }
            }
            f[i] = sets.toArray(new int[0][]);
        }
        return f;
    }

    /**
     * Per equation, deg f_i factors filled monomial by monomial (the support is in degree-descending order):
     * occurrences are matched to factors already holding their variable as far as a matching allows, and each
     * remaining occurrence goes to the smallest factor this monomial has not used, which then gains the variable.
     */
    private int[][][] greedyFromSupports() {
        int[][][] f = new int[s.equationCount()][][];
        for (int i = 0; i < f.length; i++) {
            int d = s.degrees[i];
            boolean[][] member = new boolean[d][s.variables];
            int[] size = new int[d];
            for (int[] a : s.monomials[i]) {
                int[] occ = occurrences(a);
                int[] factorOf = new int[occ.length];
                int[] match = new int[d]; // factor -> occurrence
                Arrays.fill(match, -1);
                for (int o = 0; o < occ.length; o++) {
                    factorOf[o] = -1;
                    kuhn(o, occ, member, match, factorOf, new boolean[d]);
                }
                for (int o = 0; o < occ.length; o++) {
                    if (factorOf[o] >= 0) {
                        continue;
                    }
                    int pick = -1;
                    for (int g = 0; g < d; g++) {
                        if (match[g] < 0 && (pick < 0 || size[g] < size[pick])) {
                            pick = g;
                        }
                    }
                    match[pick] = o;
                    factorOf[o] = pick;
                    member[pick][occ[o]] = true;
                    size[pick]++;
                }
            }
            int[][] sets = new int[d][];
            for (int g = 0; g < d; g++) {
                sets[g] = Supports.indices(member[g]);
            }
            f[i] = sets;
        }
        return f;
    }

    private static boolean kuhn(int o, int[] occ, boolean[][] member, int[] match, int[] factorOf, boolean[] seen) {
        for (int g = 0; g < member.length; g++) {
            if (member[g][occ[o]] && !seen[g]) {
                seen[g] = true;
                if (match[g] < 0 || kuhn(match[g], occ, member, match, factorOf, seen)) {
                    match[g] = o;
                    factorOf[o] = g;
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] occurrences(int[] a) {
        int[] occ = new int[Supports.sum(a)];
        int k = 0;
        for (int v = 0; v < a.length; v++) {
            for (int e = 0; e < a[v]; e++) {
                occ[k++] = v;
            }
        }
        return occ;
    }

    /**
     * Drops variables from factors while every monomial stays covered; factors left empty disappear (a constant
     * factor adds no admissible choice). {@code forward}: factors first to last, variables ascending; else the
     * reverse.
     */
    private int[][][] reduce(int[][][] start, boolean forward) {
        int[][][] out = new int[start.length][][];
        for (int i = 0; i < start.length; i++) {
            FactorCover cover = new FactorCover(s.variables, start[i]);
            int m = cover.factorCount();
            for (int k = 0; k < m; k++) {
                int f = forward ? k : m - 1 - k;
                for (int u = 0; u < s.variables; u++) {
                    int v = forward ? u : s.variables - 1 - u;
                    if (cover.contains(f, v)) {
                        cover.remove(f, v);
                        if (!cover.coversAllWith(s.monomials[i], v)) {
                            cover.add(f, v);
                        }
                    }
                }
            }
            out[i] = cover.toSets();
        }
        return out;
    }

    private static List<List<Integer>> key(int[][] sets) {
        List<List<Integer>> k = new ArrayList<>();
        for (int[] set : sets) {
            k.add(Arrays.stream(set).boxed().toList());
        }
        return k;
    }

    private static int[][] fromKey(List<List<Integer>> key) {
        int[][] sets = new int[key.size()][];
        for (int f = 0; f < sets.length; f++) {
            sets[f] = key.get(f).stream().mapToInt(Integer::intValue).toArray();
        }
        return sets;
    }
}
