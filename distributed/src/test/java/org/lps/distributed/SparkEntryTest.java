package org.lps.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.InvalidSystemException;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.SolveOptions;

/** What the app gets back from a failed Spark run: the environment's failures as I/O errors, the rest as they are. */
class SparkEntryTest {

    @Test
    void aJobSparkGaveUpOnIsAnIoErrorWithSparksFirstLine() {
        RuntimeException r = SparkEntry.jobFailure(new SparkException("Job aborted due to stage failure: Task 2\n"
                + "Driver stacktrace: ..."));
        assertTrue(r instanceof UncheckedIOException, r.toString());
        assertEquals("the Spark job failed: Job aborted due to stage failure: Task 2", r.getCause().getMessage());
        RuntimeException wrapped = SparkEntry.jobFailure(new RuntimeException(new SparkException("lost")));
        assertTrue(wrapped instanceof UncheckedIOException, wrapped.toString());
    }

    @Test
    void whatSparksOwnCodeThrowsIsTheEnvironmentsToo() {
        // e.g. "SparkContext has been shutdown" after the standalone client gave up on an unreachable master
        try (JavaSparkContext sc = SparkContexts.open("local[1]", "test")) {
            sc.stop();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> sc.parallelize(java.util.List.of(1, 2)).count());
            assertTrue(SparkEntry.jobFailure(e) instanceof UncheckedIOException);
        }
    }

    @Test
    void ourOwnExceptionsGoOnAsTheyAre() {
        InvalidSystemException bad = new InvalidSystemException("not square");
        assertSame(bad, SparkEntry.jobFailure(bad));
        IllegalStateException bug = new IllegalStateException("path 3 came back twice");
        assertSame(bug, SparkEntry.jobFailure(bug));
        // and end to end: a system the solver refuses is refused on the driver, before any task
        assertThrows(InvalidSystemException.class,
                () -> SparkEntry.solve("local[1]", nonSquare(), SolveOptions.defaults(), null));
    }

    private static PolynomialSystem nonSquare() {
        PolynomialSystem c = StandardSystems.cyclic(5);
        return new PolynomialSystem(c.variables(), c.equations().subList(0, 4));
    }
}
