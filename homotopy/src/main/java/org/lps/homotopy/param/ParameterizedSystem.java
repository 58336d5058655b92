package org.lps.homotopy.param;

import org.lps.homotopy.poly.InvalidSystemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * A family of square polynomial systems F(x; p): n equations in the unknowns x whose coefficients are polynomials
 * in the parameters p. Term t of equation i is c_t(p) x^(a_t), with the x-monomials x^(a_t) distinct within an
 * equation; the terms are numbered over the whole system, equation by equation, which is the order of every
 * coefficient vector here ({@link #coefficients}) and of the compiled evaluation ({@link CompiledFamily}).
 *
 * <pre>{@code
 * // x^2 + a x + b = 0, parameters a and b
 * PolynomialSystem s = SystemParser.parse("x^2 + a*x + b", "inline", Format.PLAIN);
 * ParameterizedSystem f = ParameterizedSystem.of(s, List.of("a", "b"));
 * PolynomialSystem atPoint = f.at(new double[] {-3, 0, 2, 0});   // x^2 - 3x + 2
 * }</pre>
 *
 * <p>Two ways to get one: split a system's variables into unknowns and parameters ({@link #of}), or take every
 * coefficient of a system as a parameter of the same support ({@link #coefficientFamily}, what monodromy does for a
 * system without declared parameters). Immutable.
 */
public final class ParameterizedSystem {

    private final List<String> variables;
    private final List<String> parameters;
    /** Per equation: its x-exponent vectors (length n) in term order. */
    private final List<int[][]> monomials;
    /** Per term (numbered over the system): c_t(p) as a polynomial in the m parameters. */
    private final List<Polynomial> coefficientPolynomials;
    private final int[] termStart;
    private final boolean affine;

    private ParameterizedSystem(List<String> variables, List<String> parameters, List<int[][]> monomials,
                                List<Polynomial> coefficientPolynomials) {
        this.variables = List.copyOf(variables);
        this.parameters = List.copyOf(parameters);
        this.monomials = List.copyOf(monomials);
        this.coefficientPolynomials = List.copyOf(coefficientPolynomials);
        this.termStart = new int[monomials.size() + 1];
        for (int i = 0; i < monomials.size(); i++) {
            termStart[i + 1] = termStart[i] + monomials.get(i).length;
        }
        boolean a = true;
        for (Polynomial c : coefficientPolynomials) {
            a &= c.degree() <= 1;
        }
        this.affine = a;
        if (monomials.size() != variables.size()) {
            throw new InvalidSystemException(monomials.size() + " equation" + (monomials.size() == 1 ? "" : "s")
                    + " in " + variables.size() + " unknown" + (variables.size() == 1 ? "" : "s")
                    + ": a parameterized system must be square");
        }
    }

    /** A family from its parts (see the field comments); for the families built in this package. */
    static ParameterizedSystem fromTerms(List<String> variables, List<String> parameters, List<int[][]> monomials,
                                         List<Polynomial> coefficientPolynomials) {
        return new ParameterizedSystem(variables, parameters, monomials, coefficientPolynomials);
    }

    /**
     * The family whose parameters are the named variables of {@code system}; every other variable is an unknown
     * (in the system's order). Unknown names among {@code parameterNames} are an error naming them.
     */
    public static ParameterizedSystem of(PolynomialSystem system, List<String> parameterNames) {
        List<String> all = system.variables();
        int[] role = new int[all.size()];   // index among unknowns (>= 0) or -1 - index among parameters
        List<String> params = new ArrayList<>();
        for (String name : parameterNames) {
            if (params.contains(name)) {
                throw new InvalidSystemException("parameter '" + name + "' is named twice");
            }
            params.add(name);
        }
        List<String> missing = new ArrayList<>();
        for (String name : params) {
            if (!all.contains(name)) {
                missing.add(name);
            }
        }
        List<String> vars = new ArrayList<>();
        for (int v = 0; v < all.size(); v++) {
            int k = params.indexOf(all.get(v));
            if (k >= 0) {
                role[v] = -1 - k;
            } else {
                role[v] = vars.size();
                vars.add(all.get(v));
            }
        }
        if (!missing.isEmpty()) {
            // a parameter the equations do not use is allowed only if it is declared somewhere: for a plain or
            // PHCpack file the names come from the equations, so an absent name is a typo
            throw new InvalidSystemException("parameter" + (missing.size() == 1 ? " " : "s ") + String.join(", ",
                    missing) + (missing.size() == 1 ? " does" : " do") + " not occur in the system (its names: "
                    + String.join(", ", all) + ")");
        }
        int n = vars.size(), m = params.size();
        List<int[][]> monos = new ArrayList<>();
        List<Polynomial> coefs = new ArrayList<>();
        for (Polynomial eq : system.equations()) {
            // group the terms by their x-part; the p-parts add up to the coefficient polynomial
            Map<ExponentKey, List<Polynomial>> byMonomial = new LinkedHashMap<>();
            for (int t = 0; t < eq.termCount(); t++) {
                int[] e = eq.exponents(t, all.size());
                int[] a = new int[n];
                int[] b = new int[m];
                for (int v = 0; v < e.length; v++) {
                    if (role[v] >= 0) {
                        a[role[v]] = e[v];
                    } else {
                        b[-1 - role[v]] = e[v];
                    }
                }
                byMonomial.computeIfAbsent(new ExponentKey(a), k -> new ArrayList<>())
                        .add(Polynomial.monomial(eq.re(t), eq.im(t), m == 0 ? new int[1] : b));
            }
            int[][] a = new int[byMonomial.size()][];
            int k = 0;
            for (Map.Entry<ExponentKey, List<Polynomial>> entry : byMonomial.entrySet()) {
                a[k++] = entry.getKey().a();
                coefs.add(Polynomial.sum(entry.getValue()));
            }
            monos.add(a);
        }
        return new ParameterizedSystem(vars, params, monos, coefs);
    }

    /**
     * The parameters a system declares itself: a Bertini file's {@code parameter} names, which its reader leaves
     * outside every variable group. Empty for a system whose groups cover all its variables (PHCpack and plain files
     * name their parameters on the command line instead).
     */
    public static List<String> declaredParameters(PolynomialSystem system) {
        if (!system.groupsDeclared()) {
            return List.of();
        }
        boolean[] grouped = new boolean[system.variableCount()];
        for (PolynomialSystem.VariableGroup g : system.groups()) {
            for (int v : g.variables()) {
                grouped[v] = true;
            }
        }
        List<String> out = new ArrayList<>();
        for (int v = 0; v < grouped.length; v++) {
            if (!grouped[v]) {
                out.add(system.variables().get(v));
            }
        }
        return out;
    }

    /** Declared parameters of a system given by name: shorthand for {@link #of(PolynomialSystem, List)}. */
    public static ParameterizedSystem of(PolynomialSystem system, String... parameterNames) {
        return of(system, List.of(parameterNames));
    }

    /**
     * Every coefficient of {@code system} as a parameter, plus a constant term (value 0 in the system) in every
     * equation that lacks one: the family of all systems with this support. The constant terms make a start pair
     * trivial (see {@link #fitConstants}). The system's own coefficients are {@link #coefficients} of the
     * returned family's {@code actual} point, which {@link #coefficientValues(PolynomialSystem)} returns.
     */
    public static ParameterizedSystem coefficientFamily(PolynomialSystem system) {
        int n = system.variableCount();
        List<int[][]> monos = new ArrayList<>();
        int total = 0;
        for (Polynomial eq : system.equations()) {
            List<int[]> a = new ArrayList<>();
            for (int t = 0; t < eq.termCount(); t++) {
                a.add(eq.exponents(t, n));
            }
            if (a.stream().noneMatch(e -> Arrays.stream(e).sum() == 0)) {
                a.add(new int[n]);
            }
            monos.add(a.toArray(new int[0][]));
            total += a.size();
        }
        List<String> params = new ArrayList<>();
        List<Polynomial> coefs = new ArrayList<>();
        for (int k = 0; k < total; k++) {
            params.add("c" + (k + 1));
            coefs.add(Polynomial.variable(k));
        }
        return new ParameterizedSystem(system.variables(), params, monos, coefs);
    }

    /**
     * The point of {@link #coefficientFamily(PolynomialSystem)} that is {@code system} itself (interleaved complex,
     * one per parameter).
     */
    public double[] coefficientValues(PolynomialSystem system) {
        int n = variableCount();
        double[] p = new double[2 * parameterCount()];
        for (int i = 0; i < n; i++) {
            Polynomial eq = system.equation(i);
            int[][] a = monomials.get(i);
            for (int t = 0; t < a.length; t++) {
                Complex c = eq.coefficientOf(a[t]);
                p[2 * (termStart[i] + t)] = c.getReal();
                p[2 * (termStart[i] + t) + 1] = c.getImaginary();
            }
        }
        return p;
    }

    public List<String> variables() {
        return variables;
    }

    public List<String> parameters() {
        return parameters;
    }

    public int variableCount() {
        return variables.size();
    }

    public int parameterCount() {
        return parameters.size();
    }

    /** The total number of terms (distinct x-monomials per equation, summed). */
    public int termCount() {
        return termStart[termStart.length - 1];
    }

    /** The x-exponent vectors of equation i, in term order. */
    public int[][] monomials(int equation) {
        int[][] a = monomials.get(equation);
        int[][] copy = new int[a.length][];
        for (int t = 0; t < a.length; t++) {
            copy[t] = a[t].clone();
        }
        return copy;
    }

    /** The first term of equation i in the system-wide numbering. */
    public int termStart(int equation) {
        return termStart[equation];
    }

    /** c_t(p) for term t (system-wide numbering), a polynomial in the parameters. */
    public Polynomial coefficientPolynomial(int term) {
        return coefficientPolynomials.get(term);
    }

    /** Whether every coefficient is affine in the parameters (then a straight line in p is one in coefficients). */
    public boolean isAffine() {
        return affine;
    }

    /** The x-degree of equation i. */
    public int degree(int equation) {
        int d = 0;
        for (int[] a : monomials.get(equation)) {
            d = Math.max(d, Arrays.stream(a).sum());
        }
        return d;
    }

    /** The coefficients c_t(p) at the parameter point p (interleaved complex). */
    public double[] coefficients(double[] p) {
        requireParameters(p);
        int m = parameterCount();
        double[] pr = new double[Math.max(m, 1)], pi = new double[Math.max(m, 1)];
        for (int k = 0; k < m; k++) {
            pr[k] = p[2 * k];
            pi[k] = p[2 * k + 1];
        }
        double[] c = new double[2 * termCount()];
        for (int t = 0; t < termCount(); t++) {
            Complex v = coefficientPolynomials.get(t).evaluate(pr, pi);
            c[2 * t] = v.getReal();
            c[2 * t + 1] = v.getImaginary();
        }
        return c;
    }

    /** The system at the parameter point p (interleaved complex, one per parameter). */
    public PolynomialSystem at(double[] p) {
        double[] c = coefficients(p);
        int n = variableCount();
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Polynomial> terms = new ArrayList<>();
            int[][] a = monomials.get(i);
            for (int t = 0; t < a.length; t++) {
                int k = termStart[i] + t;
                terms.add(Polynomial.monomial(c[2 * k], c[2 * k + 1], a[t]));
            }
            eqs.add(Polynomial.sum(terms));
        }
        return new PolynomialSystem(variables, eqs);
    }

    /**
     * F(x; p) at an affine point x (interleaved): the residual vector, computed from the terms directly (reference
     * code for start pairs and tests, not for the hot loop).
     */
    public double[] evaluate(double[] x, double[] p) {
        double[] c = coefficients(p);
        int n = variableCount();
        double[] f = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int[][] a = monomials.get(i);
            for (int t = 0; t < a.length; t++) {
                double[] mono = monomial(x, a[t]);
                int k = termStart[i] + t;
                f[2 * i] += c[2 * k] * mono[0] - c[2 * k + 1] * mono[1];
                f[2 * i + 1] += c[2 * k] * mono[1] + c[2 * k + 1] * mono[0];
            }
        }
        return f;
    }

    /**
     * For a family whose every equation has a constant term kappa p_k (kappa a number, p_k a parameter of its own:
     * {@link #coefficientFamily}, {@link Symmetry#family}): moves the constant term of every equation of the point p so that x solves
     * the system there, F(x; p') = 0, which is a start pair (x, p') for monodromy. Returns p'.
     */
    public double[] fitConstants(double[] x, double[] p) {
        double[] f = evaluate(x, p);
        double[] q = p.clone();
        for (int i = 0; i < variableCount(); i++) {
            int t = constantTerm(i);
            Polynomial c = coefficientPolynomials.get(termStart[i] + t);
            int k = c.termCount() == 1 && c.degree() == 1 ? linearParameter(c) : -1;
            if (k < 0) {
                throw new IllegalStateException("equation " + (i + 1) + "'s constant term is not a parameter");
            }
            // the constant term is kappa * p_k: p_k moves by -F_i(x) / kappa
            double kr = c.re(0), ki = c.im(0), kd = kr * kr + ki * ki;
            double fr = f[2 * i], fi = f[2 * i + 1];
            q[2 * k] -= (fr * kr + fi * ki) / kd;
            q[2 * k + 1] -= (fi * kr - fr * ki) / kd;
        }
        return q;
    }

    private int constantTerm(int equation) {
        int[][] a = monomials.get(equation);
        for (int t = 0; t < a.length; t++) {
            if (Arrays.stream(a[t]).sum() == 0) {
                return t;
            }
        }
        throw new IllegalStateException("equation " + (equation + 1) + " has no constant term");
    }

    /** The parameter index of a coefficient that is kappa * p_k (kappa != 0), or -1. */
    private static int linearParameter(Polynomial c) {
        for (int v = 0; v < c.width(); v++) {
            if (c.exponent(0, v) == 1) {
                return v;
            }
        }
        return -1;
    }

    private static double[] monomial(double[] x, int[] a) {
        double r = 1, i = 0;
        for (int v = 0; v < a.length; v++) {
            for (int e = 0; e < a[v]; e++) {
                double nr = r * x[2 * v] - i * x[2 * v + 1];
                i = r * x[2 * v + 1] + i * x[2 * v];
                r = nr;
            }
        }
        return new double[] {r, i};
    }

    private void requireParameters(double[] p) {
        if (p.length != 2 * parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameter values, got "
                    + p.length / 2);
        }
    }
}
