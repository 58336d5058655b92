package org.lps.homotopy.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
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
 * the product of two earlier entries (mostly an entry times one variable; halves for high powers), so the
 * whole table costs one complex multiplication per monomial and is shared by every equation and every
 * Jacobian entry. This is
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
    /**
     * Monomial 0 is the constant 1, monomials 1..n the variables x_0..x_(n-1); monomial k > n is the product of
     * monomials monoLeft[k] and monoRight[k], both earlier in the table.
     */
    final int[] monoLeft;
    final int[] monoRight;
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
        this.monoLeft = table.lefts();
        this.monoRight = table.rights();
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
        return monoLeft.length;
    }

    /** A fresh evaluator with its own workspace; not thread-safe, so one per thread. */
    public Evaluator evaluator() {
        return new Evaluator(this);
    }

    /**
     * The set of monomials, closed under "is the product of two members" (the variables and the constant 1 are
     * always members). Entries are added factors-first, so evaluating in index order works.
     *
     * <p>A new monomial is, by preference, an existing monomial times one variable (one multiplication, and the
     * sub-monomials of a system's terms are shared); when no such member exists it is split in halves,
     * x^a = x^floor(a/2) * x^ceil(a/2), so a power x^10000 costs about 2 log2(10000) entries instead of a chain
     * of 10000. The construction is iterative (an explicit stack), so no exponent can overflow the call stack.
     */
    private static final class MonomialTable {
        private final int n;
        private final Map<Key, Integer> index = new HashMap<>();
        private int size;
        private int[] left = new int[16];
        private int[] right = new int[16];

        MonomialTable(int n) {
            this.n = n;
            add(new int[n], -1, -1);
            for (int v = 0; v < n; v++) {
                int[] e = new int[n];
                e[v] = 1;
                add(e, -1, v);   // the variables themselves: read from the point, see Evaluator.monomials
            }
        }

        /** The index of x^a, adding it (and any missing factors) first. {@code a} is not modified. */
        int index(int[] a) {
            Integer known = index.get(new Key(a));
            if (known != null) {
                return known;
            }
            // Depth-first over the factors still missing: each stack entry is a monomial and its chosen split.
            Deque<int[][]> stack = new ArrayDeque<>();
            stack.push(split(a.clone()));
            while (!stack.isEmpty()) {
                int[][] top = stack.peek();
                Integer l = index.get(new Key(top[1]));
                Integer r = index.get(new Key(top[2]));
                if (l != null && r != null) {
                    stack.pop();
                    if (!index.containsKey(new Key(top[0]))) {
                        add(top[0], l, r);
                    }
                } else {
                    // the missing factor(s); the left one is evaluated first
                    if (r == null) {
                        stack.push(split(top[2]));
                    }
                    if (l == null) {
                        stack.push(split(top[1]));
                    }
                }
            }
            return index.get(new Key(a));
        }

        /** {monomial, left factor, right factor}, the factors of positive degree and already present if possible. */
        private int[][] split(int[] a) {
            for (int v = 0; v < n; v++) {
                if (a[v] > 0) {
                    int[] rest = a.clone();
                    rest[v]--;
                    if (index.containsKey(new Key(rest))) {
                        return new int[][] {a, rest, unit(v)};
                    }
                }
            }
            int[] half = new int[n];
            int degree = 0;
            for (int v = 0; v < n; v++) {
                half[v] = a[v] / 2;
                degree += half[v];
            }
            if (degree == 0) {
                // square-free: peel off the first variable
                int v = firstNonZero(a);
                int[] rest = a.clone();
                rest[v]--;
                return new int[][] {a, rest, unit(v)};
            }
            int[] other = new int[n];
            for (int v = 0; v < n; v++) {
                other[v] = a[v] - half[v];
            }
            return new int[][] {a, other, half};
        }

        private int[] unit(int v) {
            int[] e = new int[n];
            e[v] = 1;
            return e;
        }

        private static int firstNonZero(int[] a) {
            for (int v = 0; v < a.length; v++) {
                if (a[v] > 0) {
                    return v;
                }
            }
            throw new IllegalStateException("the constant monomial is always present");
        }

        private void add(int[] a, int l, int r) {
            int k = size++;
            index.put(new Key(a), k);
            if (k == left.length) {
                left = Arrays.copyOf(left, 2 * k);
                right = Arrays.copyOf(right, 2 * k);
            }
            left[k] = l;
            right[k] = r;
        }

        int[] lefts() {
            return Arrays.copyOf(left, size);
        }

        int[] rights() {
            return Arrays.copyOf(right, size);
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
