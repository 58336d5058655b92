package org.lps.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.Endpoint;
import org.lps.homotopy.solve.PathRunner;
import org.lps.homotopy.solve.RetryLadder;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolvePlan;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.track.TrackerOptions;
import org.lps.init.lps.block.BlockProblem;
import org.lps.init.lps.block.BlockSpec;

/**
 * What a cluster executor gets: the spec, through Java serialization as Spark sends it, rebuilds exactly the driver's
 * system and options, and a plan made from it (as an executor makes its own, in another JVM) tracks every path to the
 * same endpoint as the driver's plan. In local mode the executors share the driver's plan cache, so this is the test
 * of the rebuild itself.
 */
class SolveSpecTest {

    @Test
    void denseRandomSystemsWithArbitraryDoublesRoundTripExactly() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            PolynomialSystem s = StandardSystems.denseRandom(3, 3, seed);   // random complex coefficients
            SolveOptions o = SolveOptions.defaults().seed(seed).threads(2).start(StartKind.TOTAL_DEGREE)
                    .preset(TrackerOptions.FAST);
            SolveSpec spec = roundTrip(SolveSpec.of(s, o));
            assertEquals(s, spec.system());
            assertEquals(o.seed(), spec.options().seed());
            assertEquals(o.threads(), spec.options().threads());
            assertEquals(o.start(), spec.options().start());
            assertEquals(o.preset(), spec.options().preset());
            assertSamePaths(SolvePlan.of(s, o), SolvePlan.of(spec.system(), spec.options()), o.preset(), 27);
        }
    }

    @Test
    void theBlocksSetStructureTravelsToo() throws Exception {
        BlockProblem block = BlockProblem.of(BlockSpec.defaults().width(2));
        SolveOptions o = SolveOptions.defaults().seed(3).threads(1).setStructure(block.designStructure());
        SolveSpec spec = roundTrip(SolveSpec.of(block.gradientSystem(), o));
        assertEquals(block.designStructure(), spec.options().setStructure());
        SolvePlan driver = SolvePlan.of(block.gradientSystem(), o);
        assertEquals(10761, driver.pathCount());
        assertSamePaths(driver, SolvePlan.of(spec.system(), spec.options()), o.preset(), 40);
    }

    @Test
    void declaredParametersAndVariableOrderSurvive() throws Exception {
        PolynomialSystem bertini = SystemParser.parse("INPUT\nvariable_group y, x;\nparameter a;\nfunction f, g;\n"
                + "f = x^2 + a*y - 1;\ng = y^2 - 0.1*x - 2;\nEND;\n", "p.bertini", Format.BERTINI);
        SolveSpec spec = roundTrip(SolveSpec.of(bertini, SolveOptions.defaults()));
        assertEquals(bertini, spec.system());
        assertEquals(bertini.groups(), spec.system().groups());
        assertEquals(bertini.variables(), spec.system().variables());
    }

    @Test
    void theStagesOptionsRecordsTravelToo() throws Exception {
        // a non-default retry ladder (a list of presets inside a record) and the other records as they are
        SolveOptions o = SolveOptions.defaults().seed(9).retries(RetryLadder.PARAMETER);
        SolveOptions back = roundTrip(SolveSpec.of(StandardSystems.katsura(3), o)).options();
        assertEquals(RetryLadder.PARAMETER, back.retries());
        assertNotEquals(RetryLadder.DEFAULT, back.retries());
        assertEquals(o.endgame(), back.endgame());
        assertEquals(o.endpoint(), back.endpoint());
        assertEquals(o.classification(), back.classification());
        assertNotEquals(SolveSpec.of(StandardSystems.katsura(3), o).key(),
                SolveSpec.of(StandardSystems.katsura(3), o.retries(RetryLadder.DEFAULT)).key());
    }

    @Test
    void theCacheKeyTellsSolvesApart() {
        PolynomialSystem s = StandardSystems.katsura(3);
        SolveOptions o = SolveOptions.defaults().seed(1);
        assertEquals(SolveSpec.of(s, o).key(), SolveSpec.of(StandardSystems.katsura(3), o).key());
        for (SolveSpec other : List.of(SolveSpec.of(s, o.seed(2)), SolveSpec.of(s, o.preset(TrackerOptions.FAST)),
                SolveSpec.of(s, o.start(StartKind.POLYHEDRAL)), SolveSpec.of(StandardSystems.katsura(4), o))) {
            assertNotEquals(SolveSpec.of(s, o).key(), other.key());
        }
    }

    private static void assertSamePaths(SolvePlan a, SolvePlan b, TrackerOptions preset, int count) {
        assertEquals(a.pathCount(), b.pathCount());
        assertEquals(a.startName(), b.startName());
        PathRunner ra = a.runner(), rb = b.runner();
        for (int k = 0; k < count; k++) {
            int i = (int) ((long) k * a.pathCount() / count);
            Endpoint x = ra.track(i, preset), y = rb.track(i, preset);
            assertEquals(x.outcome(), y.outcome());
            assertEquals(x.atInfinity(), y.atInfinity());
            assertArrayEquals(x.x(), y.x(), "path " + i);
            assertEquals(x.residual(), y.residual());
            assertEquals(x.accepted(), y.accepted());
        }
    }

    private static SolveSpec roundTrip(SolveSpec spec) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SolveSpec) in.readObject();
        }
    }
}
