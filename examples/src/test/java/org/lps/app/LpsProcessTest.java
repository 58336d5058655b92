package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LpsProcessTest {

    /** The parser reads what lps solve really prints: a double root counts twice. */
    @Test
    void readsTheSummaryOfARealSolve() throws Exception {
        Path tangent = DemoCatalogTest.testDatabase().resolve("tangent");
        Cli.Run r = Cli.run("solve", tangent.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        LpsProcess.Summary s = LpsProcess.parse(r.out());
        assertNotNull(s, r.out());
        assertEquals(4, s.paths());
        assertEquals(2, s.nonsingular());
        assertEquals(2, s.singularWithMultiplicity());
        assertEquals(4, s.solutions());
        assertTrue(s.solveSeconds() >= 0);
    }

    @Test
    void multiplicitiesAddUp() {
        String out = "f: 2 equations in 2 unknowns\n  start system         total-degree, 9 paths\n"
                + "  nonsingular          1\n  singular             2 (multiplicities 2, 3)\n  real   1\n"
                + "  time                 0.010 s (start system 0.001 s, 1 thread)\n";
        LpsProcess.Summary s = LpsProcess.parse(out);
        assertEquals(6, s.solutions());
        assertEquals(9, s.paths());
        assertEquals(0.010, s.solveSeconds(), 1e-12);
    }

    @Test
    void anythingElseIsNoSummary() {
        assertNull(LpsProcess.parse(""));
        assertNull(LpsProcess.parse("lps solve: f:2:9: missing operator\n"));
        // singular solutions without their multiplicities: cannot count them
        assertNull(LpsProcess.parse("  start system  total-degree, 4 paths\n  nonsingular  2\n  singular  1\n  time  0.1 s\n"));
        // two multiplicities for one singular solution: inconsistent
        assertNull(LpsProcess.parse("  start system  total-degree, 4 paths\n  nonsingular  2\n"
                + "  singular  1 (multiplicities 2, 2)\n  time  0.1 s\n"));
    }

    @Test
    void aGivenCommandIsSplitAtBlanksAndTheDefaultRunsThisJvm() {
        // the processes run in a directory of their own: a relative program path is resolved here, a bare name is
        // left to the PATH, an absolute one as it is
        assertEquals(List.of(Path.of("lps").toAbsolutePath().toString(), "--x"), LpsProcess.command("  ./lps   --x "));
        assertEquals(List.of(Path.of("bin/lps").toAbsolutePath().toString()), LpsProcess.command("bin/../bin/lps"));
        assertEquals(List.of("lps", "solve"), LpsProcess.command("lps solve"));
        assertEquals(List.of("/usr/bin/env", "lps"), LpsProcess.command("/usr/bin/env lps"));
        List<String> own = LpsProcess.command(null);
        assertTrue(own.get(0).endsWith("java"), own.toString());
        assertEquals(List.of("solve", Path.of("f").toAbsolutePath().toString(), "--seed", "7"),
                LpsProcess.solveArguments(Path.of("f"), 7, 0));
        assertEquals(List.of("--threads", "2"), LpsProcess.solveArguments(Path.of("f"), 7, 2).subList(4, 6));
    }
}
