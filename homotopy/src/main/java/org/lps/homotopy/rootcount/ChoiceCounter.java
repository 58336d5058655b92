package org.lps.homotopy.rootcount;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts (and enumerates) the admissible choices of a set structure: one factor per equation such that the
 * bipartite graph "equation i -- the variables of its chosen set" has a perfect matching.
 *
 * <p>Three things make this fast on large structures:
 * <ul>
 *   <li>Factors of an equation with identical sets are one branch with a multiplicity, so a partition
 *       structure costs as much as its number of groups, not its degree.</li>
 *   <li>Equations are chosen one at a time while a maximum matching of the chosen ones is kept up to date by
 *       one augmenting path per step (Kuhn). When no augmenting path exists, the chosen sets already violate
 *       Hall's condition and the whole subtree is cut.</li>
 *   <li>Whether the remaining equations can complete a perfect matching depends only on the sets chosen so
 *       far, not on which equation chose which, and not even on all of them: a tight subfamily (k sets inside k
 *       variables) just uses those variables up (see {@link #tightKey}). The number of completions is memoized
 *       on that reduced state, so symmetric systems (the neurons of an LPS block) collapse onto few states.
 *       Beyond 64 variables the key is the plain multiset of chosen sets.</li>
 * </ul>
 * Measured: docs/design.md's k = 3, d = 2 block structure (1 129 797 choices) counts in about 2 ms, k = 5
 * (1.3e10 choices) in under 0.1 s; a JGraphT matching per raw choice needs about a minute for k = 3.
 * Not thread safe; one instance per structure.
 */
final class ChoiceCounter {

    /** Thrown when a count needs more search nodes than the budget allows. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("set-structure count over budget", null, false, false);
        }
    }

    /** Memo entries beyond this are not stored (the count stays exact, only slower). */
    private static final int MAX_MEMO = 4_000_000;

    private final int n;
    private final int variables;
    private final int[] order;          // position -> original equation
    private final int[][] setsAt;       // position -> ids of its distinct sets
    private final long[][] multAt;      // position -> multiplicity of each distinct set
    private final int[][][] factorsAt;  // position -> distinct set -> factor indices in the original equation
    private final int[][] setVars;      // set id -> its variables

    private final int[] chosen;
    private final int[] matchVar;       // variable -> matched position, or -1
    private final int[][] saved;
    private final int[] seen;
    private final int[] matchedVarScratch; // position -> its matched variable, rebuilt per key
    private int stamp;

    private final long[] setMask;       // set id -> its variables as a bit mask (when variables <= 64)
    private final Map<Object, BigInteger> memo = new HashMap<>();
    private final long nodeBudget;
    private final WorkMeter meter;
    private long nodes;
    private volatile long published;    // nodes as of the last poll, for another thread's progress display

    ChoiceCounter(SetStructure s, long nodeBudget) {
        this(s, nodeBudget, WorkMeter.NONE);
    }

    /** @param meter polled every {@link WorkMeter#POLL_MASK} + 1 nodes: {@link WorkMeter.Stopped} when stopped */
    ChoiceCounter(SetStructure s, long nodeBudget, WorkMeter meter) {
        this.meter = meter;
        this.n = s.equationCount();
        this.variables = s.variableCount();
        this.nodeBudget = nodeBudget;
        int[][][] f = s.raw();

        Map<List<Integer>, Integer> ids = new HashMap<>();
        List<int[]> vars = new ArrayList<>();
        int[][] setIds = new int[n][];
        long[][] mults = new long[n][];
        int[][][] facs = new int[n][][];
        for (int i = 0; i < n; i++) {
            // distinct sets of equation i, in order of first appearance, with the factors having each
            Map<Integer, List<Integer>> bySet = new LinkedHashMap<>();
            for (int j = 0; j < f[i].length; j++) {
                List<Integer> key = Arrays.stream(f[i][j]).boxed().toList();
                Integer id = ids.get(key);
                if (id == null) {
                    id = ids.size();
                    ids.put(key, id);
                    vars.add(f[i][j]);
                }
                bySet.computeIfAbsent(id, k -> new ArrayList<>()).add(j);
            }
            setIds[i] = new int[bySet.size()];
            mults[i] = new long[bySet.size()];
            facs[i] = new int[bySet.size()][];
            int k = 0;
            for (Map.Entry<Integer, List<Integer>> e : bySet.entrySet()) {
                setIds[i][k] = e.getKey();
                mults[i][k] = e.getValue().size();
                facs[i][k] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                k++;
            }
        }
        this.setVars = vars.toArray(new int[0][]);
        this.setMask = new long[setVars.length];
        if (variables <= 64) {
            for (int id = 0; id < setVars.length; id++) {
                for (int v : setVars[id]) {
                    setMask[id] |= 1L << v;
                }
            }
        }

        // Equations with few distinct sets first: they branch little and their sets constrain the rest early.
        Integer[] ord = new Integer[n];
        for (int i = 0; i < n; i++) {
            ord[i] = i;
        }
        Arrays.sort(ord, Comparator.comparingInt((Integer i) -> setIds[i].length).thenComparingInt(i -> i));
        this.order = new int[n];
        this.setsAt = new int[n][];
        this.multAt = new long[n][];
        this.factorsAt = new int[n][][];
        for (int p = 0; p < n; p++) {
            order[p] = ord[p];
            setsAt[p] = setIds[ord[p]];
            multAt[p] = mults[ord[p]];
            factorsAt[p] = facs[ord[p]];
        }

        this.chosen = new int[n];
        this.matchVar = new int[variables];
        Arrays.fill(matchVar, -1);
        this.saved = new int[n][variables];
        this.seen = new int[variables];
        this.matchedVarScratch = new int[n];
    }

    /** The number of admissible choices (factors with equal sets counted separately). */
    BigInteger count() {
        if (n != variables) {
            return BigInteger.ZERO; // no perfect matching between different numbers of equations and variables
        }
        return count(0);
    }

    /** Calls {@code sink} with each admissible choice: a fresh array, factor index per equation. */
    void forEach(Consumer<int[]> sink) {
        if (count().signum() == 0) {
            return;
        }
        enumerate(0, sink);
    }

    private BigInteger count(int level) {
        if (level == n) {
            return BigInteger.ONE;
        }
        Object key = variables <= 64 ? tightKey(level) : new MultisetKey(chosen, level);
        BigInteger known = memo.get(key);
        if (known != null) {
            return known;
        }
        if ((++nodes & WorkMeter.POLL_MASK) == 0) {
            published = nodes;
            meter.checkStop();
        }
        if (nodes > nodeBudget) {
            throw new BudgetExceeded();
        }
        BigInteger total = BigInteger.ZERO;
        System.arraycopy(matchVar, 0, saved[level], 0, variables);
        int[] sets = setsAt[level];
        for (int k = 0; k < sets.length; k++) {
            chosen[level] = sets[k];
            stamp++;
            if (augment(level)) {
                BigInteger sub = count(level + 1);
                if (sub.signum() != 0) {
                    total = total.add(sub.multiply(BigInteger.valueOf(multAt[level][k])));
                }
                System.arraycopy(saved[level], 0, matchVar, 0, variables);
            }
        }
        if (memo.size() < MAX_MEMO) {
            memo.put(key, total);
        }
        return total;
    }

    private void enumerate(int level, Consumer<int[]> sink) {
        if (level == n) {
            emit(sink);
            return;
        }
        System.arraycopy(matchVar, 0, saved[level], 0, variables);
        int[] sets = setsAt[level];
        for (int k = 0; k < sets.length; k++) {
            chosen[level] = sets[k];
            stamp++;
            if (augment(level)) {
                if (count(level + 1).signum() != 0) {
                    enumerate(level + 1, sink);
                }
                System.arraycopy(saved[level], 0, matchVar, 0, variables);
            }
        }
    }

    /** Expands the chosen distinct sets into every combination of the factors that have them. */
    private void emit(Consumer<int[]> sink) {
        int[][] options = new int[n][];
        for (int p = 0; p < n; p++) {
            int k = indexOf(setsAt[p], chosen[p]);
            options[p] = factorsAt[p][k];
        }
        int[] digit = new int[n];
        while (true) {
            int[] choice = new int[n];
            for (int p = 0; p < n; p++) {
                choice[order[p]] = options[p][digit[p]];
            }
            sink.accept(choice);
            int p = n - 1;
            while (p >= 0 && ++digit[p] == options[p].length) {
                digit[p] = 0;
                p--;
            }
            if (p < 0) {
                return;
            }
        }
    }

    /**
     * The state of the first {@code level} choices, reduced by their largest tight subfamily. With M the current
     * matching (it saturates the chosen equations), the chosen equations that no alternating path from an
     * unmatched variable reaches form a subfamily T whose sets lie inside C = M(T), |C| = |T|. Every perfect
     * matching of any completion must then match T onto C, so the completions depend only on C and on the other
     * chosen sets with C removed: that is the key. It identifies many more states than the multiset of chosen
     * sets does (any two prefixes that use up the same variables look alike), which is what keeps sparse
     * structures such as cyclic-n cheap.
     */
    private TightKey tightKey(int level) {
        long free = 0;
        int[] matchedVar = matchedVarScratch;
        for (int v = 0; v < variables; v++) {
            if (matchVar[v] < 0) {
                free |= 1L << v;
            } else {
                matchedVar[matchVar[v]] = v;
            }
        }
        // alternating-path search from the free variables, all at once on bit masks
        long reachedVars = free;
        long reachedEqs = 0;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int p = 0; p < level; p++) {
                if ((reachedEqs >>> p & 1) == 0 && (setMask[chosen[p]] & reachedVars) != 0) {
                    reachedEqs |= 1L << p;
                    reachedVars |= 1L << matchedVar[p];
                    grew = true;
                }
            }
        }
        long tight = 0;
        int loose = 0;
        for (int p = 0; p < level; p++) {
            if ((reachedEqs >>> p & 1) == 0) {
                tight |= 1L << matchedVar[p];
            } else {
                loose++;
            }
        }
        long[] key = new long[1 + loose];
        key[0] = tight;
        int k = 1;
        for (int p = 0; p < level; p++) {
            if ((reachedEqs >>> p & 1) != 0) {
                key[k++] = setMask[chosen[p]] & ~tight;
            }
        }
        Arrays.sort(key, 1, key.length);
        return new TightKey(key);
    }

    /** Kuhn's augmenting path from the equation at {@code pos} through the chosen sets. */
    private boolean augment(int pos) {
        for (int v : setVars[chosen[pos]]) {
            if (seen[v] != stamp) {
                seen[v] = stamp;
                int other = matchVar[v];
                if (other < 0 || augment(other)) {
                    matchVar[v] = pos;
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(int[] a, int x) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] == x) {
                return k;
            }
        }
        throw new IllegalStateException();
    }

    /** {@link #nodes()} as of the last poll: safe to read from another thread. */
    long publishedNodes() {
        return published;
    }

    long nodes() {
        return nodes;
    }

    private static final class TightKey {
        private final long[] words;
        private final int hash;

        TightKey(long[] words) {
            this.words = words;
            this.hash = Arrays.hashCode(words);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TightKey k && hash == k.hash && Arrays.equals(words, k.words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The multiset of the first {@code level} chosen set ids, as a sorted array (beyond 64 variables). */
    private static final class MultisetKey {
        private final int[] ids;
        private final int hash;

        MultisetKey(int[] chosen, int level) {
            ids = Arrays.copyOf(chosen, level);
            Arrays.sort(ids);
            hash = Arrays.hashCode(ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MultisetKey k && hash == k.hash && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
