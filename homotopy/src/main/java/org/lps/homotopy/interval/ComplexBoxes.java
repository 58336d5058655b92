package org.lps.homotopy.interval;

import static org.lps.homotopy.interval.Intervals.addDown;
import static org.lps.homotopy.interval.Intervals.addUp;
import static org.lps.homotopy.interval.Intervals.mulHi;
import static org.lps.homotopy.interval.Intervals.mulLo;
import static org.lps.homotopy.interval.Intervals.scaleHi;
import static org.lps.homotopy.interval.Intervals.scaleLo;
import static org.lps.homotopy.interval.Intervals.subDown;
import static org.lps.homotopy.interval.Intervals.subUp;

/**
 * Rectangular complex intervals ("boxes"): a real interval for the real part and one for the imaginary part. A box is
 * four doubles {@code reLo, reHi, imLo, imHi} in a {@code double[]} at offset {@code 4 * k}; vectors and matrices of
 * boxes are such arrays (row-major), so interval code runs on primitive arrays without allocating.
 *
 * <p>Every operation encloses the exact result over all points of its operands ({@link Intervals} rounds outward).
 * Outputs may alias inputs: each operation reads its operands before it writes.
 */
public final class ComplexBoxes {

    /** Doubles per box. */
    public static final int WIDTH = 4;

    private ComplexBoxes() {
    }

    /** out = the degenerate box of the point (re, im). */
    public static void point(double re, double im, double[] out, int o) {
        out[o] = re;
        out[o + 1] = re;
        out[o + 2] = im;
        out[o + 3] = im;
    }

    /** out = a * b. */
    public static void mul(double[] a, int ia, double[] b, int ib, double[] out, int o) {
        double arl = a[ia], arh = a[ia + 1], ail = a[ia + 2], aih = a[ia + 3];
        double brl = b[ib], brh = b[ib + 1], bil = b[ib + 2], bih = b[ib + 3];
        // re = ar br - ai bi, im = ar bi + ai br
        double rl = subDown(mulLo(arl, arh, brl, brh), mulHi(ail, aih, bil, bih));
        double rh = subUp(mulHi(arl, arh, brl, brh), mulLo(ail, aih, bil, bih));
        double il = addDown(mulLo(arl, arh, bil, bih), mulLo(ail, aih, brl, brh));
        double ih = addUp(mulHi(arl, arh, bil, bih), mulHi(ail, aih, brl, brh));
        out[o] = rl;
        out[o + 1] = rh;
        out[o + 2] = il;
        out[o + 3] = ih;
    }

    /** acc += a * b. */
    public static void mulAdd(double[] a, int ia, double[] b, int ib, double[] acc, int o) {
        double arl = a[ia], arh = a[ia + 1], ail = a[ia + 2], aih = a[ia + 3];
        double brl = b[ib], brh = b[ib + 1], bil = b[ib + 2], bih = b[ib + 3];
        double rl = subDown(mulLo(arl, arh, brl, brh), mulHi(ail, aih, bil, bih));
        double rh = subUp(mulHi(arl, arh, brl, brh), mulLo(ail, aih, bil, bih));
        double il = addDown(mulLo(arl, arh, bil, bih), mulLo(ail, aih, brl, brh));
        double ih = addUp(mulHi(arl, arh, bil, bih), mulHi(ail, aih, brl, brh));
        acc[o] = addDown(acc[o], rl);
        acc[o + 1] = addUp(acc[o + 1], rh);
        acc[o + 2] = addDown(acc[o + 2], il);
        acc[o + 3] = addUp(acc[o + 3], ih);
    }

    /** acc += (pr + i pi) * b, for a point factor (a floating-point matrix entry, say): half the work of {@link #mulAdd}. */
    public static void pointMulAdd(double pr, double pi, double[] b, int ib, double[] acc, int o) {
        double brl = b[ib], brh = b[ib + 1], bil = b[ib + 2], bih = b[ib + 3];
        double rl = subDown(scaleLo(pr, brl, brh), scaleHi(pi, bil, bih));
        double rh = subUp(scaleHi(pr, brl, brh), scaleLo(pi, bil, bih));
        double il = addDown(scaleLo(pr, bil, bih), scaleLo(pi, brl, brh));
        double ih = addUp(scaleHi(pr, bil, bih), scaleHi(pi, brl, brh));
        acc[o] = addDown(acc[o], rl);
        acc[o + 1] = addUp(acc[o + 1], rh);
        acc[o + 2] = addDown(acc[o + 2], il);
        acc[o + 3] = addUp(acc[o + 3], ih);
    }

    /** out = a + b. */
    public static void add(double[] a, int ia, double[] b, int ib, double[] out, int o) {
        double rl = addDown(a[ia], b[ib]);
        double rh = addUp(a[ia + 1], b[ib + 1]);
        double il = addDown(a[ia + 2], b[ib + 2]);
        double ih = addUp(a[ia + 3], b[ib + 3]);
        out[o] = rl;
        out[o + 1] = rh;
        out[o + 2] = il;
        out[o + 3] = ih;
    }

    /** out = a - b. */
    public static void sub(double[] a, int ia, double[] b, int ib, double[] out, int o) {
        double rl = subDown(a[ia], b[ib + 1]);
        double rh = subUp(a[ia + 1], b[ib]);
        double il = subDown(a[ia + 2], b[ib + 3]);
        double ih = subUp(a[ia + 3], b[ib + 2]);
        out[o] = rl;
        out[o + 1] = rh;
        out[o + 2] = il;
        out[o + 3] = ih;
    }

    /** Is box a strictly inside box b (both parts, interiors)? False on NaN. */
    public static boolean strictlyInside(double[] a, int ia, double[] b, int ib) {
        return Intervals.strictlyInside(a[ia], a[ia + 1], b[ib], b[ib + 1])
                && Intervals.strictlyInside(a[ia + 2], a[ia + 3], b[ib + 2], b[ib + 3]);
    }

    /** Is box a inside box b (closed)? False on NaN. */
    public static boolean inside(double[] a, int ia, double[] b, int ib) {
        return a[ia] >= b[ib] && a[ia + 1] <= b[ib + 1] && a[ia + 2] >= b[ib + 2] && a[ia + 3] <= b[ib + 3];
    }

    /** Do the closed boxes a and b meet? True on NaN (a NaN box proves nothing apart). */
    public static boolean intersect(double[] a, int ia, double[] b, int ib) {
        return !(a[ia + 1] < b[ib] || b[ib + 1] < a[ia] || a[ia + 3] < b[ib + 2] || b[ib + 3] < a[ia + 2]);
    }
}
