package org.lps.homotopy.track;

import java.util.SplittableRandom;

/**
 * The affine chart a . z = 1 on which a projective homotopy (x_0 last, {@link Coordinates#PROJECTIVE}) represents
 * its points, shared by the start-to-target and the parameter homotopies. The chart is random, so that no path's
 * endpoint lies on the hyperplane a . z = 0 it misses; each thread's evaluation can move to the chart orthogonal to
 * the current point ({@link Moving#orthogonalTo}), where an endpoint near that hyperplane is represented well.
 * Immutable; {@link #moving()} gives a thread's own copy.
 */
public final class ProjectivePatch {

    private final double[] a;

    /** The chart a . z = 1 for the given a (interleaved complex, one entry per projective coordinate). */
    public ProjectivePatch(double[] a) {
        this.a = a.clone();
    }

    /** A random chart of {@code size} coordinates, each a_k standard complex normal. */
    public static ProjectivePatch random(SplittableRandom r, int size) {
        double[] a = new double[2 * size];
        for (int k = 0; k < a.length; k++) {
            a[k] = r.nextGaussian() / Math.sqrt(2);
        }
        return new ProjectivePatch(a);
    }

    /** A random unit complex number (the gamma of a gamma trick), drawn before the chart by every homotopy. */
    public static double[] randomUnit(SplittableRandom r) {
        double angle = 2 * Math.PI * r.nextDouble();
        return new double[] {Math.cos(angle), Math.sin(angle)};
    }

    /** The number of projective coordinates. */
    public int size() {
        return a.length / 2;
    }

    /** Scales the projective point z (in place) onto the chart: a . z = 1. */
    public void scaleOnto(double[] z) {
        int size = size();
        double pr = 0, pi = 0;
        for (int k = 0; k < size; k++) {
            double ar = a[2 * k], ai = a[2 * k + 1], zr = z[2 * k], zi = z[2 * k + 1];
            pr += ar * zr - ai * zi;
            pi += ar * zi + ai * zr;
        }
        double d = pr * pr + pi * pi;
        double ir = pr / d, ii = -pi / d;
        for (int k = 0; k < size; k++) {
            double zr = z[2 * k], zi = z[2 * k + 1];
            z[2 * k] = zr * ir - zi * ii;
            z[2 * k + 1] = zr * ii + zi * ir;
        }
    }

    /** The affine point x (n coordinates, interleaved) as the projective point (x, 1) on the chart, into z. */
    public void fromAffine(double[] x, double[] z) {
        int n = size() - 1;
        System.arraycopy(x, 0, z, 0, 2 * n);
        z[2 * n] = 1;
        z[2 * n + 1] = 0;
        scaleOnto(z);
    }

    /** A thread's chart: starts as this one, can move to the one orthogonal to a point. */
    public Moving moving() {
        return new Moving();
    }

    /** One thread's current chart, the last equation of its homotopy. Allocation-free. */
    public final class Moving {
        private final double[] patch = a.clone();

        private Moving() {
        }

        /** Back to the shared random chart (the one start points are on). */
        public void reset() {
            System.arraycopy(a, 0, patch, 0, patch.length);
        }

        /**
         * The chart conj(z) . w = |z|^2, orthogonal to z, which z is on; the path through z is the same
         * projective path, now represented on this chart.
         */
        public void orthogonalTo(double[] z) {
            int size = patch.length / 2;
            double norm2 = 0;
            for (int k = 0; k < size; k++) {
                norm2 += z[2 * k] * z[2 * k] + z[2 * k + 1] * z[2 * k + 1];
            }
            for (int k = 0; k < size; k++) {
                patch[2 * k] = z[2 * k] / norm2;
                patch[2 * k + 1] = -z[2 * k + 1] / norm2;
            }
        }

        /** Writes the chart's row (its coefficients) into the Jacobian at {@code offset} (interleaved). */
        public void jacobianRow(double[] jac, int offset) {
            System.arraycopy(patch, 0, jac, offset, patch.length);
        }

        /** The chart equation's value a . z - 1 into h[2 (size - 1)] (the last equation). */
        public void value(double[] z, double[] h) {
            int size = patch.length / 2;
            double pr = -1, pi = 0;
            for (int k = 0; k < size; k++) {
                double qr = patch[2 * k], qi = patch[2 * k + 1], zr = z[2 * k], zi = z[2 * k + 1];
                pr += qr * zr - qi * zi;
                pi += qr * zi + qi * zr;
            }
            h[2 * (size - 1)] = pr;
            h[2 * (size - 1) + 1] = pi;
        }
    }
}
