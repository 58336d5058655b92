package org.lps.homotopy.certify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;

class CertifierTest {

    private static PolynomialSystem parse(String text) {
        return SystemParser.parse(text, "test", Format.PLAIN);
    }

    /** Every solution of a published count certified, all distinct, the real ones proved real. */
    private static void assertCertifiesCompletely(PolynomialSystem s, int expected) {
        SolveResult r = Solver.solve(s, SolveOptions.defaults().threads(2));
        assertEquals(expected, r.nonsingular());
        Certification c = Certifier.certify(IntervalSystem.of(s), r, 2);
        assertEquals(expected, c.certified(), () -> firstFailure(c));
        assertEquals(expected, c.certifiedDistinct());
        assertEquals(0, c.ambiguous());
        assertEquals(c.realCoefficients() ? r.real() : 0, c.certifiedReal());
        for (int i = 0; i < c.size(); i++) {
            Certificate k = c.get(i);
            // the tolerance-based flag and the proof agree on every solution, and the boxes are tight
            if (c.realCoefficients()) {
                assertEquals(r.solutions().get(i).isReal(), k.certifiedReal(), "solution " + i);
                assertEquals(k.certifiedReal() ? Certificate.Reality.REAL : Certificate.Reality.NOT_REAL, k.reality());
            } else {
                assertEquals(Certificate.Reality.NOT_APPLICABLE, k.reality());
            }
            assertTrue(k.radius() < 1e-8, "radius " + k.radius());
        }
    }

    private static String firstFailure(Certification c) {
        return c.certificates().stream().filter(k -> !k.certified()).map(Certificate::reason).findFirst().orElse("");
    }

    @Test
    void snippetFromTheDocs() {
        // --- docs/certify.md: Java API ---
        PolynomialSystem s = StandardSystems.katsura(5);
        SolveResult r = Solver.solve(s, SolveOptions.defaults().threads(2));
        Certification c = Certifier.certify(IntervalSystem.of(s), r, 2);   // or a List<double[]> of points
        System.out.println(c.certifiedDistinct() + " distinct zeros, " + c.certifiedReal() + " real");
        for (Certificate k : c.certificates()) {
            if (!k.certified()) {
                System.out.println("not certified: " + k.reason());
            }
        }
        // --- end ---
        assertEquals(32, c.certifiedDistinct());
        assertEquals(r.real(), c.certifiedReal());
        assertEquals(16, c.certifiedReal());
    }

    @Test
    void katsura9CertifiesAll512() {
        assertCertifiesCompletely(StandardSystems.katsura(9), 512);
    }

    @Test
    void cyclic7CertifiesAll924() {
        assertCertifiesCompletely(StandardSystems.cyclic(7), 924);
    }

