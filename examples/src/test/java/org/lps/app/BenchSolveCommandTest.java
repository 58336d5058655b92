package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BenchSolveCommandTest {

    @Test
    void phcSolutionCountSumsTheRefinedLists() {
        String out = "THE SOLUTIONS :\n\n8 10\n====\n...\nA list of 8 solutions has been refined :\n"
                + "Number of regular solutions     : 8.\n...\nTHE SOLUTIONS :\n\n504 10\n"
                + "A list of 504 solutions has been refined :\nNumber of regular solutions     : 504.\n";
        assertEquals(512, BenchSolveCommand.solutionCount(out));
    }

    @Test
    void withoutPhcOursIsTimedAlone() throws Exception {
        SolveCommandTest.Run r = SolveCommandTest.run("bench", "solve", "--systems", "cyclic5", "--phc",
                "/nonexistent/phc", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(false, j.get("phcAvailable").asBoolean());
        JsonNode row = j.get("results").get(0);
        assertEquals(70, row.get("ourSolutions").asLong());
        assertEquals(70, row.get("known").asLong());
        assertTrue(row.get("ourSeconds").asDouble() > 0);
    }

    /** Runs phc only where it is installed (Debian's phcpack); benchmarks are not tests, so no install. */
    @Test
    void sideBySideWithPhcWhenInstalled() throws Exception {
        Assumptions.assumeTrue(BenchSolveCommand.findExecutable("phc") != null,
                "phc is not installed (Debian package phcpack): skipping the side-by-side run");
        SolveCommandTest.Run r = SolveCommandTest.run("bench", "solve", "--systems", "cyclic5", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode row = new ObjectMapper().readTree(r.out()).get("results").get(0);
        assertEquals(70, row.get("phcSolutions").asLong());
        assertEquals(70, row.get("ourSolutions").asLong());
        assertTrue(row.get("ratio").asDouble() > 0);
    }
}
