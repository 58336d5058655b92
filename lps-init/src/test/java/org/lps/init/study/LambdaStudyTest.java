package org.lps.init.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lps.init.lps.block.ActivationFit;
import org.lps.init.lps.block.BlockSpec;

/** The k = 1 block along lambda against its closed form ({@link K1Oracle}). */
class LambdaStudyTest {

    private static final BlockSpec RELU = BlockSpec.defaults();
    private static K1Oracle oracle;
    private static LambdaStudy.Result k1;

    @BeforeAll
    static void run() {
        ActivationFit fit = ActivationFit.of(RELU.activation(), 2, RELU.measure());
        oracle = new K1Oracle(fit.coefficients());
        LambdaStudy.Settings s = new LambdaStudy.Settings(RELU, List.of(1), 1e-3, 1, 25, 1e-7, List.of(0.05, 0.7), 1, 2);
        k1 = LambdaStudy.one(s, 1, new LambdaStudy.Progress() {
        });
    }

    @Test
    void theOracleHasTheDocumentedCounts() {
        // docs/lps.md: 7 real critical points at lambda 0.1, 3 at 0.3, 25 finite; best minimum (0.848, 0.828), J 0.3621
        assertEquals(7, oracle.real(0.1));
        assertEquals(3, oracle.real(0.3));
        K1Oracle.Point best = oracle.points(0.1).stream().min(java.util.Comparator.comparingDouble(K1Oracle.Point::loss))
                .orElseThrow();
        assertEquals(0.848, best.w(), 0.001);
        assertEquals(0.828, best.b(), 0.001);
        assertEquals(0.3621, best.loss(), 1e-4);
        assertEquals(12, oracle.g(0.1).degree());
    }

    @Test
    void trackedRealPointsAreTheClosedFormsAtEveryGridPoint() {
        assertEquals(105, k1.genericPaths());
        assertEquals(0, k1.genericFailed());
        assertEquals(25, k1.genericStarts());
        assertEquals(25, k1.grid().size());
        for (LambdaStudy.Point p : k1.grid()) {
            String at = "lambda " + p.lambda();
            assertEquals(0, p.failed(), at);
            assertEquals(25, p.finite(), at);
            assertEquals(oracle.real(p.lambda()), p.real(), at);
            List<K1Oracle.Point> closed = oracle.points(p.lambda());
            // the origin, and one orbit per mirror pair
            assertEquals(1 + closed.size(), p.realOrbits(), at);
            for (K1Oracle.Point c : closed) {
                boolean found = p.orbits().stream().anyMatch(o -> Math.abs(o.loss() - c.loss()) < 1e-9
                        && Math.abs(Math.abs(o.w()[0]) - c.w()) < 1e-6 && Math.abs(o.b()[0] - c.b()) < 1e-6
                        && Math.abs(Math.abs(o.v()[0]) - Math.abs(c.v())) < 1e-6);
                assertTrue(found, at + ": closed form " + c + " not among " + p.orbits());
            }
            // the origin is a minimum exactly when lambda > a1 = 0.5 (its Hessian in (w, v): 2 lambda +- 2 a1)
            LambdaStudy.Orbit origin = p.orbits().stream().filter(o -> o.wNorm() < 1e-9).findFirst().orElseThrow();
            assertEquals(1.0, origin.loss(), 1e-12);
            assertEquals(p.lambda() > 0.5 ? "minimum" : "saddle", origin.kind(), at);
        }
    }

    @Test
    void crossingsAreTheClosedFormsFoldsAndThePitchfork() {
        List<LambdaStudy.Crossing> c = k1.crossings();
        assertEquals(3, c.size(), c.toString());
        int[][] counts = {{7, 3}, {3, 5}, {5, 1}};
        for (int i = 0; i < 3; i++) {
            LambdaStudy.Crossing x = c.get(i);
            assertEquals(counts[i][0], x.realBelow(), x.toString());
            assertEquals(counts[i][1], x.realAbove(), x.toString());
            assertTrue(x.high() / x.low() - 1 <= 1e-7, x.toString());
            double exact = oracle.crossing(x.low() / 1.001, x.high() * 1.001);
            assertEquals(exact, x.lambda(), 1e-6 * exact, x.toString());
        }
        // the fold at 0.13499: the dead minimum (b ~ -2.3) meets a saddle and both leave the real line
        assertEquals(0.13499, c.get(0).lambda(), 1e-5);
        assertEquals(List.of("minimum", "saddle"), c.get(0).meeting().stream().map(LambdaStudy.Orbit::kind).sorted().toList());
        assertEquals(2, c.get(0).minimaBelow());
        assertEquals(1, c.get(0).minimaAbove());
        // the pitchfork at lambda = a1 exactly
        assertEquals(0.5, c.get(1).lambda(), 1e-7);
    }

    @Test
    void theSameOnOneThreadAsOnTwo() {
        List<LambdaStudy.Result> r = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            LambdaStudy.Settings s = new LambdaStudy.Settings(RELU, List.of(1), 0.01, 0.6, 5, 1e-4, List.of(), 4, threads);
            r.add(LambdaStudy.one(s, 1, new LambdaStudy.Progress() {
            }));
        }
        List<LambdaStudy.Point> a = r.get(0).grid(), b = r.get(1).grid();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).orbits().size(), b.get(i).orbits().size());
            for (int o = 0; o < a.get(i).orbits().size(); o++) {
                assertEquals(a.get(i).orbits().get(o).loss(), b.get(i).orbits().get(o).loss(), 0.0);
                assertEquals(a.get(i).orbits().get(o).b()[0], b.get(i).orbits().get(o).b()[0], 0.0);
            }
        }
        assertEquals(r.get(0).crossings().size(), r.get(1).crossings().size());
        for (int i = 0; i < r.get(0).crossings().size(); i++) {
            assertEquals(r.get(0).crossings().get(i).low(), r.get(1).crossings().get(i).low(), 0.0);
        }
    }

    @Test
    void checksAgreeWithTheDirectSolve() {
        assertEquals(2, k1.checks().size());
        LambdaStudy.Check at005 = k1.checks().get(0);
        assertTrue(at005.agrees(), at005.toString());
        assertEquals(7, at005.directReal());
        assertEquals(2, at005.directMinima());
        LambdaStudy.Check at07 = k1.checks().get(1);
        assertTrue(at07.agrees(), at07.toString());
        assertEquals(1, at07.directReal());
        assertEquals(1, at07.directMinima());
    }
}
