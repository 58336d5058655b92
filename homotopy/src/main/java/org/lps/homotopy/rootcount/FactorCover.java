package org.lps.homotopy.rootcount;

import java.util.Arrays;

/**
 * The factor sets of one equation, mutable, with the covering test: a monomial is covered when each of its
 * variable occurrences (x^2 y is x, x, y) can go to a different factor whose set contains that variable. The
 * product of generic affine forms over the sets then has that monomial in its expansion, so an equation whose
 * monomials are all covered lies in the span of the product family (the hypothesis of the generalized
 * linear-product theorem). The test is a bipartite matching of occurrences into factors (Kuhn's augmenting
 * paths: a monomial has at most degree-many occurrences, so this is tiny).
 */
final class FactorCover {

    private final int variables;
    /** member[f][v]: factor f contains variable v. */
    private final boolean[][] member;
    private final int[] size;

    // scratch for the matching
    private final int[] occurrenceVar;
    private final int[] factorMatch;
    private final int[] seen;
    private int stamp;

    FactorCover(int variables, int[][] factorSets) {
        this.variables = variables;
        int m = factorSets.length;
        this.member = new boolean[m][variables];
        this.size = new int[m];
        for (int f = 0; f < m; f++) {
            for (int v : factorSets[f]) {
                if (!member[f][v]) {
                    member[f][v] = true;
                    size[f]++;
                }
            }
        }
        this.occurrenceVar = new int[Math.max(m, 1)];
        this.factorMatch = new int[m];
        this.seen = new int[m];
    }

    int factorCount() {
        return member.length;
    }

    boolean contains(int f, int v) {
        return member[f][v];
    }

    int size(int f) {
        return size[f];
    }

    void remove(int f, int v) {
        if (member[f][v]) {
            member[f][v] = false;
            size[f]--;
        }
    }

    void add(int f, int v) {
        if (!member[f][v]) {
            member[f][v] = true;
            size[f]++;
        }
    }

    /** Whether every monomial is covered. */
    boolean coversAll(int[][] monomials) {
        for (int[] a : monomials) {
            if (!covers(a)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every monomial in which variable {@code v} occurs is covered (the others cannot change). */
    boolean coversAllWith(int[][] monomials, int v) {
        for (int[] a : monomials) {
            if (a[v] > 0 && !covers(a)) {
                return false;
            }
        }
        return true;
    }

    boolean covers(int[] exps) {
        int k = 0;
        for (int v = 0; v < variables; v++) {
            for (int e = exps[v]; e > 0; e--) {
                if (k == occurrenceVar.length) {
                    return false; // more occurrences than factors
                }
                occurrenceVar[k++] = v;
            }
        }
        Arrays.fill(factorMatch, -1);
        for (int o = 0; o < k; o++) {
            stamp++;
            if (!augment(o)) {
                return false;
            }
        }
        return true;
    }

    private boolean augment(int o) {
        int v = occurrenceVar[o];
        for (int f = 0; f < member.length; f++) {
            if (member[f][v] && seen[f] != stamp) {
                seen[f] = stamp;
                if (factorMatch[f] < 0 || augment(factorMatch[f])) {
                    factorMatch[f] = o;
                    return true;
                }
            }
        }
        return false;
    }

    /** The non-empty factor sets, each ascending (empty factors are constants and count for nothing). */
    int[][] toSets() {
        int m = 0;
        for (int s : size) {
            m += s > 0 ? 1 : 0;
        }
        int[][] out = new int[m][];
        m = 0;
        for (int f = 0; f < member.length; f++) {
            if (size[f] > 0) {
                out[m++] = Supports.indices(member[f]);
            }
        }
        return out;
    }
}
