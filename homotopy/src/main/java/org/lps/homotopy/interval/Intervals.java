package org.lps.homotopy.interval;

/**
 * Real interval arithmetic with rigorous outward rounding, on bare endpoints (no objects, so interval code in hot
 * loops allocates nothing).
 *
 * <p><b>How the rounding is made rigorous.</b> Java rounds every double operation to nearest. For an operation whose
 * exact result v is rounded to r = fl(v), v lies between the two neighbours of r: nextDown(r) <= v <= nextUp(r). That
 * holds across binade boundaries (the neighbour below a power of two is closer than half an ulp above it), in the
 * subnormal range (the error is at most half of {@link Double#MIN_VALUE}) and at overflow (r = +inf means v >
 * {@link Double#MAX_VALUE} = nextDown(+inf)). So a lower bound is nextDown(r) and an upper bound nextUp(r), one ulp
 * outward, <em>unless the operation was exact</em>, in which case r itself is both bounds. Exactness is decided by
 * error-free transformations: TwoSum for sums (its error term is always representable), an fma for products and
 * quotients, trusted only where the error term cannot underflow (see {@link #productIsExact}).
 *
 * <p><b>Conventions (IEEE 1788).</b> An infinite endpoint stands for "unbounded", not for a number, so 0 times an
 * infinite endpoint is 0. A quotient by an interval containing 0 is the whole line. NaN endpoints propagate (every
 * min/max here is {@link Math#min}/{@link Math#max}, which propagate NaN) and every inclusion test a caller makes must
 * fail on NaN: NaN never certifies anything.
 */
public final class Intervals {

    /**
     * Exponent sum above which the error term a*b - fl(a*b) is representable: with a = ma 2^qa, b = mb 2^qb (integer
     * significands), the error is a multiple of 2^(qa + qb) of at most 53 significant bits, hence exact whenever
     * qa + qb >= -1074; qa >= getExponent(a) - 52, so getExponent(a) + getExponent(b) >= -968 suffices. Subnormal
     * operands report exponent -1023 and fall below it (they are then treated as inexact, which is only looser).
     */
    static final int EXACT_PRODUCT_EXPONENT = -968;

    private Intervals() {
    }

    /** A lower bound of a + b (exact when a + b is). */
    public static double addDown(double a, double b) {
        double s = a + b;
        return sumIsExact(a, b, s) ? s : Math.nextDown(s);
    }

    /** An upper bound of a + b. */
    public static double addUp(double a, double b) {
        double s = a + b;
        return sumIsExact(a, b, s) ? s : Math.nextUp(s);
    }

    public static double subDown(double a, double b) {
        return addDown(a, -b);
    }

    public static double subUp(double a, double b) {
        return addUp(a, -b);
    }

    /** A lower bound of a * b; 0 when either factor is 0 (also against an infinite, i.e. unbounded, endpoint). */
    public static double mulDown(double a, double b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        double p = a * b;
        return productIsExact(a, b, p) ? p : Math.nextDown(p);
    }

    /** An upper bound of a * b. */
    public static double mulUp(double a, double b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        double p = a * b;
        return productIsExact(a, b, p) ? p : Math.nextUp(p);
    }

    /** A lower bound of a / b, for b != 0. */
    public static double divDown(double a, double b) {
        double q = a / b;
        return quotientIsExact(a, b, q) ? q : Math.nextDown(q);
    }

    /** An upper bound of a / b, for b != 0. */
    public static double divUp(double a, double b) {
        double q = a / b;
        return quotientIsExact(a, b, q) ? q : Math.nextUp(q);
    }

    static boolean sumIsExact(double a, double b, double s) {
        if (Double.isInfinite(s)) {
            return Double.isInfinite(a) || Double.isInfinite(b);   // an unbounded endpoint stays unbounded; else overflow
        }
        // TwoSum (Knuth): err = (a + b) - s exactly, for finite operands and sum
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return err == 0;
    }