    @Test
    void smallerFamiliesCertifyCompletely() {
        assertCertifiesCompletely(StandardSystems.katsura(5), 32);
        assertCertifiesCompletely(StandardSystems.cyclic(5), 70);
        assertCertifiesCompletely(StandardSystems.noon(4), 73);
        assertCertifiesCompletely(StandardSystems.denseRandom(3, 3, 7), 27);
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        PolynomialSystem s = StandardSystems.katsura(5);
        SolveResult r = Solver.solve(s, SolveOptions.defaults().threads(2));
        Certification one = Certifier.certify(IntervalSystem.of(s), r, 1);
        Certification three = Certifier.certify(IntervalSystem.of(s), r, 3);
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i).enclosure(), three.get(i).enclosure());
            assertEquals(one.get(i).reality(), three.get(i).reality());
        }
    }

    @Test
    void randomPointsThatAreNotNearASolutionAreNotCertified() {
        PolynomialSystem s = StandardSystems.katsura(5);
        IntervalSystem is = IntervalSystem.of(s);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 20; t++) {
            double[] x = new double[12];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble(-2, 2);
            }
            Certificate c = Certifier.certify(is, x);
            assertFalse(c.certified());
            assertNotNull(c.reason());
            assertEquals(Certificate.Reality.NONE, c.reality());
        }
    }

    @Test
    void aPerturbedSolutionIsRefinedAndCertifiedButAFarOneIsRefused() {
        PolynomialSystem s = parse("x^2 + y^2 - 1; x - y");
        double h = Math.sqrt(0.5);
        Certificate ok = Certifier.certify(IntervalSystem.of(s), new double[] {h + 1e-9, 0, h - 1e-9, 0});
        assertTrue(ok.certified());
        assertTrue(ok.certifiedReal());
        double[] e = ok.enclosure();
        assertTrue(e[0] <= h && h <= e[1] && e[4] <= h && h <= e[5]);
        Certificate far = Certifier.certify(IntervalSystem.of(s), new double[] {h + 1e-3, 0, h, 0});
        assertFalse(far.certified());
        assertTrue(far.reason().startsWith("not an approximate solution"), far.reason());
    }

    @Test
    void twoCopiesOfOneSolutionCountOnce() {
        PolynomialSystem s = StandardSystems.katsura(4);
        SolveResult r = Solver.solve(s, SolveOptions.defaults().threads(2));
        List<double[]> points = new ArrayList<>();
        r.solutions().forEach(x -> points.add(x.interleaved()));
        double[] copy = r.solutions().get(3).interleaved();
        copy[0] += 1e-12;   // the same zero, approximated differently
        points.add(copy);
        points.add(r.solutions().get(5).interleaved());
        Certification c = Certifier.certify(IntervalSystem.of(s), points, 2);
        assertEquals(18, c.certified());
        assertEquals(16, c.certifiedDistinct());
        assertEquals(3, c.sameAs()[16]);
        assertEquals(5, c.sameAs()[17]);
        assertEquals(-1, c.sameAs()[3]);
        assertEquals(r.real(), c.certifiedReal());
    }

    /**
     * Roots 1 +- 1e-10 i of (x - y)^2 + 1e-20 with y = 1: two roots 2e-10 apart, beyond double precision (the
     * residual's rounding, 1e-16, over the derivative, 2e-10, is 5e-7); the extended-precision test separates them
     * and proves them not real. With -1e-20 the roots 1 +- 1e-10 are real and proved so, even from a point with an
     * imaginary part of 1e-12.
     */
    @Test
    void aTinyImaginaryPartIsCertifiedRealOnlyWhenItIs() {
        IntervalSystem complexPair = IntervalSystem.of(parse("x^2 - 2*x*y + y^2 + 1e-20; y - 1"));
        double c = Math.sqrt(1e-20);
        for (double sign : new double[] {1, -1}) {
            Certificate k = Certifier.certify(complexPair, new double[] {1, sign * c, 1, 0});
            assertTrue(k.certified(), k.reason());
            assertEquals(Certificate.Reality.NOT_REAL, k.reality());
            assertFalse(k.certifiedReal());
            assertEquals(BigKrawczyk.DIGITS + " digits", k.precision());
            double[] e = k.enclosure();
            assertTrue(sign > 0 ? e[2] > 0.99e-10 : e[3] < -0.99e-10, "imaginary part enclosed away from 0");
        }
        IntervalSystem realPair = IntervalSystem.of(parse("x^2 - 2*x*y + y^2 - 1e-20; y - 1"));
        for (double sign : new double[] {1, -1}) {
            Certificate k = Certifier.certify(realPair, new double[] {1 + sign * c, 1e-12, 1, 0});
            assertTrue(k.certified(), k.reason());
            assertEquals(Certificate.Reality.REAL, k.reality());
            double[] e = k.enclosure();
            assertTrue(sign > 0 ? e[0] > 1 : e[1] < 1, "the box separates the two real roots");
        }
        // the same pair scaled to the origin is well within double precision
        IntervalSystem small = IntervalSystem.of(parse("x^2 + 1e-20*y^2; y - 1"));
        Certificate k = Certifier.certify(small, new double[] {0, c, 1, 0});
        assertEquals(Certificate.Reality.NOT_REAL, k.reality());
        assertEquals("double", k.precision());
        Certificate r = Certifier.certify(IntervalSystem.of(parse("x^2 - 1e-20*y^2; y - 1")), new double[] {c, 1e-13, 1, 0});
        assertEquals(Certificate.Reality.REAL, r.reality());
    }

    @Test
    void aSingularSolutionIsReportedNotCertified() {
        // a circle and a tangent line: (1, 0) is a double root
        PolynomialSystem s = parse("x^2 + y^2 - 1; x - 1");
        Certificate k = Certifier.certify(IntervalSystem.of(s), new double[] {1, 0, 0, 0});
        assertFalse(k.certified());
        assertNotNull(k.reason());
    }

    @Test
    void complexCoefficientsMakeRealityNotApplicable() {
        PolynomialSystem s = parse("x^2 - (1 + 2*i); y - x");
        SolveResult r = Solver.solve(s, SolveOptions.defaults().threads(1));
        Certification c = Certifier.certify(IntervalSystem.of(s), r, 1);
        assertEquals(2, c.certifiedDistinct());
        assertEquals(0, c.certifiedReal());
        assertFalse(c.realCoefficients());
        c.certificates().forEach(k -> assertEquals(Certificate.Reality.NOT_APPLICABLE, k.reality()));
    }
}
