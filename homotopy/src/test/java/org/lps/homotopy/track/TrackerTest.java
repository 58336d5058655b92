package org.lps.homotopy.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.start.TotalDegreeStart;

class TrackerTest {

    private static final double[] GAMMA = {Math.cos(2.1), Math.sin(2.1)};

    /**
     * x^2 - 4 from x^2 - 1 (classical start, known gamma and patch). After scaling the target to unit largest
     * coefficient, H = s gamma (x^2 - 1) + (1 - s)(x^2 / 4 - 1), so on the path x(s)^2 = (s gamma + 1 - s) /
     * (s gamma + (1 - s) / 4): every tracked point can be checked against the closed form.
     */
    @Test
    void tracksAKnownPathAccurately() {
        PolynomialSystem f = SystemParser.parse("x^2 - 4", "test", Format.PLAIN);
        double[] patch = {0.3, -0.7, 0.9, 0.2};
        Homotopy h = new Homotopy(f, new TotalDegreeStart(new int[] {2}), GAMMA, new ProjectivePatch(patch));
        Tracker t = new Tracker(h);
        double[] z = new double[4];
        for (long k = 0; k < 2; k++) {
            h.startPoint(k, z);
            t.reset(TrackerOptions.DEFAULT);
            assertTrue(t.begin(z, 1, 0));
            t.target(0, 0);
            Complex previous = affine(t.z());
            int checked = 0;
            while (true) {
                Tracker.Step st = t.step();
                assertTrue(st != Tracker.Step.FAILED, "path " + k + " failed: " + t.failure());
                if (st == Tracker.Step.REJECTED) {
                    continue;
                }
                double s = t.sRe();
                Complex g = new Complex(GAMMA[0], GAMMA[1]);
                Complex x2 = g.multiply(s).add(1 - s).divide(g.multiply(s).add((1 - s) / 4));
                Complex root = x2.sqrt();
                Complex x = affine(t.z());
                // the branch closest to the previous point
                Complex expect = root.subtract(previous).norm() < root.negate().subtract(previous).norm() ? root : root.negate();
                assertEquals(0, x.subtract(expect).norm(), 1e-6 * expect.norm(), "s = " + s);
                checked++;
                previous = x;
                if (st == Tracker.Step.ARRIVED) {
                    break;
                }
            }
            assertTrue(checked >= 3);
            assertEquals(2, previous.norm(), 1e-10);
            assertTrue(t.acceptedSteps() < 40, "a smooth path needs few steps: " + t.acceptedSteps());
        }
    }

    private static Complex affine(double[] z) {
        return new Complex(z[0], z[1]).divide(new Complex(z[2], z[3]));
    }

    /** dH/dz and dH/ds against central differences, at a complex s, for a real family system. */
    @Test
    void homotopyDerivativesMatchDifferences() {
        PolynomialSystem f = StandardSystems.katsura(3);
        int n = f.variableCount();
        Homotopy h = new Homotopy(f, new TotalDegreeStart(f.degrees(), new SplittableRandom(3)), new SplittableRandom(4));
        Homotopy.Workspace w = h.workspace();
        int m = n + 1;
        SplittableRandom r = new SplittableRandom(5);
        double[] z = new double[2 * m];
        for (int k = 0; k < z.length; k++) {
            z[k] = r.nextGaussian();
        }
        double sr = 0.3, si = 0.2;
        double[] hv = new double[2 * m], jac = new double[2 * m * m], hs = new double[2 * m];
        double[] hp = new double[2 * m], hm = new double[2 * m], scratchJ = new double[jac.length], scratchS = new double[hs.length];
        w.evaluate(z, sr, si, hv, jac, hs);
        double d = 1e-6;
        for (int v = 0; v < m; v++) {
            double[] zp = z.clone(), zm = z.clone();
            zp[2 * v] += d;
            zm[2 * v] -= d;
            w.evaluate(zp, sr, si, hp, scratchJ, scratchS);
            w.evaluate(zm, sr, si, hm, scratchJ, scratchS);
            for (int i = 0; i < m; i++) {
                int o = 2 * (i * m + v);
                assertEquals((hp[2 * i] - hm[2 * i]) / (2 * d), jac[o], 1e-6);
                assertEquals((hp[2 * i + 1] - hm[2 * i + 1]) / (2 * d), jac[o + 1], 1e-6);
            }
        }
        w.evaluate(z, sr + d, si, hp, scratchJ, scratchS);
        w.evaluate(z, sr - d, si, hm, scratchJ, scratchS);
        for (int i = 0; i < m; i++) {
            assertEquals((hp[2 * i] - hm[2 * i]) / (2 * d), hs[2 * i], 1e-6);
            assertEquals((hp[2 * i + 1] - hm[2 * i + 1]) / (2 * d), hs[2 * i + 1], 1e-6);
        }
        // the patch equation holds at start points
        h.startPoint(3, z);
        w.evaluate(z, 1, 0, hv, jac, hs);
        assertEquals(0, Math.hypot(hv[2 * n], hv[2 * n + 1]), 1e-14);
        for (int i = 0; i < n; i++) {
            assertEquals(0, Math.hypot(hv[2 * i], hv[2 * i + 1]), 1e-12, "start point solves H(., 1)");
        }
    }

    @Test
    void presetsAreOrderedFromFastToConservative() {
        assertTrue(TrackerOptions.FAST.contraction() > TrackerOptions.DEFAULT.contraction());
        assertTrue(TrackerOptions.CONSERVATIVE.contraction() < TrackerOptions.DEFAULT.contraction());
        assertTrue(TrackerOptions.CONSERVATIVE.maxStepSize() < TrackerOptions.DEFAULT.maxStepSize());
        assertEquals(TrackerOptions.FAST, TrackerOptions.preset("FAST"));
    }
}
