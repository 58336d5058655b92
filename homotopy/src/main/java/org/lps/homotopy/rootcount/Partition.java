package org.lps.homotopy.rootcount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A partition of the variables 0..n-1 into non-empty groups: the multi-homogeneous structure of a system.
 * Immutable and canonical (members ascending, groups ordered by their smallest member), so two partitions are
 * equal exactly when they group the variables the same way.
 */
public final class Partition {

    private final int[][] groups;
    private final int[] groupOf;

    private Partition(int[][] canonicalGroups, int[] groupOf) {
        this.groups = canonicalGroups;
        this.groupOf = groupOf;
    }

    /** The partition with the given groups; every variable 0..n-1 must be in exactly one. */
    public static Partition of(int n, int[]... groups) {
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.length; g++) {
            if (groups[g].length == 0) {
                throw new IllegalArgumentException("partition group " + (g + 1) + " is empty");
            }
            for (int v : groups[g]) {
                if (v < 0 || v >= n) {
                    throw new IllegalArgumentException("variable index " + v + " outside 0.." + (n - 1));
                }
                if (groupOf[v] >= 0) {
                    throw new IllegalArgumentException("variable " + v + " is in two groups");
                }
                groupOf[v] = g;
            }
        }
        for (int v = 0; v < n; v++) {
            if (groupOf[v] < 0) {
                throw new IllegalArgumentException("variable " + v + " is in no group");
            }
        }
        return fromAssignment(groupOf);
    }

    /** The partition with the given groups, as lists of variable indices. */
    public static Partition of(int n, List<List<Integer>> groups) {
        int[][] gs = new int[groups.size()][];
        for (int g = 0; g < gs.length; g++) {
            gs[g] = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        return of(n, gs);
    }

    /** One group holding every variable: its Bezout number is the total degree. */
    public static Partition single(int n) {
        return fromAssignment(new int[n]);
    }

    /** Every variable in a group of its own. */
    public static Partition singletons(int n) {
        int[] a = new int[n];
        for (int v = 0; v < n; v++) {
            a[v] = v;
        }
        return fromAssignment(a);
    }

    /**
     * The partition in which variables with equal labels share a group ({@code label[v]} is any int, e.g. a
     * restricted growth string).
     */
    static Partition fromAssignment(int[] label) {
        int n = label.length;
        int[] canon = new int[n];
        // relabel in order of first appearance: the group of variable 0 is group 0, and so on
        Map<Integer, Integer> ids = new HashMap<>();
        int[] sizes = new int[n];
        for (int v = 0; v < n; v++) {
            Integer id = ids.get(label[v]);
            if (id == null) {
                id = ids.size();
                ids.put(label[v], id);
            }
            canon[v] = id;
            sizes[id]++;
        }
        int[][] groups = new int[ids.size()][];
        int[] fill = new int[groups.length];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new int[sizes[g]];
        }
        for (int v = 0; v < n; v++) {
            groups[canon[v]][fill[canon[v]]++] = v;
        }
        return new Partition(groups, canon);
    }

    public int variableCount() {
        return groupOf.length;
    }

    public int groupCount() {
        return groups.length;
    }

    /** The members of group {@code g}, ascending (a copy). */
    public int[] group(int g) {
        return groups[g].clone();
    }

    public int groupSize(int g) {
        return groups[g].length;
    }

    /** The group holding variable {@code v}. */
    public int groupOf(int v) {
        return groupOf[v];
    }

    /** The groups as lists of variable indices. */
    public List<List<Integer>> groups() {
        List<List<Integer>> out = new ArrayList<>();
        for (int[] g : groups) {
            out.add(Arrays.stream(g).boxed().toList());
        }
        return out;
    }

    /** The groups as lists of variable names. */
    public List<List<String>> groupNames(List<String> names) {
        List<List<String>> out = new ArrayList<>();
        for (int[] g : groups) {
            out.add(Arrays.stream(g).mapToObj(names::get).toList());
        }
        return out;
    }

    /** The groups written with variable names, e.g. {@code {x y} {z}}. */
    public String format(List<String> names) {
        StringJoiner sj = new StringJoiner(" ");
        for (int[] g : groups) {
            sj.add(SetStructure.formatSet(g, names));
        }
        return sj.toString();
    }

    int[] assignment() {
        return groupOf;
    }

    /** Orders partitions by group count, then lexicographically by assignment: a deterministic tie-break. */
    static final Comparator<Partition> SIMPLER_FIRST = Comparator.<Partition>comparingInt(Partition::groupCount)
            .thenComparing(Partition::assignment, Arrays::compare);

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition p && Arrays.equals(groupOf, p.groupOf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(groupOf);
    }

    @Override
    public String toString() {
        StringJoiner sj = new StringJoiner(" ");
        for (int[] g : groups) {
            sj.add(SetStructure.formatSet(g, null));
        }
        return sj.toString();
    }
}
