package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The slicing test for positive-dimensional components: points of non-reduced curves are recognized, isolated
 * roots of high multiplicity are not.
 */
class LocalDimensionTest {

    private static PolynomialSystem demo(String name) throws IOException {
        try (InputStream in = LocalDimensionTest.class.getResourceAsStream("/demos/" + name + ".phc")) {
            return SystemParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, Format.PHC);
        }
    }

    /** (re, im) pairs of complex numbers given as {re0, im0, re1, im1, ...}. */
    private static double[] c(double... reIm) {
        return reIm;
    }

    private static double[] mul(double[] a, double[] b) {
        return c(a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]);
    }

    private static double[] div(double[] a, double[] b) {
        double d = b[0] * b[0] + b[1] * b[1];
        return c((a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d);
    }

    /**
     * redcyc7 (reduced cyclic 7-roots, PHCpack's demo database) contains the curves
     * {y2 = y3 = y6 = 0, y1 = -y4 y5, 1 + y1 + y4 + y5 = 0} and {y1 = y4 = y5 = 0, y6 = -y2 y3, 1 + y2 + y3 + y6 = 0}
     * (substitute: equations 3 to 6 vanish term by term). Along them the Jacobian has corank 2 (the curves are
     * non-reduced), and near the point where they meet the coordinate axes the least-squares problem of the slice is
     * badly conditioned: with a normal-equations damping of 1e-12 trace the Gauss-Newton iteration stalled at
     * residual ~1e-9 and the solver reported points of these curves (different ones on each seed) as isolated
     * singular roots of multiplicity 2 to 4. Points drawn along both curves, from near that point outwards.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void pointsOfRedcyc7sNonReducedCurvesArePositiveDimensional(long seed) throws IOException {
        LocalDimension d = new LocalDimension(demo("redcyc7"));
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 4; k++) {
            double radius = Math.pow(10, -2.3 + 2 * r.nextDouble()), angle = 2 * Math.PI * r.nextDouble();
            double[] t = c(radius * Math.cos(angle), radius * Math.sin(angle));
            double[] ratio = div(c(1 + t[0], t[1]), c(1 - t[0], -t[1]));    // (1 + t) / (1 - t)
            double[] first = mul(t, ratio);                                  // t (1 + t) / (1 - t)
            double[] third = c(-ratio[0], -ratio[1]);                        // -(1 + t) / (1 - t)
            double[] z = c(0, 0);
            double[][] onCurve1 = {first, z, z, t, third, z};
            double[][] onCurve2 = {z, t, third, z, z, first};
            for (double[][] p : new double[][][] {onCurve1, onCurve2}) {
                double[] x = new double[12];
                for (int v = 0; v < 6; v++) {
                    x[2 * v] = p[v][0];
                    x[2 * v + 1] = p[v][1];
                }
                assertTrue(d.positiveDimensional(x), () -> String.format(Locale.ROOT,
                        "t = %.3g%+.3gi: not recognized as a point of a curve", t[0], t[1]));
            }
        }
    }

    /**
     * redcyc8 (same database): its solver run on seed 1 reported this real point, with Jacobian corank 2, as an
     * isolated singular root of multiplicity 2; slices through it at distance 0.01 land on a curve in about one
     * direction of three (residual 1e-14), the others stall at 1e-3: three fixed directions all missed it.
     */
    @Test
    void redcyc8sSpecialPointOfACurveIsPositiveDimensional() throws IOException {
        double r = 3 + 2 * Math.sqrt(2);
        double[] x = {1, 0, -1, 0, -1, 0, -r, 0, 1, 0, -1, 0, r, 0};
        assertTrue(new LocalDimension(demo("redcyc8")).positiveDimensional(x));
    }

    /**
     * cpdm5 (Caprasse and Demaret, same database): the unit points e_1 .. e_5 are isolated roots of multiplicity
     * 11 each (PHCpack: 55 singular paths; Jacobian rank 2 there, exactly). The slice at distance 0.01 still sees
     * |F| ~ 1e-7 there: isolated.
     */
    @Test
    void cpdm5sUnitPointsOfMultiplicityElevenAreIsolated() throws IOException {
        LocalDimension d = new LocalDimension(demo("cpdm5"));
        for (int i = 0; i < 5; i++) {
            double[] x = new double[10];
            x[2 * i] = 1;
            assertFalse(d.positiveDimensional(x), "e_" + (i + 1));
        }
    }

    /**
     * Generated: u = B (x - p), F = A (u1^m, u2 + u1 u3, u3 - u1^2) in three unknowns has the isolated root p of
     * multiplicity m; and G = A (u1^2, u1 u2, u1^2 u3) vanishes on the plane u1 = 0, a non-reduced component (the
     * Jacobian is 0 there). A, B, p random (seeded), m = 2, 3: from m = 4 on, |F| on the slice at distance 0.01
     * (~ 0.01^m |B|^m) falls below the 1e-12 rounding threshold for some draws and the root is called
     * positive-dimensional, with this change as before it (the documented limit of the slicing test).
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void generatedIsolatedMultipleRootsAndNonReducedPlanes(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int m = 2; m <= 3; m++) {
            double[][] a = randomMatrix(r), b = randomMatrix(r);
            double[] p = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
            String[] u = new String[3];
            for (int i = 0; i < 3; i++) {
                u[i] = String.format(Locale.ROOT, "(%.17g*(x-(%.17g)) + %.17g*(y-(%.17g)) + %.17g*(z-(%.17g)))",
                        b[i][0], p[0], b[i][1], p[1], b[i][2], p[2]);
            }
            String[] isolated = {u[0] + "^" + m, u[1] + " + " + u[0] + "*" + u[2], u[2] + " - " + u[0] + "^2"};
            double[] xp = {p[0], 0, p[1], 0, p[2], 0};
            LocalDimension di = new LocalDimension(system(a, isolated));
            assertFalse(di.positiveDimensional(xp), "isolated root of multiplicity " + m + ", seed " + seed);

            String[] plane = {u[0] + "^2", u[0] + "*" + u[1], u[0] + "^2*" + u[2]};
            LocalDimension dp = new LocalDimension(system(a, plane));
            // a point of the plane u1 = 0 at distance 0.3 from p
            double[] w = cross(b[0], b[1]);    // orthogonal to B's first row: u1 stays 0 along it
            double s = 0.3 / Math.max(Math.abs(w[0]), Math.max(Math.abs(w[1]), Math.abs(w[2])));
            double[] xq = {p[0] + s * w[0], 0, p[1] + s * w[1], 0, p[2] + s * w[2], 0};
            assertTrue(dp.positiveDimensional(xq), "non-reduced plane, seed " + seed);
        }
    }

    private static PolynomialSystem system(double[][] a, String[] g) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                text.append(String.format(Locale.ROOT, "%s%.17g*(%s)", j == 0 ? "" : " + ", a[i][j], g[j]));
            }
            text.append('\n');
        }
        return SystemParser.parse(text.toString(), "generated", Format.PLAIN);
    }

    private static double[][] randomMatrix(SplittableRandom r) {
        double[][] m = new double[3][3];
        for (double[] row : m) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        return m;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
