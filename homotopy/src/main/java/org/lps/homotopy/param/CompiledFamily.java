package org.lps.homotopy.param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.poly.Polynomial;

/**
 * A {@link ParameterizedSystem} compiled once for evaluation at any parameter values: the x-monomials of each
 * equation homogenized to its degree (x_0 last, as the projective tracker and the endgame expect) in one
 * {@link CompiledSystem} whose coefficients are given at run time, and the coefficient polynomials c_t(p) in a
 * second one (for families that are not affine in p). Immutable and shared by all threads.
 */
public final class CompiledFamily {

    private final ParameterizedSystem family;
    private final CompiledSystem monomials;
    /** Compiled term k carries family term order[k]. */
    private final int[] order;
    /** Compiled term k belongs to equation equationOf[k]. */
    private final int[] equationOf;
    private final CompiledSystem coefficientMap;

    public CompiledFamily(ParameterizedSystem family) {
        this.family = family;
        int n = family.variableCount();
        List<Polynomial> eqs = new ArrayList<>();
        List<Map<ExponentKey, Integer>> termIndex = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int d = family.degree(i);
            List<Polynomial> terms = new ArrayList<>();
            Map<ExponentKey, Integer> index = new HashMap<>();
            int[][] a = family.monomials(i);
            for (int t = 0; t < a.length; t++) {
                int[] e = Arrays.copyOf(a[t], n + 1);
                e[n] = d - Arrays.stream(a[t]).sum();
                terms.add(Polynomial.monomial(1, 0, e));
                index.put(new ExponentKey(e), family.termStart(i) + t);
            }
            // the coefficients do not matter (the run-time ones replace them), only the terms and their order
            eqs.add(Polynomial.sum(terms));
            termIndex.add(index);
        }
        this.monomials = CompiledSystem.compile(eqs, n + 1);
        this.order = new int[monomials.termCount()];
        this.equationOf = new int[order.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Polynomial p = eqs.get(i);
            for (int t = 0; t < p.termCount(); t++, k++) {
                order[k] = termIndex.get(i).get(new ExponentKey(p.exponents(t, n + 1)));
                equationOf[k] = i;
            }
        }
        List<Polynomial> coefs = new ArrayList<>();
        for (int t = 0; t < family.termCount(); t++) {
            coefs.add(family.coefficientPolynomial(t));
        }
        this.coefficientMap = CompiledSystem.compile(coefs, Math.max(1, family.parameterCount()));
    }

    public ParameterizedSystem family() {
        return family;
    }

    /** The homogenized monomials (n equations in n + 1 variables), evaluated with run-time coefficients. */
    public CompiledSystem monomials() {
        return monomials;
    }

    /** The coefficient polynomials c_t(p) as a system of {@link ParameterizedSystem#termCount()} equations in p. */
    public CompiledSystem coefficientMap() {
        return coefficientMap;
    }

    /** The number of run-time coefficients (one per term). */
    public int termCount() {
        return order.length;
    }

    /**
     * Reorders family coefficients (family term order, as {@link ParameterizedSystem#coefficients} gives them)
     * into the compiled term order, multiplying the terms of equation i by {@code scale[i]}.
     */
    public void toCompiledOrder(double[] familyCoefficients, double[] scale, double[] out) {
        for (int k = 0; k < order.length; k++) {
            double s = scale == null ? 1 : scale[equationOf[k]];
            out[2 * k] = s * familyCoefficients[2 * order[k]];
            out[2 * k + 1] = s * familyCoefficients[2 * order[k] + 1];
        }
    }

    /** Equation of compiled term k. */
    int equationOf(int k) {
        return equationOf[k];
    }

    /** Family term of compiled term k. */
    int familyTerm(int k) {
        return order[k];
    }

    /** 1 / (the largest coefficient modulus of each equation) over the given coefficient vectors (family order). */
    public double[] equationScales(double[]... familyCoefficients) {
        int n = family.variableCount();
        double[] max = new double[n];
        for (double[] c : familyCoefficients) {
            for (int k = 0; k < order.length; k++) {
                int t = order[k];
                max[equationOf[k]] = Math.max(max[equationOf[k]], Math.hypot(c[2 * t], c[2 * t + 1]));
            }
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = max[i] > 0 ? 1 / max[i] : 1;
        }
        return s;
    }
}
