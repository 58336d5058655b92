package org.lps.homotopy.solve;

/**
 * Union-find on the indices 0..n-1 in a plain parent array (p[i] == i for a root), for grouping points whose
 * boxes or tolerance balls overlap: path halving, and the smaller index as the root, so a group's root is its
 * first member and the grouping does not depend on the order of the unions.
 */
public final class DisjointSets {

    private DisjointSets() {
    }

    /** The root of i's set. */
    public static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    /** Joins the sets of a and b. */
    public static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra != rb) {
            p[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
