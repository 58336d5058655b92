package org.lps.homotopy.track;

/**
 * The coordinates a {@link PathHomotopy} tracks its points in, which decide what "at infinity" means for the
 * endgame and how an endpoint becomes a point of C^n. Every formula is written for a projective point (x, x_0): an
 * affine point x is the projective point (x, 1), so the endgame's tests read the same in both conventions.
 */
public enum Coordinates {

    /**
     * Homogeneous coordinates z = (x_1, ..., x_n, x_0) on a patch, x_0 last; the affine point is x / x_0 and a
     * point at infinity has x_0 = 0. The start-to-target and parameter homotopies use these: a diverging path stays
     * bounded on the patch, where it can be tracked to its end.
     */
    PROJECTIVE,

    /** The affine point itself, z = x; a diverging path has |x| growing without bound. */
    AFFINE;

    /** The number of complex coordinates of the affine point, for a homotopy of {@code size} unknowns. */
    public int affineDimension(int size) {
        return this == PROJECTIVE ? size - 1 : size;
    }

    /**
     * |x_0| / max_k |x_k| of the point z of a homotopy of {@code size} unknowns (1 / max_k |x_k| for an affine one):
     * how far from the hyperplane at infinity it is. Infinite at x = 0.
     */
    public double homogenizingRatio(double[] z, int size) {
        int n = affineDimension(size);
        double m = 0;
        for (int k = 0; k < n; k++) {
            m = Math.max(m, z[2 * k] * z[2 * k] + z[2 * k + 1] * z[2 * k + 1]);
        }
        double h = 1;
        if (this == PROJECTIVE) {
            int o = 2 * n;
            h = z[o] * z[o] + z[o + 1] * z[o + 1];
        }
        return m == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(h / m);
    }

    /**
     * The valuation of x_0 relative to the norm of x, Re(s x_0' / x_0) - Re(s (x . x') / |x|^2) at the point z with
     * tangent dz = dz/ds, s real: the exponent of s in x_0 / |x| along a Puiseux expansion, 0 for a finite endpoint,
     * positive for a diverging path. Subtracting the norm's valuation makes it independent of the patch's rescaling;
     * it tends to the smallest valuation among the coordinates, as the largest coordinate's does, but smoothly:
     * taking the largest coordinate's made v jump by 0.1 when the largest changed, which held the endgame's error
     * estimate up for two factor-4 stretches of crawling (LPS k = 2, d = 2). Infinite where x_0 = 0.
     */
    public double valuation(double[] z, double[] dz, double s, int size) {
        int n = affineDimension(size);
        double vh = 0;
        if (this == PROJECTIVE) {
            int o = 2 * n;
            double zr = z[o], zi = z[o + 1], dr = dz[o], di = dz[o + 1];
            double d = zr * zr + zi * zi;
            if (d == 0) {
                return Double.POSITIVE_INFINITY;
            }
            // Re(dz / z) = Re(dz * conj(z)) / |z|^2, times s (real here)
            vh = s * (dr * zr + di * zi) / d;
        }
        double num = 0, den = 0;
        for (int k = 0; k < n; k++) {
            num += dz[2 * k] * z[2 * k] + dz[2 * k + 1] * z[2 * k + 1];
            den += z[2 * k] * z[2 * k] + z[2 * k + 1] * z[2 * k + 1];
        }
        double vb = den == 0 ? 0 : s * num / den;
        return vh - vb;
    }

    /** The affine point of z (interleaved) into x, whose length is twice the affine dimension. */
    public void toAffine(double[] z, double[] x) {
        int n = x.length / 2;
        if (this == AFFINE) {
            System.arraycopy(z, 0, x, 0, 2 * n);
            return;
        }
        double hr = z[2 * n], hi = z[2 * n + 1];
        double d = hr * hr + hi * hi;
        double ir = hr / d, ii = -hi / d;
        for (int k = 0; k < n; k++) {
            double zr = z[2 * k], zi = z[2 * k + 1];
            x[2 * k] = zr * ir - zi * ii;
            x[2 * k + 1] = zr * ii + zi * ir;
        }
    }
}
