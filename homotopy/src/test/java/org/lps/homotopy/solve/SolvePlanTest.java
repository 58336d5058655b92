package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.InvalidSystemException;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.track.TrackerOptions;

/**
 * The public stages composed by hand give exactly what {@link Solver#solve} gives: same solutions bit for bit in the
 * same order, same path results, whatever order and threads the paths are tracked in.
 */
class SolvePlanTest {

    /** Tracks every path of the plan in a shuffled order on {@code threads} threads, each with its own runner. */
    static Endpoint[] trackShuffled(SolvePlan plan, TrackerOptions preset, int threads, long shuffleSeed)
            throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plan.pathCount(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(shuffleSeed));
        Endpoint[] ends = new Endpoint[plan.pathCount()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                jobs.add(pool.submit(() -> {
                    PathRunner runner = plan.runner();
                    for (int k = next.getAndIncrement(); k < order.size(); k = next.getAndIncrement()) {
                        int i = order.get(k);
                        ends[i] = runner.track(i, preset);
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return ends;
    }

    static void assertSameResult(SolveResult expected, SolveResult actual) {
        assertEquals(expected.startSystem(), actual.startSystem());
        assertEquals(expected.solutions().size(), actual.solutions().size(), "solutions");
        for (int k = 0; k < expected.solutions().size(); k++) {
            Solution e = expected.solutions().get(k), a = actual.solutions().get(k);
            assertArrayEquals(e.interleaved(), a.interleaved(), "coordinates of solution " + k);
            assertArrayEquals(e.paths(), a.paths(), "paths of solution " + k);
            assertEquals(e.status(), a.status());
            assertEquals(e.multiplicity(), a.multiplicity());
            assertEquals(e.condition(), a.condition());
            assertEquals(e.residual(), a.residual());
        }
        assertEquals(expected.pathResults(), actual.pathResults());
        assertEquals(expected.retracked(), actual.retracked());
    }

    /**
     * Every start kind, chosen by AUTO (with its total-degree paths tracked while the counts run) or given, paths at
     * infinity (noon, eco), and paths re-tracked (chandra-4 seed 3 with the fast preset re-tracks 2).
     */
    @ParameterizedTest(name = "{0} seed {1} {2} {3}, {4} threads")
    @CsvSource({
        "katsura5, 1, AUTO, default, 1, total-degree",
        "katsura6, 1, AUTO, default, 3, total-degree",
        "chandra6, 2, AUTO, default, 3, linear-product",
        "katsura5, 2, POLYHEDRAL, default, 3, polyhedral",
        "noon4, 3, TOTAL_DEGREE, default, 1, total-degree",
        "cyclic5, 5, LINEAR_PRODUCT, default, 3, linear-product",
        "eco6, 6, AUTO, fast, 3, linear-product",
        "chandra4, 3, AUTO, fast, 3, total-degree",
    })
    void composingTheStagesGivesTheSolversResult(String name, long seed, StartKind kind, String preset, int threads,
                                                 String start) throws Exception {
        PolynomialSystem s = StandardSystems.byName(name);
        SolveOptions options = SolveOptions.defaults().seed(seed).threads(2).start(kind)
                .preset(TrackerOptions.preset(preset));
        SolveResult direct = Solver.solve(s, options);
        SolvePlan plan = SolvePlan.of(s, options);
        assertEquals(start, plan.startName());
        assertEquals(direct.paths(), plan.pathCount());
        Endpoint[] ends = trackShuffled(plan, options.preset(), threads, seed + threads);
        assertSameResult(direct, plan.complete(ends, threads, null, 0));
    }

    /**
     * AUTO picking polyhedral: 5832 total-degree paths (tracked while the counts run, then dropped), 1296
     * linear-product ones, 18 polyhedral ones (the mixed volume; the solution count).
     */
    @Test
    void autoChoosingPolyhedral() throws Exception {
        PolynomialSystem s = SystemParser.parse("x^6*y^6*z^6 + 2*x + 3*y - z - 1\nx^6*y^6*z^6 - 3*x + y + 2*z + 2\n"
                + "3*x^6*y^6*z^6 + x - y + z - 5", "test", Format.PLAIN);
        SolveOptions options = SolveOptions.defaults().seed(1).threads(2);
        SolveResult direct = Solver.solve(s, options);
        SolvePlan plan = SolvePlan.of(s, options);
        assertEquals("polyhedral", plan.startName());
        assertEquals(18, plan.pathCount());
        assertSameResult(direct, plan.complete(trackShuffled(plan, options.preset(), 3, 5), 3, null, 0));
        assertEquals(18, direct.nonsingular());
    }

    @Test
    void retriesHappenInComplete() throws Exception {
        PolynomialSystem s = StandardSystems.chandra(4);
        SolveOptions options = SolveOptions.defaults().seed(3).threads(2).preset(TrackerOptions.FAST);
        SolvePlan plan = SolvePlan.of(s, options);
        Endpoint[] ends = trackShuffled(plan, options.preset(), 2, 1);
        Endpoint[] copy = ends.clone();
        SolveResult r = plan.complete(ends, 2, null, 0);
        assertTrue(r.retracked() > 0, "this case re-tracks paths");
        assertArrayEquals(copy, ends, "complete leaves the caller's endpoints alone");
        assertEquals(8, r.nonsingular());
    }

    /** Singular solutions (multiplicity 2 at the tangency) and a rescaled system go through the stages too. */
    @ParameterizedTest
    @CsvSource({"'x^2 + y^2 - 1\nx - 1', 1", "'1e12*x^2 - 1\n1e12*y^2 - 1', 2", "'1e30*x^2 - 1\ny - 1', 3"})
    void singularAndRescaledSystems(String text, long seed) throws Exception {
        PolynomialSystem s = SystemParser.parse(text, "test", Format.PLAIN);
        SolveOptions options = SolveOptions.defaults().seed(seed).threads(2);
        SolvePlan plan = SolvePlan.of(s, options);
        assertSameResult(Solver.solve(s, options), plan.complete(trackShuffled(plan, options.preset(), 2, 9), 2,
                null, 0));
    }

    @Test
    void anEndpointCrossesAProcessBoundary() throws Exception {
        SolvePlan plan = SolvePlan.of(StandardSystems.katsura(3), SolveOptions.defaults().seed(1).threads(1));
        PathRunner runner = plan.runner();
        Endpoint[] ends = new Endpoint[plan.pathCount()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = roundTrip(runner.track(i, TrackerOptions.DEFAULT));
        }
        Endpoint e = plan.runner().track(0, TrackerOptions.DEFAULT);
        Endpoint back = roundTrip(e);
        assertEquals(e.index(), back.index());
        assertEquals(e.outcome(), back.outcome());
        assertArrayEquals(e.x(), back.x());
        assertEquals(e.condition(), back.condition());
        assertEquals(e.preset(), back.preset());
        // endpoints that came through serialization classify as the originals do
        assertSameResult(Solver.solve(StandardSystems.katsura(3), plan.options()), plan.complete(ends, 1, null, 0));
    }

    @Test
    void completeRefusesMissingOrMisplacedEndpoints() {
        SolvePlan plan = SolvePlan.of(StandardSystems.katsura(2), SolveOptions.defaults().threads(1));
        Endpoint[] ends = new Endpoint[plan.pathCount()];
        assertEquals("path 0 has no endpoint",
                assertThrows(IllegalArgumentException.class, () -> plan.complete(ends, 1, null, 0)).getMessage());
        PathRunner runner = plan.runner();
        for (int i = 0; i < ends.length; i++) {
            ends[i] = runner.track(ends.length - 1 - i, TrackerOptions.DEFAULT);
        }
        assertEquals("endpoint 0 is path 3's",
                assertThrows(IllegalArgumentException.class, () -> plan.complete(ends, 1, null, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> plan.complete(new Endpoint[3], 1, null, 0));
        assertThrows(InvalidSystemException.class, () -> SolvePlan.of(
                SystemParser.parse("x + y", "t", Format.PLAIN), SolveOptions.defaults()));
    }

    private static Endpoint roundTrip(Endpoint e) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Endpoint) in.readObject();
        }
    }
}
