package org.lps.homotopy.certify;

import org.lps.homotopy.interval.ComplexBoxes;

/** Set relations of box vectors (n complex boxes, {@link ComplexBoxes} layout). */
final class Boxes {

    private static final int W = ComplexBoxes.WIDTH;

    private Boxes() {
    }

    /** a inside b, coordinate by coordinate (closed boxes). */
    static boolean inside(double[] a, double[] b) {
        for (int i = 0; i < a.length; i += W) {
            if (!ComplexBoxes.inside(a, i, b, i)) {
                return false;
            }
        }
        return true;
    }

    /** Do the box vectors meet (every coordinate's boxes meet)? */
    static boolean intersect(double[] a, double[] b) {
        for (int i = 0; i < a.length; i += W) {
            if (!ComplexBoxes.intersect(a, i, b, i)) {
                return false;
            }
        }
        return true;
    }

    /** Does the box vector contain a point with every imaginary part 0? */
    static boolean meetsRealSubspace(double[] a) {
        for (int i = 0; i < a.length; i += W) {
            if (!(a[i + 2] <= 0 && a[i + 3] >= 0)) {
                return false;
            }
        }
        return true;
    }
}
