package org.lps.homotopy.endgame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.track.Coordinates;
import org.lps.homotopy.track.PathHomotopy;
import org.lps.homotopy.track.Tracker;
import org.lps.homotopy.track.TrackerOptions;

/**
 * The endgame in affine coordinates: a univariate gamma-trick homotopy H(x, s) = (1 - s) f(x) + s gamma (x^d - 1),
 * tracked in x itself (no homogenizing coordinate), reaches a simple root regularly, a double root by the Cauchy
 * endgame with winding number 2, and calls the path of a root lost to the degree drop at infinity.
 */
class AffineEndgameTest {

    /** H(x, s) = (1 - s) f(x) + s gamma (x^d - 1) in one affine unknown; f given by real coefficients, x^0 first. */
    record Univariate(double[] f, int degree, double gammaRe, double gammaIm) implements PathHomotopy {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public Coordinates coordinates() {
            return Coordinates.AFFINE;
        }

        @Override
        public Evaluation evaluation() {
            return (z, sRe, sIm, h, jac, hs) -> {
                double xr = z[0], xi = z[1];
                // f and f' by Horner
                double fr = 0, fi = 0, dr = 0, di = 0;
                for (int k = f.length - 1; k >= 0; k--) {
                    double ndr = dr * xr - di * xi + fr, ndi = dr * xi + di * xr + fi;
                    dr = ndr;
                    di = ndi;
                    double nfr = fr * xr - fi * xi + f[k], nfi = fr * xi + fi * xr;
                    fr = nfr;
                    fi = nfi;
                }
                // g = x^d - 1, g' = d x^(d-1)
                double pr = 1, pi = 0;
                for (int k = 0; k < degree - 1; k++) {
                    double npr = pr * xr - pi * xi, npi = pr * xi + pi * xr;
                    pr = npr;
                    pi = npi;
                }
                double gdr = degree * pr, gdi = degree * pi;
                double gr = pr * xr - pi * xi - 1, gi = pr * xi + pi * xr;
                // gamma g, gamma g'
                double ggr = gammaRe * gr - gammaIm * gi, ggi = gammaRe * gi + gammaIm * gr;
                double ggdr = gammaRe * gdr - gammaIm * gdi, ggdi = gammaRe * gdi + gammaIm * gdr;
                double ar = 1 - sRe, ai = -sIm;
                h[0] = ar * fr - ai * fi + sRe * ggr - sIm * ggi;
                h[1] = ar * fi + ai * fr + sRe * ggi + sIm * ggr;
                jac[0] = ar * dr - ai * di + sRe * ggdr - sIm * ggdi;
                jac[1] = ar * di + ai * dr + sRe * ggdi + sIm * ggdr;
                hs[0] = ggr - fr;
                hs[1] = ggi - fi;
            };
        }
    }

    /** Where each path from the d-th roots of unity ends: outcome, endpoint, winding number. */
    record End(Endgame.Outcome outcome, double re, double im, int winding, String failure) {
    }

    static List<End> endsOf(Univariate h) {
        Tracker tracker = new Tracker(h);
        Endgame endgame = new Endgame(tracker, EndgameOptions.DEFAULT);
        List<End> ends = new ArrayList<>();
        for (int k = 0; k < h.degree(); k++) {
            double angle = 2 * Math.PI * k / h.degree();
            tracker.reset(TrackerOptions.DEFAULT);
            assertTrue(tracker.begin(new double[] {Math.cos(angle), Math.sin(angle)}, 1, 0));
            tracker.target(EndgameOptions.DEFAULT.boundary(), 0);
            assertEquals(Tracker.Step.ARRIVED, tracker.trackToTarget(), "path " + k + " to the boundary");
            assertTrue(tracker.orthogonalPatch(), "nothing to do in affine coordinates");
            Endgame.Outcome o = endgame.run();
            double[] e = endgame.endpoint();
            ends.add(new End(o, e[0], e[1], endgame.windingNumber(), endgame.failure()));
        }
        return ends;
    }

    @Test
    void simpleAndDoubleRoots() {
        // f = (x - 2)^2 (x + 1) = x^3 - 3x^2 + 4: two paths meet at 2 (one cycle, winding number 2), one reaches -1
        for (double[] gamma : new double[][] {{0.6, 0.8}, {-0.28, 0.96}, {0.8, -0.6}}) {
            List<End> ends = endsOf(new Univariate(new double[] {4, 0, -3, 1}, 3, gamma[0], gamma[1]));
            int atTwo = 0, atMinusOne = 0;
            for (End e : ends) {
                if (Math.hypot(e.re() - 2, e.im()) < 1e-6) {
                    assertEquals(Endgame.Outcome.CAUCHY, e.outcome(), e.toString());
                    assertEquals(2, e.winding(), e.toString());
                    atTwo++;
                } else {
                    assertEquals(Endgame.Outcome.REGULAR, e.outcome(), e.toString());
                    assertEquals(-1, e.re(), 1e-12);
                    assertEquals(0, e.im(), 1e-12);
                    atMinusOne++;
                }
            }
            assertEquals(2, atTwo);
            assertEquals(1, atMinusOne);
        }
    }

    @Test
    void aRootLostToTheDegreeDropIsAtInfinity() {
        // f = x - 2 against x^2 - 1: one path reaches 2, the other has |x| ~ 1 / s
        for (double[] gamma : new double[][] {{0.6, 0.8}, {-0.28, 0.96}, {0.8, -0.6}}) {
            List<End> ends = endsOf(new Univariate(new double[] {-2, 1, 0}, 2, gamma[0], gamma[1]));
            long regular = ends.stream().filter(e -> e.outcome() == Endgame.Outcome.REGULAR
                    && Math.abs(e.re() - 2) < 1e-12 && Math.abs(e.im()) < 1e-12).count();
            long infinite = ends.stream().filter(e -> e.outcome() == Endgame.Outcome.AT_INFINITY).count();
            assertEquals(1, regular, ends.toString());
            assertEquals(1, infinite, ends.toString());
        }
    }

    @Test
    void theConventionsAgreeOnAProjectivePointAndItsAffineImage() {
        // (x, x_0) = (3 + 4i, 2) projective is x = 1.5 + 2i affine: the same distance from infinity
        double[] projective = {3, 4, 2, 0};
        double[] affine = {1.5, 2};
        assertEquals(Coordinates.PROJECTIVE.homogenizingRatio(projective, 2),
                Coordinates.AFFINE.homogenizingRatio(affine, 1), 1e-15);
        double[] x = new double[2];
        Coordinates.PROJECTIVE.toAffine(projective, x);
        assertEquals(1.5, x[0], 1e-15);
        assertEquals(2, x[1], 1e-15);
        // x = c / s diverges with valuation 1 in both: affine tangent dx/ds = -x / s, projective (c, s) has x_0' = 1
        double s = 1e-3;
        double[] z = {1 / s, 0};
        double[] dz = {-1 / (s * s), 0};
        assertEquals(1, Coordinates.AFFINE.valuation(z, dz, s, 1), 1e-12);
        assertEquals(1, Coordinates.PROJECTIVE.valuation(new double[] {1, 0, s, 0}, new double[] {0, 0, 1, 0}, s, 2),
                1e-12);
    }
}
