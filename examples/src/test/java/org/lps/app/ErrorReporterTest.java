package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.lps.init.lps.block.BudgetExceededException;
import org.lps.init.lps.block.IncompleteSolveException;
import picocli.CommandLine;

/** Who is blamed, and how, for each kind of failure escaping a command. */
class ErrorReporterTest {

    @CommandLine.Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        RuntimeException failure;

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private static String[] run(RuntimeException failure) {
        Probe probe = new Probe();
        probe.failure = failure;
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(probe).setExecutionExceptionHandler(new ErrorReporter())
                .setErr(new PrintWriter(err));
        int code = cl.execute();
        return new String[] {Integer.toString(code), err.toString()};
    }

    /** A solve that stopped at its budget or could not prove itself complete: its own message, one line, exit 1. */
    @Test
    void stoppedSolvesSayWhyInOneLine() {
        for (RuntimeException e : new RuntimeException[] {
                new BudgetExceededException("passed its budget of 40 loop paths: raise it with budget=N"),
                new IncompleteSolveException("failed the trace test: use solver=homotopy")}) {
            String[] r = run(e);
            assertEquals("1", r[0]);
            assertEquals("probe: " + e.getMessage(), r[1].strip());
            assertTrue(!r[1].contains("internal error") && r[1].strip().lines().count() == 1, r[1]);
        }
    }

    /** Anything else unexpected is ours: "internal error", one line, exit 1. */
    @Test
    void otherFailuresAreInternalErrors() {
        String[] r = run(new IllegalStateException("boom"));
        assertEquals("1", r[0]);
        assertTrue(r[1].startsWith("probe: internal error: IllegalStateException: boom"), r[1]);
    }
}
