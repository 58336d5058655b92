package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        Cli.Run r = Cli.run("bench", "solve", "--systems", "cyclic5", "--phc",
                "/nonexistent/phc", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(false, j.get("phcAvailable").asBoolean());
        JsonNode row = j.get("results").get(0);
        assertEquals(70, row.get("ourSolutions").asLong());
        assertEquals(70, row.get("known").asLong());
        assertTrue(row.get("ourSeconds").asDouble() > 0);
    }

    /** The side-by-side run with PHCpack's phc: both find cyclic-5's 70 roots (without phc: see {@link ExternalTools}). */
    @Test
    void sideBySideWithPhc() throws Exception {
        ExternalTools.require(BenchSolveCommand.findExecutable("phc") != null, "phc (PHCpack) on the PATH",
                "apt-get install phcpack");
        Cli.Run r = Cli.run("bench", "solve", "--systems", "cyclic5", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode row = new ObjectMapper().readTree(r.out()).get("results").get(0);
        assertEquals(70, row.get("phcSolutions").asLong());
        assertEquals(70, row.get("ourSolutions").asLong());
        assertTrue(row.get("ratio").asDouble() > 0);
    }
}
