package org.lps.homotopy.rootcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.SystemBuilder;

class RootCountsTest {

    private static BigInteger big(long x) {
        return BigInteger.valueOf(x);
    }

    /** Total degree by formula, per family. */
    private static BigInteger formulaTotalDegree(String family, int n) {
        return switch (family) {
            case "cyclic" -> java.util.stream.LongStream.rangeClosed(1, n).mapToObj(BigInteger::valueOf)
                    .reduce(BigInteger.ONE, BigInteger::multiply);
            case "katsura", "chandra" -> BigInteger.TWO.pow(n);
            case "noon" -> big(3).pow(n);
            case "eco" -> big(2).multiply(big(3).pow(n - 2));
            default -> throw new IllegalArgumentException(family);
        };
    }

    private static void assertValid(String name, PolynomialSystem s, RootCounts rc, long known) {
        assertTrue(rc.setStructure().covers(s), name + ": the structure must cover the system");
        assertEquals(rc.linearProductBound(), LinearProductBound.count(rc.setStructure()), name);
        assertEquals(rc.multiHomogeneousBezout(), MultiHomogeneous.bezout(s, rc.partition()), name);
        assertTrue(rc.linearProductBound().compareTo(big(known)) >= 0, name + ": below the solution count");
        assertTrue(rc.linearProductBound().compareTo(rc.multiHomogeneousBezout()) <= 0, name);
        assertTrue(rc.multiHomogeneousBezout().compareTo(rc.totalDegree()) <= 0, name);
    }

    @ParameterizedTest
    @CsvSource({"cyclic,3", "cyclic,5", "cyclic,6", "cyclic,7", "katsura,3", "katsura,5", "katsura,7",
            "noon,3", "noon,4", "noon,5", "noon,6", "eco,4", "eco,6", "eco,8", "chandra,3", "chandra,5", "chandra,7"})
    void familiesHaveExactTotalDegreeAndValidBounds(String family, int n) {
        PolynomialSystem s = StandardSystems.byName(family + n);
        RootCounts rc = RootCounts.of(s);
        assertEquals(formulaTotalDegree(family, n), rc.totalDegree(), family + n);
        assertValid(family + n, s, rc, StandardSystems.knownSolutionCount(family, n));
    }

    /**
     * Mixed volumes are computed on request, and bound what they say they bound: the stable one is at least the
     * isolated solutions in C^n and at most the total degree, the plain one at most the stable one. (Their exact
     * values are checked against published ones in the polyhedral package's tests.)
     */
    @ParameterizedTest
    @CsvSource({"cyclic,5", "katsura,5", "noon,4", "eco,6", "chandra,4"})
    void mixedVolumesAreValidBounds(String family, int n) {
        RootCounts rc = RootCounts.of(StandardSystems.byName(family + n));
        BigInteger mv = rc.mixedVolume(), smv = rc.stableMixedVolume();
        assertTrue(mv.compareTo(smv) <= 0, family + n);
        assertTrue(smv.compareTo(big(StandardSystems.knownSolutionCount(family, n))) >= 0, family + n);
        assertTrue(smv.compareTo(rc.totalDegree()) <= 0, family + n);
        assertTrue(!rc.mixedVolumeOverLimit());
    }

    @Test
    void boundsThatAreSharpOrPublished() {
        // cyclic-5: PHCpack's published set-structure bound is 106 (total degree and 5-homogeneous bound 120)
        RootCounts c5 = RootCounts.of(StandardSystems.cyclic(5));
        assertEquals(big(120), c5.multiHomogeneousBezout());
        assertTrue(c5.linearProductBound().compareTo(big(106)) <= 0, c5.linearProductBound().toString());
        assertEquals(big(120), MultiHomogeneous.bezout(StandardSystems.cyclic(5), Partition.singletons(5)));
        // katsura-n: total degree 2^n equals the solution count, so every bound is 2^n
        RootCounts k6 = RootCounts.of(StandardSystems.katsura(6));
        assertEquals(big(64), k6.linearProductBound());
        // chandra-n: the 2-homogeneous Bezout number 2^(n-1) is the solution count
        for (int n = 4; n <= 6; n++) {
            RootCounts ch = RootCounts.of(StandardSystems.chandra(n));
            assertEquals(big(1L << (n - 1)), ch.multiHomogeneousBezout());
            assertEquals(big(1L << (n - 1)), ch.linearProductBound());
        }
        // eco-n: x_n apart is 2-homogeneous; the set structure does better than any partition here
        RootCounts e6 = RootCounts.of(StandardSystems.eco(6));
        assertEquals(big(162), e6.totalDegree());
        assertTrue(e6.linearProductBound().compareTo(e6.multiHomogeneousBezout()) < 0);
    }

