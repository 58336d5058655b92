package org.lps.homotopy.polyhedral.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.SystemBuilder;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;
import org.lps.homotopy.start.StartKind;

/**
 * Mixed volumes against published values on formula-generated families, and against brute force on random
 * sparse supports. Nothing here knows an answer it did not compute independently.
 */
class MixedVolumeTest {

    private static MixedVolume of(PolynomialSystem s) {
        return MixedVolume.of(Supports.of(s), MixedVolume.DEFAULT_SEED, 2, MixedVolume.DEFAULT_WORK_LIMIT);
    }

    /** cyclic-n (n = 5..8: 70, 156, 924, 2560), noon-n (3^n - 2n), eco-n (2^(n-2)), reimer-5 and chandra-n. */
    @ParameterizedTest(name = "{0}{1}: {2}")
    @CsvSource({"cyclic,5,70", "cyclic,6,156", "cyclic,7,924", "cyclic,8,2560",
            "noon,3,21", "noon,4,73", "noon,5,233", "noon,6,717",
            "eco,5,8", "eco,6,16", "eco,7,32", "eco,8,64",
            "reimer,5,720", "chandra,5,16", "chandra,6,32"})
    void publishedMixedVolumes(String family, int n, long expected) {
        MixedVolume mv = of(StandardSystems.byName(family + n));
        assertEquals(BigInteger.valueOf(expected), mv.mixedVolume());
        // every equation has a constant term except cyclic's first n-1, and cyclic's last one (x1...xn = 1)
        // forbids zero coordinates: the stable mixed volume adds nothing
        assertEquals(mv.mixedVolume(), mv.stableMixedVolume());
        assertFalse(mv.zeroCoordinatesPossible());
    }

    /** katsura-n (n+1 unknowns): stable mixed volume 2^n, a smaller mixed volume (54 for n = 6, 240 for n = 8). */
    @ParameterizedTest(name = "katsura{0}: {1} / {2}")
    @CsvSource({"6,54,64", "8,240,256"})
    void katsuraHasSolutionsWithZeroCoordinates(int n, long mixed, long stable) {
        MixedVolume mv = of(StandardSystems.katsura(n));
        assertEquals(BigInteger.valueOf(mixed), mv.mixedVolume());
        assertEquals(BigInteger.valueOf(stable), mv.stableMixedVolume());
        assertEquals(BigInteger.valueOf(stable), mv.withOrigins());
        assertTrue(mv.zeroCoordinatesPossible());
    }

    /**
     * x^2 + a y = 0, y^2 + b x = 0: three solutions with x y != 0 (x^4 = -a^2 b... four minus the origin) and
     * the origin, so MV = 3 and the stable mixed volume counts the origin too: 4 (= the Bezout number here).
     */
    @Test
    void stableMixedVolumeCountsTheOrigin() {
        Supports s = Supports.of(new int[][][] {{{2, 0}, {0, 1}}, {{0, 2}, {1, 0}}});
        MixedVolume mv = MixedVolume.of(s, 7, 1, 10_000);
        assertEquals(BigInteger.valueOf(3), mv.mixedVolume());
        assertEquals(BigInteger.valueOf(4), mv.stableMixedVolume());
        assertTrue(mv.zeroCoordinatesPossible());
    }

    /** n = 2: MV(P, Q) = area(P + Q) - area(P) - area(Q), areas of exact convex hulls. */
    @Test
    void randomPlanarSupportsMatchInclusionExclusion() {
        SplittableRandom r = new SplittableRandom(21);
        for (int trial = 0; trial < 150; trial++) {
            int[][][] pts = {randomSupport(r, 2, 2 + r.nextInt(5), 4), randomSupport(r, 2, 2 + r.nextInt(5), 4)};
            long twice = twiceArea(minkowski(pts[0], pts[1])) - twiceArea(pts[0]) - twiceArea(pts[1]);
            assertEquals(0, twice % 2);
            MixedCells cells = MixedCells.compute(Supports.of(pts), new SplittableRandom(trial), 1, 1_000_000);
            assertEquals(BigInteger.valueOf(twice / 2), cells.mixedVolume(), "trial " + trial + ": "
                    + Arrays.deepToString(pts));
        }
    }

    /**
     * n = 3: the mixed volume is the number of solutions with no zero coordinate of a system with these supports
     * and random coefficients (Bernstein), counted here by the solver from the total-degree start system.
     */
    @Test
    void randomSpatialSupportsMatchTheSolutionCount() {
        SplittableRandom r = new SplittableRandom(22);
        int checked = 0;
        for (int trial = 0; trial < 12; trial++) {
            int[][][] pts = new int[3][][];
            for (int i = 0; i < 3; i++) {
                pts[i] = randomSupport(r, 3, 2 + r.nextInt(3), 3);
            }
            Supports s = Supports.of(pts);
            BigInteger mv = MixedVolume.of(s, trial, 1, 1_000_000).mixedVolume();
            PolynomialSystem random = randomSystem(s, r);
            SolveResult res = Solver.solve(random, SolveOptions.defaults().threads(2).seed(trial)
                    .start(StartKind.TOTAL_DEGREE));
            assertEquals(0, res.failed(), "trial " + trial);
            long torus = res.solutions().stream().filter(x -> !x.isSingular() && noZeroCoordinate(x)).count();
            assertEquals(mv.longValueExact(), torus, "trial " + trial + ": " + Arrays.deepToString(pts));
            checked++;
        }
        assertEquals(12, checked);
    }

