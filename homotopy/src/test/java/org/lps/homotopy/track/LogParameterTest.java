package org.lps.homotopy.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.start.StartSystems;

/**
 * The homotopy in u = -ln s: the same H at s = e^-u, and dH/du = -s dH/ds (checked against a central difference in
 * u, at real and complex u); and a path followed in u from s = 1e-2 to s = 1e-60 lands on the target's root, far
 * below where tracking in s can go (its absolute step floor is 1e-14), with the step floor relative to the way left.
 */
class LogParameterTest {

    private static final PolynomialSystem SYSTEM =
            SystemParser.parse("x^2 + 3*x*y - 2\ny^2 - x + 0.5", "test", Format.PLAIN);

    private static Homotopy homotopy() {
        return new Homotopy(SYSTEM, StartSystems.totalDegree(SYSTEM, new SplittableRandom(7)), new SplittableRandom(8));
    }

    @Test
    void valuesAndParameterDerivative() {
        Homotopy h = homotopy();
        int n = h.size();
        PathHomotopy.Evaluation plain = h.evaluation();
        PathHomotopy.Evaluation log = new LogParameter(h).evaluation();
        double[] z = {0.3, -0.2, 0.7, 0.1, 0.5, 0.4};
        double[] hv = new double[2 * n], jac = new double[2 * n * n], hs = new double[2 * n];
        double[] hu = new double[2 * n], jacU = new double[2 * n * n], du = new double[2 * n];
        for (double[] u : new double[][] {{2.5, 0}, {7, 0.3}, {40, -1.1}}) {
            double m = Math.exp(-u[0]);
            plain.evaluate(z, m * Math.cos(u[1]), -m * Math.sin(u[1]), hv, jac, hs);
            log.evaluate(z, u[0], u[1], hu, jacU, du);
            for (int k = 0; k < 2 * n; k++) {
                assertEquals(hv[k], hu[k], 1e-15 * (1 + Math.abs(hv[k])), "H at u = " + u[0] + " + " + u[1] + " i");
            }
            // dH/du = -s dH/ds, s = e^-u
            double sRe = m * Math.cos(u[1]), sIm = -m * Math.sin(u[1]);
            for (int i = 0; i < n; i++) {
                double re = -(sRe * hs[2 * i] - sIm * hs[2 * i + 1]), im = -(sRe * hs[2 * i + 1] + sIm * hs[2 * i]);
                assertEquals(re, du[2 * i], 1e-15 * Math.hypot(re, im) + 1e-300);
                assertEquals(im, du[2 * i + 1], 1e-15 * Math.hypot(re, im) + 1e-300);
            }
            if (u[0] > 10) {
                continue;   // below, H's change in u is lost to rounding in a difference quotient
            }
            // and against a central difference of H in u (real direction)
            double e = 1e-5;
            double[] plus = new double[2 * n], minus = new double[2 * n], scratch = new double[2 * n];
            double[] scratchJ = new double[2 * n * n];
            log.evaluate(z, u[0] + e, u[1], plus, scratchJ, scratch);
            log.evaluate(z, u[0] - e, u[1], minus, scratchJ, scratch);
            for (int k = 0; k < 2 * n; k++) {
                double fd = (plus[k] - minus[k]) / (2 * e);
                assertEquals(fd, du[k], 1e-8 + 1e-6 * Math.abs(fd), "dH/du at u = " + u[0]);
            }
        }
    }

    @Test
    void aPathFollowedInUReachesSixtyDecadesDown() {
        Homotopy h = homotopy();
        Tracker t = new Tracker(h);
        t.reset(TrackerOptions.DEFAULT);
        double[] z = new double[2 * h.size()];
        int solved = 0;
        var starts = h.startSystem().solutions();
        for (long path = 0; path < 4; path++) {
            assertTrue(h.startPoint(starts, path, z));
            t.reset(TrackerOptions.DEFAULT);
            assertTrue(t.begin(z, 1, 0));
            t.target(1e-2, 0);
            assertEquals(Tracker.Step.ARRIVED, t.trackToTarget());
            Tracker u = new Tracker(new LogParameter(h));
            u.reset(new TrackerOptions("u", 0.5, 8, 1e-14, 1000, 0.125, 4, 3, 1e-6));
            u.orthogonalPatch(t.z());
            assertTrue(u.begin(t.z(), -Math.log(1e-2), 0));
            u.target(-Math.log(1e-60), 0);
            u.minStepFraction(1e-3);
            assertEquals(Tracker.Step.ARRIVED, u.trackToTarget(), "path " + path);
            assertTrue(u.steps() < 100, "path " + path + ": " + u.steps() + " steps");
            double[] p = u.z();
            double x0re = p[4], x0im = p[5], d = x0re * x0re + x0im * x0im;
            if (d > 1e-12) {
                // affine image solves the target to rounding
                double xr = (p[0] * x0re + p[1] * x0im) / d, xi = (p[1] * x0re - p[0] * x0im) / d;
                double yr = (p[2] * x0re + p[3] * x0im) / d, yi = (p[3] * x0re - p[2] * x0im) / d;
                double f1r = xr * xr - xi * xi + 3 * (xr * yr - xi * yi) - 2, f1i = 2 * xr * xi + 3 * (xr * yi + xi * yr);
                double f2r = yr * yr - yi * yi - xr + 0.5, f2i = 2 * yr * yi - xi;
                assertEquals(0, Math.hypot(f1r, f1i) + Math.hypot(f2r, f2i), 1e-9, "path " + path);
                solved++;
            }
        }
        assertEquals(4, solved, "all four paths end at the target's four finite roots");
    }
}