    @Test
    void projectiveGroupsAreCountedOnAPatch() {
        // two conics in P^2 meeting in 4 points
        PolynomialSystem conics = SystemParser.parse("""
                INPUT
                hom_variable_group x, y, z;
                function f1, f2;
                f1 = x^2 + y^2 - z^2;
                f2 = x*y - 2*z^2;
                END;
                """, "conics", Format.AUTO);
        RootCounts rc = RootCounts.of(conics);
        assertEquals(big(4), rc.totalDegree());
        assertEquals(big(4), rc.linearProductBound());
        assertEquals(1, rc.patches());
        assertEquals(3, rc.setStructure().equationCount());

        // t in C, [x : y] in P^1: t x = y, t^2 = 2 has 2 solutions; 2-homogeneous count 2, total degree 4
        PolynomialSystem mixed = SystemParser.parse("""
                INPUT
                variable_group t;
                hom_variable_group x, y;
                function f1, f2;
                f1 = t*x - y;
                f2 = t^2 - 2;
                END;
                """, "mixed", Format.AUTO);
        RootCounts m = RootCounts.of(mixed);
        assertEquals(big(4), m.totalDegree());
        assertEquals(big(2), m.multiHomogeneousBezout());
        assertEquals(big(2), m.linearProductBound());
    }

    @Test
    void nonHomogeneousProjectiveGroupIsRefused() {
        SystemBuilder b = new SystemBuilder();
        Polynomial x = b.variable("x"), y = b.variable("y");
        b.equation(x.multiply(y).add(x));
        b.group(true, "x", "y");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RootCounts.of(b.build()));
        assertEquals("equation 1 is not homogeneous in the projective group [x, y]", e.getMessage());
    }

    @Test
    void nonSquareAndDegenerateSystemsAreRefusedClearly() {
        PolynomialSystem wide = SystemParser.parse("x + y + z\nx*y - 1", "wide", Format.PLAIN);
        IllegalArgumentException e = assertThrows(org.lps.homotopy.poly.InvalidSystemException.class, () -> RootCounts.of(wide));
        assertEquals("2 equations in 3 unknowns: counting roots needs a square system (with fewer equations the"
                + " solutions are not isolated)", e.getMessage());

        SystemBuilder b = new SystemBuilder();
        b.variable("x");
        b.equation(Polynomial.zero());
        e = assertThrows(org.lps.homotopy.poly.InvalidSystemException.class, () -> RootCounts.of(b.build()));
        assertTrue(e.getMessage().startsWith("equation 1 is identically zero"), e.getMessage());

    }

    @Test
    void nonzeroConstantEquationMeansNoRoots() {
        PolynomialSystem s = SystemParser.parse("x*y - 1\n3", "const", Format.PLAIN);
        RootCounts rc = RootCounts.of(s);
        assertEquals(BigInteger.ZERO, rc.totalDegree());
        assertEquals(BigInteger.ZERO, rc.multiHomogeneousBezout());
        assertEquals(BigInteger.ZERO, rc.linearProductBound());
    }

    @Test
    void highDegreesSkipTheSearchButStayValid() {
        // 502 factors in all, beyond SetStructureSearch.MAX_FACTORS: the best partition's structure is returned as is
        PolynomialSystem s = SystemParser.parse("x^300*y + y - 1\nx*y^200 - 2", "high", Format.PLAIN);
        RootCounts rc = RootCounts.of(s);
        assertEquals(SetStructure.of(s, rc.partition()), rc.setStructure());
        assertEquals(big(301 * 201), rc.totalDegree());
        // {x} | {y}: degrees (300, 1) and (1, 200), so the Bezout number is 300 * 200 + 1 * 1
        assertEquals(big(60001), rc.multiHomogeneousBezout());
        assertEquals(rc.multiHomogeneousBezout(), rc.linearProductBound());
        assertTrue(rc.setStructure().covers(s));
    }

    @Test
    void deterministic() {
        PolynomialSystem s = StandardSystems.cyclic(6);
        RootCounts a = RootCounts.of(s), b = RootCounts.of(s);
        assertEquals(a.setStructure(), b.setStructure());
        assertEquals(a.partition(), b.partition());
        assertEquals(List.of(a.totalDegree(), a.multiHomogeneousBezout(), a.linearProductBound()),
                List.of(b.totalDegree(), b.multiHomogeneousBezout(), b.linearProductBound()));
    }
}