    /** The cells depend on the lifting, their volumes' sum does not; and not on the thread count either. */
    @Test
    void independentOfLiftingAndThreads() {
        Supports s = Supports.of(StandardSystems.cyclic(6));
        List<MixedCell> one = MixedCells.compute(s, new SplittableRandom(5), 1, 1_000_000).cells();
        List<MixedCell> three = MixedCells.compute(s, new SplittableRandom(5), 3, 1_000_000).cells();
        assertEquals(one.size(), three.size());
        for (int c = 0; c < one.size(); c++) {
            assertEquals(0, one.get(c).compareTo(three.get(c)), "cell " + c);
        }
        for (long seed = 1; seed <= 4; seed++) {
            assertEquals(BigInteger.valueOf(156), MixedCells.compute(s, new SplittableRandom(seed), 2, 1_000_000)
                    .mixedVolume());
        }
    }

    @Test
    void workLimitStopsTheSearch() {
        assertThrows(WorkLimitExceededException.class,
                () -> MixedVolume.of(Supports.of(StandardSystems.cyclic(7)), 1, 1, 1000));
    }

    @Test
    void degenerateSupportsHaveMixedVolumeZero() {
        // both equations in x alone: no isolated solution in the torus
        Supports s = Supports.of(new int[][][] {{{0, 0}, {2, 0}}, {{1, 0}, {3, 0}}});
        assertEquals(BigInteger.ZERO, MixedVolume.of(s, 1, 1, 10_000).mixedVolume());
        // a single term
        Supports t = Supports.of(new int[][][] {{{1, 1}}, {{0, 0}, {1, 2}}});
        assertEquals(BigInteger.ZERO, MixedVolume.of(t, 1, 1, 10_000).mixedVolume());
    }

    // ------------------------------------------------------------------ brute-force helpers

    private static int[][] randomSupport(SplittableRandom r, int n, int size, int range) {
        List<int[]> pts = new ArrayList<>();
        while (pts.size() < size) {
            int[] p = new int[n];
            for (int j = 0; j < n; j++) {
                p[j] = r.nextInt(range);
            }
            if (pts.stream().noneMatch(q -> Arrays.equals(p, q))) {
                pts.add(p);
            }
        }
        return pts.toArray(new int[0][]);
    }

    private static int[][] minkowski(int[][] p, int[][] q) {
        int[][] s = new int[p.length * q.length][];
        int k = 0;
        for (int[] a : p) {
            for (int[] b : q) {
                s[k++] = new int[] {a[0] + b[0], a[1] + b[1]};
            }
        }
        return s;
    }

    /** Twice the area of the convex hull (monotone chain, exact). */
    private static long twiceArea(int[][] pts) {
        int[][] p = pts.clone();
        Arrays.sort(p, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int[][] hull = new int[2 * p.length][];
        int k = 0;
        for (int[] q : p) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], q) <= 0) {
                k--;
            }
            hull[k++] = q;
        }
        for (int i = p.length - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) {
                k--;
            }
            hull[k++] = p[i];
        }
        long area = 0;
        for (int i = 0; i + 1 < k; i++) {
            area += (long) hull[i][0] * hull[i + 1][1] - (long) hull[i + 1][0] * hull[i][1];
        }
        return Math.abs(area);
    }

    private static long cross(int[] o, int[] a, int[] b) {
        return (long) (a[0] - o[0]) * (b[1] - o[1]) - (long) (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static PolynomialSystem randomSystem(Supports s, SplittableRandom r) {
        SystemBuilder b = new SystemBuilder();
        b.variables("x", s.dimension());
        for (int i = 0; i < s.dimension(); i++) {
            List<Polynomial> terms = new ArrayList<>();
            for (int k = 0; k < s.size(i); k++) {
                double angle = 2 * Math.PI * r.nextDouble();
                terms.add(Polynomial.monomial(Math.cos(angle), Math.sin(angle), s.point(i, k)));
            }
            b.equation(Polynomial.sum(terms));
        }
        return b.build();
    }

    private static boolean noZeroCoordinate(Solution x) {
        double scale = 1;
        for (var c : x.coordinates()) {
            scale = Math.max(scale, c.norm());
        }
        for (var c : x.coordinates()) {
            if (c.norm() < 1e-8 * scale) {
                return false;
            }
        }
        return true;
    }
}
