package org.lps.homotopy.rootcount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The supports of a system's equations as primitive exponent vectors: all that root counts look at
 * (coefficients are assumed generic). Constant terms are left out since every structure covers them.
 */
final class Supports {

    final int variables;
    /** monomials[i][t] = exponent vector (length {@link #variables}) of the t-th non-constant term of equation i. */
    final int[][][] monomials;
    final int[] degrees;

    private Supports(int variables, int[][][] monomials) {
        this.variables = variables;
        this.monomials = monomials;
        this.degrees = new int[monomials.length];
        for (int i = 0; i < monomials.length; i++) {
            for (int[] a : monomials[i]) {
                degrees[i] = Math.max(degrees[i], sum(a));
            }
        }
    }

    static Supports of(PolynomialSystem system) {
        return of(system.variableCount(), system.equations());
    }

    static Supports of(int variables, List<Polynomial> equations) {
        int[][][] mons = new int[equations.size()][][];
        for (int i = 0; i < mons.length; i++) {
            Polynomial p = equations.get(i);
            Set<List<Integer>> seen = new LinkedHashSet<>();
            List<int[]> terms = new ArrayList<>();
            for (int t = 0; t < p.termCount(); t++) {
                int[] a = p.exponents(t, variables);
                if (sum(a) > 0 && seen.add(Arrays.stream(a).boxed().toList())) {
                    terms.add(a);
                }
            }
            mons[i] = terms.toArray(new int[0][]);
        }
        return new Supports(variables, mons);
    }

    int equationCount() {
        return monomials.length;
    }

    /** Whether variable v occurs in equation i. */
    boolean involves(int i, int v) {
        for (int[] a : monomials[i]) {
            if (a[v] > 0) {
                return true;
            }
        }
        return false;
    }

    /** The variables occurring in equation i, ascending. */
    int[] variablesOf(int i) {
        boolean[] in = new boolean[variables];
        for (int[] a : monomials[i]) {
            for (int v = 0; v < variables; v++) {
                in[v] |= a[v] > 0;
            }
        }
        return indices(in);
    }

    /** The degree of equation i in the variables {@code v} with {@code inGroup[v]}. */
    int degreeIn(int i, boolean[] inGroup) {
        int d = 0;
        for (int[] a : monomials[i]) {
            int s = 0;
            for (int v = 0; v < variables; v++) {
                if (inGroup[v]) {
                    s += a[v];
                }
            }
            d = Math.max(d, s);
        }
        return d;
    }

    /** degree[i][g]: the degree of equation i in group g of the partition. */
    int[][] degreeMatrix(Partition p) {
        int[][] deg = new int[monomials.length][p.groupCount()];
        int[] groupSum = new int[p.groupCount()];
        int[] groupOf = p.assignment();
        for (int i = 0; i < monomials.length; i++) {
            for (int[] a : monomials[i]) {
                Arrays.fill(groupSum, 0);
                for (int v = 0; v < variables; v++) {
                    groupSum[groupOf[v]] += a[v];
                }
                for (int g = 0; g < groupSum.length; g++) {
                    deg[i][g] = Math.max(deg[i][g], groupSum[g]);
                }
            }
        }
        return deg;
    }

    static int[] indices(boolean[] in) {
        int k = 0;
        for (boolean b : in) {
            k += b ? 1 : 0;
        }
        int[] out = new int[k];
        k = 0;
        for (int v = 0; v < in.length; v++) {
            if (in[v]) {
                out[k++] = v;
            }
        }
        return out;
    }

    static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }
}
