package org.lps.homotopy.certify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.interval.ComplexBoxes;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Krawczyk's test (see {@link Krawczyk}) in {@value #DIGITS}-digit decimal interval arithmetic, for the solutions
 * double precision cannot certify: ill-conditioned ones, where the rounding error of F(x) in double, divided by the
 * smallest singular value of J, is wider than the box that isolates the zero (two zeros 1e-10 apart, say). Directed
 * rounding is exact here: every lower end is rounded with {@link RoundingMode#FLOOR}, every upper end with
 * {@link RoundingMode#CEILING}. The point is first refined by simplified Newton steps x -= Y F(x) evaluated in the
 * same precision, with the double-precision inverse Y.
 *
 * <p>Written for clarity, not speed: it allocates freely and evaluates the polynomials term by term. It runs only on
 * the rare points the double test fails on.
 */
final class BigKrawczyk {

    static final int DIGITS = 60;
    private static final MathContext DOWN = new MathContext(DIGITS, RoundingMode.FLOOR);
    private static final MathContext UP = new MathContext(DIGITS, RoundingMode.CEILING);
    private static final MathContext NEAR = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final int W = ComplexBoxes.WIDTH;

    /** A real interval of decimals. */
    record Iv(BigDecimal lo, BigDecimal hi) {
        static final Iv ZERO = new Iv(BigDecimal.ZERO, BigDecimal.ZERO);

        static Iv point(BigDecimal x) {
            return new Iv(x, x);
        }

        Iv add(Iv o) {
            return new Iv(lo.add(o.lo, DOWN), hi.add(o.hi, UP));
        }

        Iv sub(Iv o) {
            return new Iv(lo.subtract(o.hi, DOWN), hi.subtract(o.lo, UP));
        }

        Iv neg() {
            return new Iv(hi.negate(), lo.negate());
        }

        Iv mul(Iv o) {
            BigDecimal a = lo.multiply(o.lo, DOWN), b = lo.multiply(o.hi, DOWN);
            BigDecimal c = hi.multiply(o.lo, DOWN), d = hi.multiply(o.hi, DOWN);
            BigDecimal e = lo.multiply(o.lo, UP), f = lo.multiply(o.hi, UP);
            BigDecimal g = hi.multiply(o.lo, UP), h = hi.multiply(o.hi, UP);
            return new Iv(a.min(b).min(c.min(d)), e.max(f).max(g.max(h)));
        }

        BigDecimal mag() {
            return lo.abs().max(hi.abs());
        }

        boolean strictlyInside(Iv o) {
            return lo.compareTo(o.lo) > 0 && hi.compareTo(o.hi) < 0;
        }
    }

    /** A complex box of decimals. */
    record Cb(Iv re, Iv im) {
        static final Cb ZERO = new Cb(Iv.ZERO, Iv.ZERO);
        static final Cb ONE = new Cb(Iv.point(BigDecimal.ONE), Iv.ZERO);

        Cb add(Cb o) {
            return new Cb(re.add(o.re), im.add(o.im));
        }

        Cb sub(Cb o) {
            return new Cb(re.sub(o.re), im.sub(o.im));
        }

        Cb mul(Cb o) {
            return new Cb(re.mul(o.re).sub(im.mul(o.im)), re.mul(o.im).add(im.mul(o.re)));
        }

        BigDecimal mag() {
            return re.mag().max(im.mag());
        }
    }

    /** One term: coefficient box and exponents. */
    private record Term(Cb coef, int[] exps) {
    }

    private final int n;
    private final List<List<Term>> values = new ArrayList<>();
    /** Jacobian entry (i, v): terms of d f_i / d x_v with exact coefficient boxes e * c. */
    private final List<List<Term>> jacobian = new ArrayList<>();
    private final int maxDegree;

    BigKrawczyk(IntervalSystem system) {
        PolynomialSystem s = system.system();
        this.n = s.variableCount();
        double[] boxes = system.termBoxes();
        int t0 = 0;
        int deg = 0;
        for (int i = 0; i < n; i++) {
            Polynomial p = s.equation(i);
            List<Term> row = new ArrayList<>();
            List<List<Term>> jrow = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                jrow.add(new ArrayList<>());
            }
            for (int t = 0; t < p.termCount(); t++) {
                int b = W * (t0 + t);
                Cb c = new Cb(new Iv(new BigDecimal(boxes[b]), new BigDecimal(boxes[b + 1])),
                        new Iv(new BigDecimal(boxes[b + 2]), new BigDecimal(boxes[b + 3])));
                int[] a = p.exponents(t, n);
                row.add(new Term(c, a));
                for (int v = 0; v < n; v++) {
                    deg = Math.max(deg, a[v]);
                    if (a[v] > 0) {
                        int[] da = a.clone();
                        da[v]--;
                        Iv e = Iv.point(BigDecimal.valueOf(a[v]));
                        jrow.get(v).add(new Term(new Cb(c.re().mul(e), c.im().mul(e)), da));
                    }
                }
            }
            t0 += p.termCount();
            values.add(row);
            jacobian.addAll(jrow);
        }
        this.maxDegree = deg;
    }

    /**
     * The test around the double point x (already refined in double), with Y its double inverse Jacobian (2n^2
     * doubles, row-major). Returns boxes rounded outward to doubles.
     */
    Krawczyk.Attempt test(double[] x, double[] y, boolean real) {
        Cb[] yc = new Cb[n * n];
        for (int k = 0; k < n * n; k++) {
            yc[k] = new Cb(Iv.point(new BigDecimal(y[2 * k])), Iv.point(new BigDecimal(y[2 * k + 1])));
        }
        BigDecimal[] xc = new BigDecimal[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            xc[k] = real && k % 2 == 1 ? BigDecimal.ZERO : new BigDecimal(x[k]);
        }
        BigDecimal scale = BigDecimal.ONE;
        for (BigDecimal v : xc) {
            scale = scale.max(v.abs());
        }
        // simplified Newton in this precision (its accuracy needs no rigor)
        BigDecimal two = BigDecimal.valueOf(2);
        for (int it = 0; it < 12; it++) {
            Cb[] f = eval(values, pointBoxes(xc));
            BigDecimal size = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal sr = BigDecimal.ZERO, si = BigDecimal.ZERO;
                for (int j = 0; j < n; j++) {
                    BigDecimal fr = f[j].re().lo().add(f[j].re().hi(), NEAR).divide(two, NEAR);
                    BigDecimal fi = f[j].im().lo().add(f[j].im().hi(), NEAR).divide(two, NEAR);
                    BigDecimal yr = yc[i * n + j].re().lo(), yi = yc[i * n + j].im().lo();
                    sr = sr.add(yr.multiply(fr, NEAR).subtract(yi.multiply(fi, NEAR), NEAR), NEAR);
                    si = si.add(yr.multiply(fi, NEAR).add(yi.multiply(fr, NEAR), NEAR), NEAR);
                }
                xc[2 * i] = xc[2 * i].subtract(sr, NEAR);
                if (!real) {
                    xc[2 * i + 1] = xc[2 * i + 1].subtract(si, NEAR);
                }
                size = size.max(sr.abs()).max(si.abs());
            }
            if (size.compareTo(scale.movePointLeft(DIGITS - 8)) < 0) {
                break;
            }
        }
        Cb[] pt = pointBoxes(xc);
        Cb[] fb = eval(values, pt);
        Cb[] c = new Cb[n];
        BigDecimal step = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            Cb s = Cb.ZERO;
            for (int j = 0; j < n; j++) {
                s = s.add(yc[i * n + j].mul(fb[j]));
            }
            c[i] = new Cb(s.re().neg(), s.im().neg());
            step = step.max(c[i].mag());
        }
        BigDecimal r = step.multiply(BigDecimal.valueOf(4)).max(scale.movePointLeft(DIGITS - 6));
        String last = "";
        for (int attempt = 0; attempt < Krawczyk.TRIES; attempt++) {
            Cb[] xb = new Cb[n];
            Cb[] d = new Cb[n];
            Iv rad = new Iv(r.negate(), r);
            for (int i = 0; i < n; i++) {
                xb[i] = pt[i].add(new Cb(rad, rad));
                d[i] = xb[i].sub(pt[i]);
            }
            Cb[] jb = eval(jacobian, xb);
            Cb[] k = new Cb[n];
            boolean inside = true;
            BigDecimal dev = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                Cb acc = pt[i].add(c[i]);
                for (int j = 0; j < n; j++) {
                    Cb yj = Cb.ZERO;
                    for (int l = 0; l < n; l++) {
                        yj = yj.add(yc[i * n + l].mul(jb[l * n + j]));
                    }
                    Cb mij = (i == j ? Cb.ONE : Cb.ZERO).sub(yj);
                    acc = acc.add(mij.mul(d[j]));
                }
                k[i] = acc;
                inside &= acc.re().strictlyInside(xb[i].re()) && acc.im().strictlyInside(xb[i].im());
                dev = dev.max(acc.sub(pt[i]).mag());
            }
            if (inside) {
                // the enclosure is rounded outward, the uniqueness domain inward: both claims stay true in doubles
                return new Krawczyk.Attempt(true, toDoubles(k, false), toDoubles(xb, true), null, false);
            }
            last = String.format(java.util.Locale.ROOT, "%.3g", dev.divide(r, NEAR).doubleValue());
            r = r.multiply(two).max(dev.multiply(BigDecimal.valueOf(1.5)));
        }
        return Krawczyk.Attempt.fail("Krawczyk test failed in double and in " + DIGITS
                + "-digit arithmetic (last |K(X) - x| / r = " + last + ")", false);
    }

    private Cb[] pointBoxes(BigDecimal[] xc) {
        Cb[] pt = new Cb[n];
        for (int i = 0; i < n; i++) {
            pt[i] = new Cb(Iv.point(xc[2 * i]), Iv.point(xc[2 * i + 1]));
        }
        return pt;
    }

    /** Each row's sum of coefficient * monomial over the boxes x, monomials from a table of powers. */
    private Cb[] eval(List<List<Term>> rows, Cb[] x) {
        Cb[][] pow = new Cb[n][maxDegree + 1];
        for (int v = 0; v < n; v++) {
            pow[v][0] = Cb.ONE;
            for (int e = 1; e <= maxDegree; e++) {
                pow[v][e] = pow[v][e - 1].mul(x[v]);
            }
        }
        Cb[] out = new Cb[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Cb s = Cb.ZERO;
            for (Term t : rows.get(r)) {
                Cb m = t.coef();
                for (int v = 0; v < n; v++) {
                    if (t.exps()[v] > 0) {
                        m = m.mul(pow[v][t.exps()[v]]);
                    }
                }
                s = s.add(m);
            }
            out[r] = s;
        }
        return out;
    }

    /** Boxes of doubles containing b (outward), or contained in it ({@code inward}). */
    private static double[] toDoubles(Cb[] b, boolean inward) {
        double[] out = new double[W * b.length];
        for (int i = 0; i < b.length; i++) {
            out[W * i] = inward ? up(b[i].re().lo()) : down(b[i].re().lo());
            out[W * i + 1] = inward ? down(b[i].re().hi()) : up(b[i].re().hi());
            out[W * i + 2] = inward ? up(b[i].im().lo()) : down(b[i].im().lo());
            out[W * i + 3] = inward ? down(b[i].im().hi()) : up(b[i].im().hi());
        }
        return out;
    }

    /** The largest double <= v. */
    static double down(BigDecimal v) {
        double d = v.doubleValue();
        if (Double.isInfinite(d)) {
            return d > 0 ? Double.MAX_VALUE : d;
        }
        return new BigDecimal(d).compareTo(v) > 0 ? Math.nextDown(d) : d;
    }

    /** The smallest double >= v. */
    static double up(BigDecimal v) {
        double d = v.doubleValue();
        if (Double.isInfinite(d)) {
            return d < 0 ? -Double.MAX_VALUE : d;
        }
        return new BigDecimal(d).compareTo(v) < 0 ? Math.nextUp(d) : d;
    }
}
