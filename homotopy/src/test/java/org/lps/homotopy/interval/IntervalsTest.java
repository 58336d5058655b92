package org.lps.homotopy.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every rounded operation against exact rational arithmetic: a double converts exactly to a BigDecimal, sums and
 * products of BigDecimals are exact, and a quotient bound q is checked through q * b versus a. The inputs are drawn to
 * hit the limits: subnormals, exponents near overflow and underflow, exact cases (small integers, powers of two),
 * zeros of both signs and intervals straddling zero.
 */
class IntervalsTest {

    private static final int TRIALS = 25_000;

    /** A double from a mix of regimes. */
    static double hostile(SplittableRandom r) {
        double sign = r.nextBoolean() ? 1 : -1;
        switch (r.nextInt(9)) {
            case 0:
                return sign * r.nextInt(-40, 41);                                   // exact small integers, zeros
            case 1:
                return sign * Math.scalb(1.0, r.nextInt(-1074, 1024));               // powers of two, all ranges
            case 2:
                return sign * Double.longBitsToDouble(r.nextLong(1, 1L << 52));     // subnormal
            case 3:
                return sign * Math.scalb(1 + r.nextDouble(), r.nextInt(1000, 1024)); // near overflow
            case 4:
                return sign * Math.scalb(1 + r.nextDouble(), r.nextInt(-1074, -1000)); // near underflow
            case 5:
                return sign * Double.MAX_VALUE * (r.nextBoolean() ? 1 : r.nextDouble());
            case 6:
                return sign * Math.scalb(r.nextLong(1, 1L << 20), r.nextInt(-60, 60)); // short significands: exact
            default:
                return sign * Math.scalb(1 + r.nextDouble(), r.nextInt(-60, 60));   // ordinary
        }
    }

    private static BigDecimal exact(double x) {
        return new BigDecimal(x);
    }

    /** lo <= v <= hi, where infinite bounds are only checked on their own side. */
    private static void assertEncloses(double lo, double hi, BigDecimal v, String what) {
        assertTrue(lo == Double.NEGATIVE_INFINITY || (lo != Double.POSITIVE_INFINITY && exact(lo).compareTo(v) <= 0),
                () -> what + ": lower bound " + lo + " above the exact " + v);
        assertTrue(hi == Double.POSITIVE_INFINITY || (hi != Double.NEGATIVE_INFINITY && exact(hi).compareTo(v) >= 0),
                () -> what + ": upper bound " + hi + " below the exact " + v);
    }

    /** Bounds at most one ulp outside round-to-nearest, and equal when the exact value is a double in range. */
    private static void assertTight(double lo, double hi, BigDecimal v, String what) {
        double near = v.doubleValue();
        if (Double.isInfinite(near)) {
            return;
        }
        assertTrue(lo >= Math.nextDown(near) && hi <= Math.nextUp(near), () -> what + ": [" + lo + ", " + hi
                + "] wider than one ulp around " + near);
        boolean representable = exact(near).compareTo(v) == 0;
        if (representable && Math.abs(near) >= 0x1p-900) {
            assertEquals(near, lo, what + ": exact result widened");
            assertEquals(near, hi, what + ": exact result widened");
        }
    }

    @Test
    void sumsAndDifferencesEncloseTheExactValue() {
        SplittableRandom r = new SplittableRandom(11);
        for (int t = 0; t < TRIALS; t++) {
            double a = hostile(r), b = hostile(r);
            BigDecimal s = exact(a).add(exact(b));
            assertEncloses(Intervals.addDown(a, b), Intervals.addUp(a, b), s, a + " + " + b);
            assertTight(Intervals.addDown(a, b), Intervals.addUp(a, b), s, a + " + " + b);
            BigDecimal d = exact(a).subtract(exact(b));
            assertEncloses(Intervals.subDown(a, b), Intervals.subUp(a, b), d, a + " - " + b);
            assertTight(Intervals.subDown(a, b), Intervals.subUp(a, b), d, a + " - " + b);
        }
    }

    @Test
    void productsEncloseTheExactValue() {
        SplittableRandom r = new SplittableRandom(12);
        for (int t = 0; t < TRIALS; t++) {
            double a = hostile(r), b = hostile(r);
            BigDecimal p = exact(a).multiply(exact(b));
            double lo = Intervals.mulDown(a, b), hi = Intervals.mulUp(a, b);
            assertEncloses(lo, hi, p, a + " * " + b);
            if (Math.abs(p.doubleValue()) >= 0x1p-900 || p.signum() == 0) {
                assertTight(lo, hi, p, a + " * " + b);
            }
        }
    }

