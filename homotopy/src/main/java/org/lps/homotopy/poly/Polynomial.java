package org.lps.homotopy.poly;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * An immutable sparse polynomial with complex double coefficients in the variables x0, x1, x2, ...
 *
 * <p>Variables are identified by index only; names belong to the {@link PolynomialSystem} (or are passed to
 * {@link #format(List)}). A polynomial does not fix how many variables it lives in: its exponent vectors are
 * as long as its highest variable index needs, and shorter ones are read as padded with zeros. This is what
 * lets a {@link SystemBuilder} hand out variables one at a time and combine them freely.
 *
 * <p>Terms are kept in a canonical order (total degree descending, then exponent vectors lexicographically
 * descending) with no zero coefficients, so two polynomials are {@link #equals equal} exactly when they have
 * the same terms with bit-identical coefficients.
 */
public final class Polynomial {

    /** Expansions larger than this are refused: a system of that size is a typo or an attack, not an input. */
    public static final int MAX_TERMS = 2_000_000;

    /** Products needing more term-by-term multiplications than this are refused (about a second of work). */
    public static final long MAX_PRODUCT_WORK = 200_000_000L;

    private static final Polynomial ZERO = new Polynomial(0, new int[0], new double[0], new double[0]);

    private final int width;
    private final int[] exps;   // term t, variable v at exps[t * width + v]
    private final double[] re;
    private final double[] im;
    private int hash;

    Polynomial(int width, int[] exps, double[] re, double[] im) {
        this.width = width;
        this.exps = exps;
        this.re = re;
        this.im = im;
    }

    public static Polynomial zero() {
        return ZERO;
    }

    public static Polynomial constant(double c) {
        return constant(c, 0.0);
    }

    public static Polynomial constant(Complex c) {
        return constant(c.getReal(), c.getImaginary());
    }

    public static Polynomial constant(double re, double im) {
        if (re == 0.0 && im == 0.0) {
            return ZERO;
        }
        return new Polynomial(0, new int[0], new double[] {re}, new double[] {im});
    }

    /** The polynomial x_index. */
    public static Polynomial variable(int index) {
        return monomial(1.0, 0.0, unit(index, 1));
    }

    /** c * x^exponents. */
    public static Polynomial monomial(double re, double im, int... exponents) {
        if (re == 0.0 && im == 0.0) {
            return ZERO;
        }
        for (int e : exponents) {
            if (e < 0) {
                throw new IllegalArgumentException("negative exponent " + e);
            }
        }
        TermAccumulator acc = new TermAccumulator(exponents.length, 1);
        acc.add(exponents, 0, re, im);
        return acc.build();
    }

    private static int[] unit(int index, int exponent) {
        if (index < 0) {
            throw new IllegalArgumentException("negative variable index " + index);
        }
        int[] e = new int[index + 1];
        e[index] = exponent;
        return e;
    }

    // ---------------------------------------------------------------- inspection

    /** The exponent vectors of every monomial of total degree {@code degree} in {@code n} variables. */
    public static List<int[]> exponentsOfDegree(int n, int degree) {
        List<int[]> out = new java.util.ArrayList<>();
        fillExponents(new int[n], 0, degree, out);
        return out;
    }

    private static void fillExponents(int[] e, int i, int left, List<int[]> out) {
        if (i == e.length - 1) {
            e[i] = left;
            out.add(e.clone());
            e[i] = 0;
            return;
        }
        for (int a = left; a >= 0; a--) {
            e[i] = a;
            fillExponents(e, i + 1, left - a, out);
        }
        e[i] = 0;
    }

    public int termCount() {
        return re.length;
    }

    public boolean isZero() {
        return re.length == 0;
    }

    /** True when the polynomial has no term of positive degree. */
    public boolean isConstant() {
        return width == 0;
    }

    /**
     * The number of variable slots the exponent vectors use: one more than the highest variable index that
     * occurs (0 for a constant).
     */
    public int width() {
        return width;
    }

    /** Exponent of variable {@code var} in term {@code term} (0 beyond {@link #width()}). */
    public int exponent(int term, int var) {
        return var < width ? exps[term * width + var] : 0;
    }

    /** A copy of the exponent vector of {@code term}, padded or cut to {@code n} variables. */
    public int[] exponents(int term, int n) {
        int[] e = new int[n];
        System.arraycopy(exps, term * width, e, 0, Math.min(n, width));
        return e;
    }

    public double re(int term) {
        return re[term];
    }

    public double im(int term) {
        return im[term];
    }

    public Complex coefficient(int term) {
        return new Complex(re[term], im[term]);
    }

    /** The coefficient of x^exponents (zero when there is no such term). */
    public Complex coefficientOf(int... exponents) {
        for (int t = 0; t < re.length; t++) {
            if (sameExponents(t, exponents)) {
                return coefficient(t);
            }
        }
        return Complex.ZERO;
    }

    private boolean sameExponents(int t, int[] e) {
        int n = Math.max(width, e.length);
        for (int v = 0; v < n; v++) {
            int a = v < width ? exps[t * width + v] : 0;
            int b = v < e.length ? e[v] : 0;
            if (a != b) {
                return false;
            }
        }
        return true;
    }

    public int termDegree(int term) {
        int d = 0;
        for (int v = 0; v < width; v++) {
            d += exps[term * width + v];
        }
        return d;
    }

    /** Total degree; -1 for the zero polynomial. */
    public int degree() {
        // canonical order puts the highest degree first
        return re.length == 0 ? -1 : termDegree(0);
    }

    /** Degree in variable {@code var} alone. */
    public int degreeIn(int var) {
        if (var >= width) {
            return 0;
        }
        int d = 0;
        for (int t = 0; t < re.length; t++) {
            d = Math.max(d, exps[t * width + var]);
        }
        return d;
    }

    /** Degree in the set of variables {@code vars} (the sum of their exponents, maximized over terms). */
    public int degreeIn(int[] vars) {
        int d = 0;
        for (int t = 0; t < re.length; t++) {
            int s = 0;
            for (int v : vars) {
                s += exponent(t, v);
            }
            d = Math.max(d, s);
        }
        return d;
    }

    /** Whether variable {@code var} occurs in some term. */
    public boolean involves(int var) {
        return degreeIn(var) > 0;
    }

    /** The largest coefficient modulus (0 for the zero polynomial). */
    public double maxCoefficientModulus() {
        double m = 0;
        for (int t = 0; t < re.length; t++) {
            m = Math.max(m, Math.hypot(re[t], im[t]));
        }
        return m;
    }

    // ---------------------------------------------------------------- arithmetic

    public Polynomial add(Polynomial o) {
        if (o.isZero()) {
            return this;
        }
        if (isZero()) {
            return o;
        }
        TermAccumulator acc = new TermAccumulator(Math.max(width, o.width), termCount() + o.termCount());
        acc.addAll(this, 1.0, 0.0);
        acc.addAll(o, 1.0, 0.0);
        return acc.build();
    }

    /** The sum of many polynomials at once (one accumulation instead of a chain of intermediate sums). */
    public static Polynomial sum(Iterable<Polynomial> terms) {
        int w = 0, n = 0;
        for (Polynomial p : terms) {
            w = Math.max(w, p.width);
            n += p.termCount();
        }
        TermAccumulator acc = new TermAccumulator(w, n);
        for (Polynomial p : terms) {
            acc.addAll(p, 1.0, 0.0);
        }
        return acc.build();
    }

    public Polynomial subtract(Polynomial o) {
        return add(o.negate());
    }

    public Polynomial negate() {
        return scale(-1.0, 0.0);
    }

    public Polynomial scale(double c) {
        return scale(c, 0.0);
    }

    public Polynomial scale(Complex c) {
        return scale(c.getReal(), c.getImaginary());
    }

    public Polynomial scale(double cr, double ci) {
        if (cr == 1.0 && ci == 0.0) {
            return this;
        }
        TermAccumulator acc = new TermAccumulator(width, termCount());
        acc.addAll(this, cr, ci);
        return acc.build();
    }

    public Polynomial multiply(Polynomial o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        if (o.isConstant()) {
            return scale(o.re[0], o.im[0]);
        }
        if (isConstant()) {
            return o.scale(re[0], im[0]);
        }
        if ((long) termCount() * o.termCount() > MAX_PRODUCT_WORK) {
            throw new PolynomialTooLargeException("product of polynomials with " + termCount() + " and "
                    + o.termCount() + " terms is too large to expand");
        }
        int w = Math.max(width, o.width);
        TermAccumulator acc = new TermAccumulator(w, (int) Math.min(MAX_TERMS, (long) termCount() * o.termCount()));
        int[] e = new int[w];
        for (int s = 0; s < termCount(); s++) {
            for (int t = 0; t < o.termCount(); t++) {
                for (int v = 0; v < w; v++) {
                    e[v] = Math.addExact(exponent(s, v), o.exponent(t, v));
                }
                double ar = re[s], ai = im[s], br = o.re[t], bi = o.im[t];
                acc.add(e, 0, ar * br - ai * bi, ar * bi + ai * br);
            }
        }
        return acc.build();
    }

    /** This polynomial to a non-negative integer power, by repeated squaring. */
    public Polynomial pow(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("negative exponent " + k);
        }
        Polynomial result = constant(1.0);
        Polynomial base = this;
        while (k > 0) {
            if ((k & 1) != 0) {
                result = result.multiply(base);
            }
            k >>= 1;
            if (k > 0) {
                base = base.multiply(base);
            }
        }
        return result;
    }

    /** The partial derivative with respect to x_var. */
    public Polynomial derivative(int var) {
        if (var >= width) {
            return ZERO;
        }
        TermAccumulator acc = new TermAccumulator(width, termCount());
        int[] e = new int[width];
        for (int t = 0; t < termCount(); t++) {
            int k = exps[t * width + var];
            if (k == 0) {
                continue;
            }
            System.arraycopy(exps, t * width, e, 0, width);
            e[var] = k - 1;
            acc.add(e, 0, k * re[t], k * im[t]);
        }
        return acc.build();
    }

    /**
     * Renames variables: variable v becomes {@code map[v]} (variables beyond the map keep their index). Several
     * variables may map to the same index; their exponents add up.
     */
    public Polynomial substituteVariables(int[] map) {
        int w = width;
        for (int v = 0; v < Math.min(width, map.length); v++) {
            w = Math.max(w, map[v] + 1);
        }
        TermAccumulator acc = new TermAccumulator(w, termCount());
        int[] e = new int[w];
        for (int t = 0; t < termCount(); t++) {
            Arrays.fill(e, 0);
            for (int v = 0; v < width; v++) {
                int target = v < map.length ? map[v] : v;
                e[target] += exps[t * width + v];
            }
            acc.add(e, 0, re[t], im[t]);
        }
        return acc.build();
    }

    /**
     * The homogenization x_h^deg * p(x / x_h) with the homogenizing variable at index {@code hvar} and
     * {@code deg} at least this polynomial's degree.
     */
    public Polynomial homogenize(int hvar, int deg) {
        if (deg < degree()) {
            throw new IllegalArgumentException("homogenizing degree " + deg + " below the degree " + degree());
        }
        int w = Math.max(width, hvar + 1);
        TermAccumulator acc = new TermAccumulator(w, termCount());
        int[] e = new int[w];
        for (int t = 0; t < termCount(); t++) {
            Arrays.fill(e, 0);
            System.arraycopy(exps, t * width, e, 0, width);
            e[hvar] += deg - termDegree(t);
            acc.add(e, 0, re[t], im[t]);
        }
        return acc.build();
    }

    /** Evaluates at a complex point given as separate arrays of real and imaginary parts (reference code). */
    public Complex evaluate(double[] xr, double[] xi) {
        double sr = 0, si = 0;
        for (int t = 0; t < termCount(); t++) {
            double pr = re[t], pi = im[t];
            for (int v = 0; v < width; v++) {
                for (int k = exps[t * width + v]; k > 0; k--) {
                    double nr = pr * xr[v] - pi * xi[v];
                    pi = pr * xi[v] + pi * xr[v];
                    pr = nr;
                }
            }
            sr += pr;
            si += pi;
        }
        return new Complex(sr, si);
    }

    public Complex evaluate(Complex... x) {
        double[] xr = new double[x.length], xi = new double[x.length];
        for (int v = 0; v < x.length; v++) {
            xr[v] = x[v].getReal();
            xi[v] = x[v].getImaginary();
        }
        return evaluate(xr, xi);
    }

    // ---------------------------------------------------------------- text

    /** PHCpack-style text that {@code org.lps.homotopy.parse} reads back to an equal polynomial. */
    public String format(List<String> names) {
        return PolynomialFormat.format(this, names);
    }

    @Override
    public String toString() {
        return PolynomialFormat.format(this, null);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Polynomial p)) {
            return false;
        }
        return width == p.width && Arrays.equals(exps, p.exps) && Arrays.equals(re, p.re) && Arrays.equals(im, p.im);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * (31 * Arrays.hashCode(exps) + Arrays.hashCode(re)) + Arrays.hashCode(im);
            hash = h;
        }
        return h;
    }
}
