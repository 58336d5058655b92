package org.lps.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;
import org.lps.homotopy.start.StartKind;
import org.lps.init.lps.block.BlockProblem;
import org.lps.init.lps.block.BlockSpec;

/**
 * Spark local mode gives exactly the in-process solve: cyclic-7 (924 solutions) and the LPS block of width 2
 * (docs/lps.md: 273 finite critical points), on one and two executor threads, with tasks small enough that each run
 * has dozens of them; a task that fails is retried and the result is still complete and identical.
 */
class SparkSolverTest {

    static final PolynomialSystem CYCLIC7 = StandardSystems.cyclic(7);
    /** The block of ./lps demo (ReLU fitted by degree 2, Gaussian data, lambda 0.1), width 2. */
    static final PolynomialSystem BLOCK = BlockProblem.of(BlockSpec.defaults().width(2)).gradientSystem();
    /** Polyhedral start: 1089 paths instead of the linear product's 10761, the same 273 finite solutions. */
    static final SolveOptions BLOCK_OPTIONS = SolveOptions.defaults().seed(5).threads(2).start(StartKind.POLYHEDRAL);
    static final SolveOptions CYCLIC_OPTIONS = SolveOptions.defaults().seed(3).threads(2);

    static SolveResult cyclic7, block;

    @BeforeAll
    static void inProcess() {
        cyclic7 = Solver.solve(CYCLIC7, CYCLIC_OPTIONS);
        block = Solver.solve(BLOCK, BLOCK_OPTIONS);
        // the published counts, so that "the same as in process" is also "right"
        assertEquals(924, cyclic7.nonsingular());
        assertEquals(0, cyclic7.failed());
        assertEquals(1089, block.paths());
        assertEquals(273, block.solutions().size());
        assertEquals(0, block.failed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[1]", "local[2]"})
    void sameSolutionsInTheSameOrderAsInProcess(String master) {
        try (JavaSparkContext sc = SparkContexts.open(master, "test")) {
            AtomicLong lastDone = new AtomicLong();
            AtomicLong lastTotal = new AtomicLong();
            SolveResult c = SparkSolver.solve(sc, CYCLIC7, CYCLIC_OPTIONS, (done, total) -> {
                lastTotal.set(total);   // (the listener thread: assertions here would go unseen)
                lastDone.accumulateAndGet(done, Math::max);
            }, 40, FaultInjection.NONE);
            SameResult.assertSame(cyclic7, c);
            assertEquals(cyclic7.paths(), lastTotal.get());
            assertEquals(cyclic7.paths(), lastDone.get(), "progress reaches every path");
            SameResult.assertSame(block, SparkSolver.solve(sc, BLOCK, BLOCK_OPTIONS, null, 50, FaultInjection.NONE));
        }
    }

    @Test
    void aFailedTaskIsRetriedAndTheResultIsComplete() throws Exception {
        // local[2,3]: two threads, a task may fail 3 times; partitions 0, 7 and the last fail on their first attempt
        PolynomialSystem katsura = StandardSystems.katsura(7);
        SolveOptions options = SolveOptions.defaults().seed(8).threads(2);
        SolveResult expected = Solver.solve(katsura, options);
        assertEquals(128, expected.nonsingular());
        try (JavaSparkContext sc = SparkContexts.open("local[2,3]", "test")) {
            AtomicInteger failedTasks = new AtomicInteger();
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (!end.taskInfo().successful()) {
                        failedTasks.incrementAndGet();
                    }
                }
            });
            AtomicLong lastDone = new AtomicLong();
            SolveResult r = SparkSolver.solve(sc, katsura, options,
                    (done, total) -> lastDone.accumulateAndGet(done, Math::max), 6,
                    FaultInjection.failFirstAttemptOf(0, 7, 21));
            SameResult.assertSame(expected, r);
            assertEquals(128, lastDone.get(), "a retried task's paths are counted once");
            sc.sc().listenerBus().waitUntilEmpty();
            assertEquals(3, failedTasks.get(), "three first attempts failed");
        }
    }

    @Test
    void aTaskFailingMoreThanMaxFailuresFailsTheSolveLoudly() {
        // local[1]: no retry; the solve must fail, never return with paths missing
        try (JavaSparkContext sc = SparkContexts.open("local[1]", "test")) {
            SparkException e = assertThrows(SparkException.class, () -> SparkSolver.solve(sc,
                    StandardSystems.katsura(5), SolveOptions.defaults().seed(1), null, 4,
                    FaultInjection.failFirstAttemptOf(2)));
            assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        }
    }

    @Test
    void otherSeedsAndPresetsToo() {
        // the class of input, not two cases: another seed, the fast preset, a total-degree start, tasks of odd size
        PolynomialSystem katsura = StandardSystems.katsura(5);
        try (JavaSparkContext sc = SparkContexts.open("local[2]", "test")) {
            for (SolveOptions o : new SolveOptions[] {
                    SolveOptions.defaults().seed(11).threads(1),
                    SolveOptions.defaults().seed(12).threads(2).preset(org.lps.homotopy.track.TrackerOptions.FAST),
                    SolveOptions.defaults().seed(13).threads(2).start(StartKind.TOTAL_DEGREE)}) {
                SolveResult expected = Solver.solve(katsura, o);
                assertEquals(32, expected.nonsingular());
                SameResult.assertSame(expected, SparkSolver.solve(sc, katsura, o, null, 7, FaultInjection.NONE));
            }
        }
    }
}