    @Test
    void quotientsEncloseTheExactValue() {
        SplittableRandom r = new SplittableRandom(13);
        for (int t = 0; t < TRIALS; t++) {
            double a = hostile(r), b = hostile(r);
            if (b == 0) {
                continue;
            }
            double lo = Intervals.divDown(a, b), hi = Intervals.divUp(a, b);
            // lo <= a / b <=> lo * b <= a for b > 0 (reversed for b < 0); exact in BigDecimal
            BigDecimal ea = exact(a), eb = exact(b);
            int s = eb.signum();
            String what = a + " / " + b;
            assertTrue(lo == Double.NEGATIVE_INFINITY || exact(lo).multiply(eb).compareTo(ea) * s <= 0,
                    () -> what + ": lower bound " + lo);
            assertTrue(hi == Double.POSITIVE_INFINITY || exact(hi).multiply(eb).compareTo(ea) * s >= 0,
                    () -> what + ": upper bound " + hi);
            BigDecimal q = ea.divide(eb, new MathContext(60, RoundingMode.HALF_EVEN));
            if (Math.abs(q.doubleValue()) >= 0x1p-900 && !Double.isInfinite(q.doubleValue())) {
                double near = a / b;
                assertTrue(lo >= Math.nextDown(near) && hi <= Math.nextUp(near), what);
                // exactness is only recognised where the fma's error term cannot underflow (operands not tiny)
                if (exact(near).multiply(eb).compareTo(ea) == 0 && Math.abs(a) >= 0x1p-900 && Math.abs(b) >= 0x1p-60) {
                    assertEquals(near, lo, what + " exact");
                    assertEquals(near, hi, what + " exact");
                }
            }
        }
    }

