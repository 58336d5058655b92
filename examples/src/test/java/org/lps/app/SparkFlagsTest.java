package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lps.app.Cli.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code --spark}: every mistake is one line and exit 2, before any work; and lps.jar alone (this module's class path
 * has neither the distributed module nor Spark, like {@code java -jar lps.jar}) says how to get the Spark runner instead
 * of failing with a stack trace. The runs on Spark themselves are tested in the distributed module.
 */
class SparkFlagsTest {

    @ParameterizedTest
    @ValueSource(strings = {"locl[2]", "local[0]", "local[2", "local[-1]", "local[2,0]", "spark://host", "spark://:7077",
            "spark://host:port", "", "yarn-client", "mesos://host:5050", "local[2] "})
    void aMalformedMasterIsOneLineAndExit2(String master) {
        Cli.Run r = run("solve", "--system", "cyclic5", "--spark", master);
        assertEquals(2, r.exit(), r.err());
        assertOneLine(r.err(), "--spark");
        assertTrue(r.err().contains("not a Spark master URL"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[2]", "local[*]", "local[2,3]", "spark://127.0.0.1:7077",
            "spark://a.example.org:7077,b.example.org:7077", "yarn", "k8s://https://10.0.0.1:6443"})
    void aWellFormedMasterNeedsTheSparkRunnerOnTheClassPath(String master) {
        Cli.Run r = run("solve", "--system", "cyclic5", "--spark", master);
        assertEquals(2, r.exit(), r.err());
        assertOneLine(r.err(), "the Spark runner is not on the class path");
        assertTrue(r.out().isEmpty(), "no result without the runner: " + r.out());
    }

    @Test
    void monodromyAndASinglePointAreNotDistributed() {
        Cli.Run m = run("solve", "--system", "cyclic5", "--monodromy", "--spark", "local[2]");
        assertEquals(2, m.exit(), m.err());
        assertOneLine(m.err(), "--spark with --monodromy");
        Cli.Run p = run("solve", "--system", "cyclic5", "--verify", "--spark", "local[2]");
        assertEquals(2, p.exit(), p.err());
        assertOneLine(p.err(), "--spark with --monodromy");
        Cli.Run a = run("solve", "--system", "cyclic5", "--parameters", "x1", "--at", "x1=2", "--spark", "local[2]");
        assertEquals(2, a.exit(), a.err());
        assertOneLine(a.err(), "only a file of points");
    }

    @Test
    void benchSparkChecksItsFlags() {
        Cli.Run r = run("bench", "spark", "--spark", "spark:/host:7077");
        assertEquals(2, r.exit(), r.err());
        assertOneLine(r.err(), "not a Spark master URL");
        Cli.Run s = run("bench", "spark", "--start", "total-degree");
        assertEquals(2, s.exit(), s.err());
        Cli.Run w = run("bench", "spark", "--sample", "10", "--width", "9");
        assertEquals(2, w.exit(), w.err());
        assertOneLine(w.err(), "--width");
    }

    @Test
    void helpListsTheFlag() {
        Cli.Run r = run("solve", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--spark=MASTER"), r.out());
    }

    private static void assertOneLine(String err, String contains) {
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains(contains), err);
    }
}
