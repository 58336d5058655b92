package org.lps.homotopy.eval;

import java.util.List;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * A polynomial system compiled once into flat instruction arrays that an {@link Evaluator} runs to compute
 * all values and the whole Jacobian in one pass.
 *
 * <p>The program has two parts. First a power table: for each variable x_v, the powers x_v^0 .. x_v^{D_v}
 * with D_v its largest exponent anywhere in the system, computed once per point and shared by every term
 * (the "shared monomial powers"). Then one instruction per term: its coefficient and its factors, each a
 * pointer into the power table. A term c * prod_k x_{v_k}^{e_k} contributes its value and, for each factor,
 * the partial derivative e_k x_{v_k}^{e_k - 1} * c * prod_{j != k} (...) computed from prefix and suffix
 * products, so there is no division (which would fail at zero coordinates) and about four complex
 * multiplications per factor.
 *
 * <p>Immutable and shareable between threads; each thread takes its own {@link #evaluator()}.
 */
public final class CompiledSystem {

    final int equations;
    final int variables;
    /** Per variable: where its powers start in the power table, and its largest exponent. */
    final int[] powerOffset;
    final int[] maxExponent;
    final int powerTableSize;
    /** Terms of equation i are termStart[i] .. termStart[i+1]-1. */
    final int[] termStart;
    final double[] coefRe;
    final double[] coefIm;
    /** Factors of term t are factorStart[t] .. factorStart[t+1]-1. */
    final int[] factorStart;
    final int[] factorVar;
    final double[] factorExp;
    /** Index in the power table of x_v^e and of x_v^{e-1}. */
    final int[] factorPow;
    final int[] factorPowMinus1;
    final int maxFactors;

    private CompiledSystem(List<Polynomial> eqs, int variables) {
        this.equations = eqs.size();
        this.variables = variables;
        maxExponent = new int[variables];
        int terms = 0, factors = 0;
        for (Polynomial p : eqs) {
            if (p.width() > variables) {
                throw new IllegalArgumentException("an equation uses variable index " + (p.width() - 1)
                        + " but the system has " + variables + " variables");
            }
            terms += p.termCount();
            for (int t = 0; t < p.termCount(); t++) {
                for (int v = 0; v < p.width(); v++) {
                    int e = p.exponent(t, v);
                    if (e > 0) {
                        factors++;
                        maxExponent[v] = Math.max(maxExponent[v], e);
                    }
                }
            }
        }
        powerOffset = new int[variables];
        int size = 0;
        for (int v = 0; v < variables; v++) {
            powerOffset[v] = size;
            size += maxExponent[v] + 1;
        }
        powerTableSize = size;

        termStart = new int[equations + 1];
        coefRe = new double[terms];
        coefIm = new double[terms];
        factorStart = new int[terms + 1];
        factorVar = new int[factors];
        factorExp = new double[factors];
        factorPow = new int[factors];
        factorPowMinus1 = new int[factors];
        int t = 0, f = 0, mf = 0;
        for (int i = 0; i < equations; i++) {
            termStart[i] = t;
            Polynomial p = eqs.get(i);
            for (int s = 0; s < p.termCount(); s++, t++) {
                coefRe[t] = p.re(s);
                coefIm[t] = p.im(s);
                factorStart[t] = f;
                for (int v = 0; v < p.width(); v++) {
                    int e = p.exponent(s, v);
                    if (e > 0) {
                        factorVar[f] = v;
                        factorExp[f] = e;
                        factorPow[f] = powerOffset[v] + e;
                        factorPowMinus1[f] = powerOffset[v] + e - 1;
                        f++;
                    }
                }
                mf = Math.max(mf, f - factorStart[t]);
            }
        }
        termStart[equations] = t;
        factorStart[terms] = f;
        maxFactors = mf;
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

    /** Number of terms, summed over the equations. */
    public int termCount() {
        return coefRe.length;
    }

    /** A fresh evaluator with its own workspace; not thread-safe, so one per thread. */
    public Evaluator evaluator() {
        return new Evaluator(this);
    }
}