    @Test
    void overflowAndUnderflowAreBoundedOnTheRightSide() {
        double big = Double.MAX_VALUE;
        assertEquals(big, Intervals.addDown(big, big));
        assertEquals(Double.POSITIVE_INFINITY, Intervals.addUp(big, big));
        assertEquals(Double.NEGATIVE_INFINITY, Intervals.mulDown(-big, 2));
        assertEquals(-big, Intervals.mulUp(-big, 2));
        // 2^-600 squared underflows to 0: the bounds must straddle the tiny positive exact value
        double tiny = 0x1p-600;
        assertTrue(Intervals.mulDown(tiny, tiny) <= 0 && Intervals.mulDown(tiny, tiny) >= -Double.MIN_VALUE);
        assertEquals(Double.MIN_VALUE, Intervals.mulUp(tiny, tiny));
        assertEquals(-Double.MIN_VALUE, Intervals.mulDown(tiny, -tiny));
        assertTrue(Intervals.mulUp(tiny, -tiny) >= 0);
        // MIN_VALUE / 2 is not a double: rounds to 0 or MIN_VALUE, both bounds honest
        assertTrue(Intervals.divDown(Double.MIN_VALUE, 2) <= 0 && Intervals.divUp(Double.MIN_VALUE, 2) >= Double.MIN_VALUE);
        // exact operations are not widened: 3 * 0.5, 1 + 2^-52, 1.5 / 0.5
        assertEquals(1.5, Intervals.mulDown(3, 0.5));
        assertEquals(1 + 0x1p-52, Intervals.addUp(1, 0x1p-52));
        assertEquals(3, Intervals.divDown(1.5, 0.5));
        // inexact: 0.1 + 0.2, 1 / 3
        assertTrue(Intervals.addDown(0.1, 0.2) < Intervals.addUp(0.1, 0.2));
        assertTrue(Intervals.divDown(1, 3) < Intervals.divUp(1, 3));
        // unbounded endpoints: 0 * inf is 0, inf + finite stays inf
        assertEquals(0, Intervals.mulDown(0, Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Intervals.addDown(Double.POSITIVE_INFINITY, 1));
        assertTrue(Double.isNaN(Intervals.addDown(Double.NaN, 1)));
        assertTrue(!Intervals.strictlyInside(Double.NaN, 0, -1, 1));
    }

    /** A random interval; a third of them straddle zero. */
    private static double[] interval(SplittableRandom r) {
        double a = hostile(r), b = r.nextInt(3) == 0 ? -a * r.nextDouble() : hostile(r);
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return new double[] {0, 1};
        }
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    /** A double in [lo, hi]: an endpoint, zero if inside, or a random point. */
    private static double pick(SplittableRandom r, double[] x) {
        switch (r.nextInt(4)) {
            case 0:
                return x[0];
            case 1:
                return x[1];
            case 2:
                return x[0] <= 0 && 0 <= x[1] ? 0.0 : x[0];
            default:
                double t = x[0] + r.nextDouble() * (x[1] - x[0]);
                return Double.isFinite(t) ? Math.min(x[1], Math.max(x[0], t)) : x[1];
        }
    }

    @Test
    void intervalProductsAndQuotientsContainEveryPointProduct() {
        SplittableRandom r = new SplittableRandom(14);
        for (int t = 0; t < TRIALS / 4; t++) {
            double[] a = interval(r), b = interval(r);
            double lo = Intervals.mulLo(a[0], a[1], b[0], b[1]);
            double hi = Intervals.mulHi(a[0], a[1], b[0], b[1]);
            double qlo = Intervals.divLo(a[0], a[1], b[0], b[1]);
            double qhi = Intervals.divHi(a[0], a[1], b[0], b[1]);
            double p = pick(r, a);
            double slo = Intervals.scaleLo(p, b[0], b[1]), shi = Intervals.scaleHi(p, b[0], b[1]);
            for (int k = 0; k < 4; k++) {
                double x = pick(r, a), y = pick(r, b);
                assertEncloses(slo, shi, exact(p).multiply(exact(y)), p + " * [" + b[0] + ", " + b[1] + "]");
                assertEncloses(lo, hi, exact(x).multiply(exact(y)), "[" + a[0] + ", " + a[1] + "] * [" + b[0] + ", " + b[1] + "]");
                if (y != 0) {
                    BigDecimal ex = exact(x), ey = exact(y);
                    int s = ey.signum();
                    assertTrue(qlo == Double.NEGATIVE_INFINITY || exact(qlo).multiply(ey).compareTo(ex) * s <= 0);
                    assertTrue(qhi == Double.POSITIVE_INFINITY || exact(qhi).multiply(ey).compareTo(ex) * s >= 0);
                }
            }
            if (b[0] <= 0 && 0 <= b[1]) {
                assertEquals(Double.NEGATIVE_INFINITY, qlo);
                assertEquals(Double.POSITIVE_INFINITY, qhi);
            }
        }
    }

    @Test
    void complexBoxProductsContainEveryPointProduct() {
        SplittableRandom r = new SplittableRandom(15);
        double[] a = new double[4], b = new double[4], p = new double[4], acc = new double[4];
        for (int t = 0; t < TRIALS / 4; t++) {
            for (double[] box : new double[][] {a, b}) {
                double[] re = interval(r), im = interval(r);
                box[0] = re[0];
                box[1] = re[1];
                box[2] = im[0];
                box[3] = im[1];
            }
            ComplexBoxes.mul(a, 0, b, 0, p, 0);
            java.util.Arrays.fill(acc, 0.0);
            ComplexBoxes.mulAdd(a, 0, b, 0, acc, 0);
            for (int k = 0; k < 3; k++) {
                double xr = pick(r, new double[] {a[0], a[1]}), xi = pick(r, new double[] {a[2], a[3]});
                double yr = pick(r, new double[] {b[0], b[1]}), yi = pick(r, new double[] {b[2], b[3]});
                BigDecimal re = exact(xr).multiply(exact(yr)).subtract(exact(xi).multiply(exact(yi)));
                BigDecimal im = exact(xr).multiply(exact(yi)).add(exact(xi).multiply(exact(yr)));
                assertEncloses(p[0], p[1], re, "re of a box product");
                assertEncloses(p[2], p[3], im, "im of a box product");
                assertEncloses(acc[0], acc[1], re, "re of mulAdd");
                assertEncloses(acc[2], acc[3], im, "im of mulAdd");
            }
            // a point factor: the same product through pointMulAdd
            double pr = pick(r, new double[] {a[0], a[1]}), pi = pick(r, new double[] {a[2], a[3]});
            java.util.Arrays.fill(acc, 0.0);
            ComplexBoxes.pointMulAdd(pr, pi, b, 0, acc, 0);
            double yr = pick(r, new double[] {b[0], b[1]}), yi = pick(r, new double[] {b[2], b[3]});
            assertEncloses(acc[0], acc[1], exact(pr).multiply(exact(yr)).subtract(exact(pi).multiply(exact(yi))), "re point");
            assertEncloses(acc[2], acc[3], exact(pr).multiply(exact(yi)).add(exact(pi).multiply(exact(yr))), "im point");
        }
    }
}