    /** p = fl(a * b) with a, b nonzero. */
    static boolean productIsExact(double a, double b, double p) {
        if (Double.isInfinite(p) || p == 0) {
            return Double.isInfinite(a) || Double.isInfinite(b);   // else overflow or underflow
        }
        if (Double.isNaN(p)) {
            return false;
        }
        return Math.getExponent(a) + Math.getExponent(b) >= EXACT_PRODUCT_EXPONENT && Math.fma(a, b, -p) == 0;
    }

    /** q = fl(a / b): exact when q * b == a exactly (the fma's error term is trusted under the product's rule). */
    static boolean quotientIsExact(double a, double b, double q) {
        if (a == 0) {
            return true;                                           // 0 / b = 0
        }
        if (Double.isInfinite(q) || q == 0) {
            return Double.isInfinite(a) || Double.isInfinite(b);   // inf / finite, finite / inf; else over/underflow
        }
        if (Double.isNaN(q)) {
            return false;
        }
        return Math.getExponent(q) + Math.getExponent(b) >= EXACT_PRODUCT_EXPONENT && Math.fma(q, b, -a) == 0;
    }

    /** Lower end of [al, ah] * [bl, bh]: the least of the four endpoint products, each rounded down. */
    public static double mulLo(double al, double ah, double bl, double bh) {
        if (al == ah) {
            return scaleLo(al, bl, bh);   // a point factor (coefficients, zero imaginary parts): one product
        }
        if (bl == bh) {
            return scaleLo(bl, al, ah);
        }
        return Math.min(Math.min(mulDown(al, bl), mulDown(al, bh)), Math.min(mulDown(ah, bl), mulDown(ah, bh)));
    }

    /** Upper end of [al, ah] * [bl, bh]. */
    public static double mulHi(double al, double ah, double bl, double bh) {
        if (al == ah) {
            return scaleHi(al, bl, bh);
        }
        if (bl == bh) {
            return scaleHi(bl, al, ah);
        }
        return Math.max(Math.max(mulUp(al, bl), mulUp(al, bh)), Math.max(mulUp(ah, bl), mulUp(ah, bh)));
    }

    /** Lower end of p * [bl, bh] for a point p: one product instead of four (the sign of p picks the endpoint). */
    public static double scaleLo(double p, double bl, double bh) {
        return p >= 0 ? mulDown(p, bl) : mulDown(p, bh);
    }

    /** Upper end of p * [bl, bh]. */
    public static double scaleHi(double p, double bl, double bh) {
        return p >= 0 ? mulUp(p, bh) : mulUp(p, bl);
    }

    /** Lower end of [al, ah] / [bl, bh]; -inf when [bl, bh] contains 0. */
    public static double divLo(double al, double ah, double bl, double bh) {
        if (!(bl > 0 || bh < 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double q = Math.min(Math.min(divDown(al, bl), divDown(al, bh)), Math.min(divDown(ah, bl), divDown(ah, bh)));
        return Double.isNaN(q) ? Double.NEGATIVE_INFINITY : q;   // inf / inf: unbounded
    }

    /** Upper end of [al, ah] / [bl, bh]; +inf when [bl, bh] contains 0. */
    public static double divHi(double al, double ah, double bl, double bh) {
        if (!(bl > 0 || bh < 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double q = Math.max(Math.max(divUp(al, bl), divUp(al, bh)), Math.max(divUp(ah, bl), divUp(ah, bh)));
        return Double.isNaN(q) ? Double.POSITIVE_INFINITY : q;
    }

    /** The magnitude max |x| over [lo, hi]. */
    public static double mag(double lo, double hi) {
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** Is [il, ih] strictly inside [ol, oh]? False on any NaN. */
    public static boolean strictlyInside(double il, double ih, double ol, double oh) {
        return il > ol && ih < oh;
    }
}
