package org.lps.homotopy.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * A polynomial system compiled once into a straight-line program that an {@link Evaluator} runs to compute
 * all values and the whole Jacobian in one pass.
 *
 * <p>The program has two parts.
 * <ol>
 * <li>A monomial table. It holds every monomial the system needs: those of its terms and those of their
 * partial derivatives (x^(a - e_v) for each term x^a and each variable v in it). Entry k is computed as
 * entry parent[k] times one variable, in an order where parents come first, so the whole table costs one
 * complex multiplication per monomial and is shared by every equation and every Jacobian entry. This is
 * where sparse systems with many repeated monomials (katsura, dense systems, the LPS gradients) save most:
 * a monomial and its derivatives are formed once, not once per equation.</li>
 * <li>Two sparse sums in compressed-row form: f_i = sum c_t * m_t and J_iv = sum (a_v c_t) * m_(t - e_v),
 * one complex multiply-add per entry, with the coefficient (times the exponent for derivatives) folded in at
 * compile time.</li>
 * </ol>
 * No division is involved, so zero coordinates are evaluated exactly.
 *
 * <p>Immutable and shareable between threads; each thread takes its own {@link #evaluator()}.
 */
public final class CompiledSystem {

    final int equations;
    final int variables;
    /** Monomial k (k >= 1) = monomial monoParent[k] * x_monoVar[k]; monomial 0 is the constant 1. */
    final int[] monoParent;
    final int[] monoVar;
    /** Values: equation i sums entries valStart[i] .. valStart[i+1]-1, each coefficient * monomial. */
    final int[] valStart;
    final int[] valMono;
    final double[] valCoef;   // interleaved re, im
    /** Jacobian: entry (i, v) = row i*n+v sums jacStart[r] .. jacStart[r+1]-1. */
    final int[] jacStart;
    final int[] jacMono;
    final double[] jacCoef;
    /**
     * For evaluation with coefficients given at run time ({@link Evaluator#valuesAndJacobian(double[], double[],
     * double[], double[])}): the term (numbered over the whole system, equation by equation, in each polynomial's
     * term order) each value entry comes from, and for each Jacobian entry its term and exponent factor.
     */
    final int[] valTerm;
    final int[] jacTerm;
    final double[] jacExponent;
    private final int termCount;

    private CompiledSystem(List<Polynomial> eqs, int variables) {
        this.equations = eqs.size();
        this.variables = variables;
        MonomialTable table = new MonomialTable(variables);
        int terms = 0;
        // (row, monomial, coefficient) triples, collected per row in order
        List<List<double[]>> valRows = new ArrayList<>();
        List<List<double[]>> jacRows = new ArrayList<>();
        for (int r = 0; r < equations * variables; r++) {
            jacRows.add(new ArrayList<>());
        }
        for (int i = 0; i < equations; i++) {
            Polynomial p = eqs.get(i);
            if (p.width() > variables) {
                throw new IllegalArgumentException("an equation uses variable index " + (p.width() - 1)
                        + " but the system has " + variables + " variables");
            }
            List<double[]> row = new ArrayList<>();
            valRows.add(row);
            for (int t = 0; t < p.termCount(); t++) {
                int[] a = p.exponents(t, variables);
                int term = terms + t;
                row.add(new double[] {table.index(a), p.re(t), p.im(t), term, 1});
                for (int v = 0; v < variables; v++) {
                    if (a[v] == 0) {
                        continue;
                    }
                    int e = a[v];
                    a[v]--;
                    jacRows.get(i * variables + v).add(new double[] {table.index(a), e * p.re(t), e * p.im(t), term, e});
                    a[v]++;
                }
            }
            terms += p.termCount();
        }
        this.termCount = terms;
        this.monoParent = table.parents();
        this.monoVar = table.vars();
        int[][] val = pack(valRows);
        valStart = val[0];
        valMono = val[1];
        valCoef = coefficients(valRows);
        int[][] jac = pack(jacRows);
        jacStart = jac[0];
        jacMono = jac[1];
        jacCoef = coefficients(jacRows);
        valTerm = column(valRows, 3);
        jacTerm = column(jacRows, 3);
        jacExponent = Arrays.stream(column(jacRows, 4)).asDoubleStream().toArray();
    }

    private static int[] column(List<List<double[]>> rows, int c) {
        return rows.stream().flatMap(List::stream).mapToInt(e -> (int) e[c]).toArray();
    }

    private static int[][] pack(List<List<double[]>> rows) {
        int[] start = new int[rows.size() + 1];
        int total = 0;
        for (int r = 0; r < rows.size(); r++) {
            start[r] = total;
            total += rows.get(r).size();
        }
        start[rows.size()] = total;
        int[] mono = new int[total];
        int k = 0;
        for (List<double[]> row : rows) {
            for (double[] e : row) {
                mono[k++] = (int) e[0];
            }
        }
        return new int[][] {start, mono};
    }

    private static double[] coefficients(List<List<double[]>> rows) {
        List<Double> out = new ArrayList<>();
        for (List<double[]> row : rows) {
            for (double[] e : row) {
                out.add(e[1]);
                out.add(e[2]);
            }
        }
        double[] c = new double[out.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = out.get(k);
        }
        return c;
    }

    public static CompiledSystem compile(PolynomialSystem system) {
        return new CompiledSystem(system.equations(), system.variableCount());
    }

    /** Compiles equations in the variables 0 .. variables-1. */
    public static CompiledSystem compile(List<Polynomial> equations, int variables) {
        return new CompiledSystem(equations, variables);
    }

    public int equationCount() {
        return equations;
    }

    public int variableCount() {
        return variables;
    }

    /**
     * Number of terms, summed over the equations: the length (in complex numbers) of the coefficient vectors that
     * evaluation with run-time coefficients takes, term t of equation i being number
     * (terms of equations 0..i-1) + t in the polynomial's own term order.
     */
    public int termCount() {
        return termCount;
    }

    /** Number of monomials in the shared table (including the constant 1). */
    public int monomialCount() {
        return monoParent.length;
    }

    /** A fresh evaluator with its own workspace; not thread-safe, so one per thread. */
    public Evaluator evaluator() {
        return new Evaluator(this);
    }

    /**
     * The set of monomials, closed under "has a parent in the set": each monomial of positive degree is
     * some member times one variable. Entries are added parents-first, so evaluating in index order works.
     */
    private static final class MonomialTable {
        private final int n;
        private final Map<Key, Integer> index = new HashMap<>();
        private final List<int[]> monomials = new ArrayList<>();
        private int[] parent = new int[16];
        private int[] var = new int[16];

        MonomialTable(int n) {
            this.n = n;
            add(new int[n], -1, -1);
        }

        /** The index of x^a, adding it (and any missing ancestors) first. */
        int index(int[] a) {
            Integer k = index.get(new Key(a));
            if (k != null) {
                return k;
            }
            // prefer a parent that already exists, so shared sub-monomials are reused
            int best = -1;
            for (int v = 0; v < n && best < 0; v++) {
                if (a[v] > 0) {
                    a[v]--;
                    if (index.containsKey(new Key(a))) {
                        best = v;
                    }
                    a[v]++;
                }
            }
            if (best < 0) {
                best = firstNonZero(a);
            }
            a[best]--;
            int p = index(a);
            a[best]++;
            return add(a.clone(), p, best);
        }

        private static int firstNonZero(int[] a) {
            for (int v = 0; v < a.length; v++) {
                if (a[v] > 0) {
                    return v;
                }
            }
            throw new IllegalStateException("the constant monomial is always present");
        }

        private int add(int[] a, int p, int v) {
            int k = monomials.size();
            monomials.add(a);
            index.put(new Key(a), k);
            if (k == parent.length) {
                parent = Arrays.copyOf(parent, 2 * k);
                var = Arrays.copyOf(var, 2 * k);
            }
            parent[k] = p;
            var[k] = v;
            return k;
        }

        int[] parents() {
            return Arrays.copyOf(parent, monomials.size());
        }

        int[] vars() {
            return Arrays.copyOf(var, monomials.size());
        }
    }

    private record Key(int[] a) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(a, k.a);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(a);
        }
    }
}
