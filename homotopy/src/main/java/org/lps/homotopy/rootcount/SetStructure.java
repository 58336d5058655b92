package org.lps.homotopy.rootcount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * A set structure (generalized linear-product structure) for a square system: for each equation i, a list of
 * factor sets S_i1, ..., S_im of variable indices. It stands for the product family
 * prod_j (c_j0 + sum_{v in S_ij} c_jv x_v), and is valid for a system when it {@link #covers covers} every
 * equation. Its root count is the number of admissible choices of one factor per equation (see
 * {@link LinearProductBound}); a linear-product start system takes one random affine form per factor over
 * exactly that factor's set.
 *
 * <p>Immutable. Sets are kept ascending; the order of the factors within an equation is kept as given, since
 * start systems and choices refer to factors by index.
 */
public final class SetStructure {

    private final int variables;
    private final int[][][] factors; // [equation][factor] -> ascending variable indices

    private SetStructure(int variables, int[][][] factors) {
        this.variables = variables;
        this.factors = factors;
    }

    /**
     * A structure in {@code variables} unknowns: {@code factors[i][j]} lists the variables of factor j of
     * equation i (any order, no repeats; an empty set is a constant factor).
     */
    public static SetStructure of(int variables, int[][][] factors) {
        int[][][] copy = new int[factors.length][][];
        for (int i = 0; i < factors.length; i++) {
            copy[i] = new int[factors[i].length][];
            for (int j = 0; j < factors[i].length; j++) {
                int[] s = factors[i][j].clone();
                Arrays.sort(s);
                for (int k = 0; k < s.length; k++) {
                    if (s[k] < 0 || s[k] >= variables) {
                        throw new IllegalArgumentException("equation " + (i + 1) + ", factor " + (j + 1)
                                + ": variable index " + s[k] + " outside 0.." + (variables - 1));
                    }
                    if (k > 0 && s[k] == s[k - 1]) {
                        throw new IllegalArgumentException("equation " + (i + 1) + ", factor " + (j + 1)
                                + ": variable " + s[k] + " listed twice");
                    }
                }
                copy[i][j] = s;
            }
        }
        return new SetStructure(variables, copy);
    }

    /** The structure from lists: {@code factors.get(i).get(j)} is factor j of equation i. */
    public static SetStructure of(int variables, List<List<List<Integer>>> factors) {
        int[][][] a = new int[factors.size()][][];
        for (int i = 0; i < a.length; i++) {
            a[i] = new int[factors.get(i).size()][];
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] = factors.get(i).get(j).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return of(variables, a);
    }

    /** Equation i gets deg f_i factors over all variables: the count is the total degree. */
    public static SetStructure totalDegree(PolynomialSystem system) {
        return of(system, Partition.single(system.variableCount()));
    }

    /**
     * The multi-homogeneous structure of a partition: equation i gets d_ij factors over group j, where d_ij is
     * its degree in the variables of group j. Its count is the partition's Bezout number.
     */
    public static SetStructure of(PolynomialSystem system, Partition partition) {
        requireSameVariables(system, partition.variableCount());
        return ofPartition(Supports.of(system), partition);
    }

    static SetStructure ofPartition(Supports s, Partition partition) {
        int[][] deg = s.degreeMatrix(partition);
        int[][][] f = new int[s.equationCount()][][];
        for (int i = 0; i < f.length; i++) {
            List<int[]> sets = new ArrayList<>();
            for (int g = 0; g < partition.groupCount(); g++) {
                for (int k = 0; k < deg[i][g]; k++) {
                    sets.add(partition.group(g));
                }
            }
            f[i] = sets.toArray(new int[0][]);
        }
        return new SetStructure(s.variables, f);
    }

    /** Wraps arrays the caller guarantees are ascending and no longer shared. */
    static SetStructure ofTrusted(int variables, int[][][] factors) {
        return new SetStructure(variables, factors);
    }

    public int equationCount() {
        return factors.length;
    }

    public int variableCount() {
        return variables;
    }

    public int factorCount(int equation) {
        return factors[equation].length;
    }

    /** The variables of factor {@code f} of equation {@code i}, ascending (a copy). */
    public int[] factor(int i, int f) {
        return factors[i][f].clone();
    }

    /** The factors of equation i (copies). */
    public int[][] factors(int i) {
        int[][] out = new int[factors[i].length][];
        for (int f = 0; f < out.length; f++) {
            out[f] = factors[i][f].clone();
        }
        return out;
    }

    /** Shared internal arrays: read only. */
    int[][][] raw() {
        return factors;
    }

    /** The total number of variable slots in all factors: a measure of how dense the start system is. */
    public int size() {
        int s = 0;
        for (int[][] eq : factors) {
            for (int[] f : eq) {
                s += f.length;
            }
        }
        return s;
    }

    /**
     * Whether the structure is valid for {@code system}: same size, and every monomial of every equation i is a
     * product of variables taken from distinct factors of S_i (so f_i lies in the span of the product family).
     */
    public boolean covers(PolynomialSystem system) {
        return firstUncovered(system) < 0;
    }

    /** The first equation (0-based) the structure does not cover, or -1 when it covers them all. */
    public int firstUncovered(PolynomialSystem system) {
        if (system.equationCount() != factors.length) {
            throw new IllegalArgumentException("the set structure has " + factors.length
                    + " equations, the system " + system.equationCount());
        }
        requireSameVariables(system, variables);
        return firstUncovered(Supports.of(system));
    }

    int firstUncovered(Supports s) {
        for (int i = 0; i < factors.length; i++) {
            if (!new FactorCover(variables, factors[i]).coversAll(s.monomials[i])) {
                return i;
            }
        }
        return -1;
    }

    private static void requireSameVariables(PolynomialSystem system, int n) {
        if (system.variableCount() != n) {
            throw new IllegalArgumentException("the structure is over " + n + " variables, the system has "
                    + system.variableCount());
        }
    }

    /** One line per equation, e.g. {@code {x y}{x y}{z}}. */
    public List<String> format(List<String> names) {
        List<String> lines = new ArrayList<>();
        for (int[][] eq : factors) {
            StringBuilder sb = new StringBuilder();
            for (int[] f : eq) {
                sb.append(formatSet(f, names));
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    /** The factor sets of each equation as lists of variable names (for JSON). */
    public List<List<List<String>>> names(List<String> names) {
        List<List<List<String>>> out = new ArrayList<>();
        for (int[][] eq : factors) {
            List<List<String>> sets = new ArrayList<>();
            for (int[] f : eq) {
                sets.add(Arrays.stream(f).mapToObj(names::get).toList());
            }
            out.add(sets);
        }
        return out;
    }

    static String formatSet(int[] set, List<String> names) {
        StringJoiner sj = new StringJoiner(" ", "{", "}");
        for (int v : set) {
            sj.add(names == null ? "x" + v : names.get(v));
        }
        return sj.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetStructure s && variables == s.variables && Arrays.deepEquals(factors, s.factors);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(factors) * 31 + variables;
    }

    @Override
    public String toString() {
        return String.join("\n", format(null));
    }
}
