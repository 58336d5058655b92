package org.lps.app;

import static org.lps.app.Cli.run;
import static org.lps.app.Cli.json;
import org.lps.app.Cli.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.rootcount.WorkMeter;
import picocli.CommandLine;

class CountCommandTest {

    @TempDir
    Path dir;




    @Test
    void jsonForABuiltInFamily() throws Exception {
        JsonNode j = json(run("count", "--system", "cyclic5", "--json"));
        for (String key : List.of("totalDegree", "mhomBezout", "linearProductBound", "mixedVolume", "stableMixedVolume",
                "partition", "setStructure", "equations", "variables", "seconds")) {
            assertTrue(j.has(key), "missing key " + key + " in " + j);
        }
        assertEquals(120, j.get("totalDegree").asLong());
        assertEquals(120, j.get("mhomBezout").asLong());
        long lp = j.get("linearProductBound").asLong();
        assertTrue(lp >= 70 && lp <= 106, "cyclic-5: 70 solutions, published set-structure bound 106: " + lp);
        assertEquals(70, j.get("mixedVolume").asLong());   // cyclic-5's mixed volume = its solution count
        assertEquals(70, j.get("stableMixedVolume").asLong());
        assertTrue(j.get("mixedCells").asInt() > 0);
        assertEquals("[[\"x1\",\"x2\",\"x3\",\"x4\",\"x5\"]]", j.get("partition").toString());
        assertEquals(5, j.get("setStructure").size());
        assertEquals("[[\"x1\",\"x2\",\"x3\",\"x4\",\"x5\"]]", j.get("setStructure").get(0).toString());
        assertEquals(5, j.get("equations").asInt());
        assertEquals(5, j.get("variables").asInt());
        assertTrue(j.get("seconds").asDouble() >= 0);
    }

    @Test
    void jsonForFilesInEachFormat() throws Exception {
        Path phc = dir.resolve("eco6.phc");
        Files.writeString(phc, StandardSystems.eco(6).toPhcFormat());
        JsonNode j = json(run("count", phc.toString(), "--json"));
        assertEquals(162, j.get("totalDegree").asLong()); // 2 * 3^4
        assertTrue(j.get("linearProductBound").asLong() >= 16);
        assertTrue(j.get("linearProductBound").asLong() <= j.get("mhomBezout").asLong());

        Path plain = dir.resolve("circle.txt");
        Files.writeString(plain, "x^2 + y^2 - 1\nx*y - 2\n");
        JsonNode c = json(run("count", "--format", "plain", plain.toString(), "--json"));
        assertEquals(4, c.get("totalDegree").asLong());
        assertEquals(2, c.get("variables").asInt());
    }

    @Test
    void readsStandardInput() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("x^3 - 1\ny - x\n".getBytes(StandardCharsets.UTF_8)));
            JsonNode j = json(run("count", "-", "--json"));
            assertEquals(3, j.get("totalDegree").asLong());
            assertEquals(3, j.get("linearProductBound").asLong());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void lpsBlockSystemByName() throws Exception {
        JsonNode j = json(run("count", "--system", "lps-k2-d2", "--json"));
        assertEquals(46875, j.get("totalDegree").asLong());
        assertEquals(10761, j.get("linearProductBound").asLong());
        assertEquals(7, j.get("variables").asInt());
    }

    @Test
    void humanSummary() {
        Run r = run("count", "--system", "chandra5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("chandra5: 5 equations in 5 unknowns"), r.out());
        assertTrue(r.out().contains("total degree         32"), r.out());
        assertTrue(r.out().contains("multi-homogeneous    16   partition {H1 H2 H3 H4} {H5}"), r.out());
        assertTrue(r.out().contains("linear product       16"), r.out());
        assertTrue(r.out().contains("f5"), r.out());
    }

    @Test
    void malformedFileIsReportedWithLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.phc");
        Files.writeString(bad, "2\n x^2 + (y - 1;\n y - 2;\n");
        Run r = run("count", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().matches("(?s)lps count: .*bad\\.phc:2:\\d+: .*\\n"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void nonSquareSystemIsRefused() throws Exception {
        Path wide = dir.resolve("wide.txt");
        Files.writeString(wide, "x + y + z\nx*y - 1\n");
        Run r = run("count", wide.toString(), "--json");
        assertEquals(2, r.exit());
        assertEquals("lps count: " + wide + ": 2 equations in 3 unknowns: counting roots needs a square system (with fewer"
                + " equations the solutions are not isolated)\n",
                r.err().replace("\r\n", "\n"));
    }

    @Test
    void missingFileAndMissingArguments() {
        Run missing = run("count", dir.resolve("nope.phc").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.phc: no such file"), missing.err());

        Run none = run("count");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no system given"), none.err());

        Run unknown = run("count", "--system", "cyclicx");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown system 'cyclicx'"), unknown.err());
    }
    /**
     * Issue 12: lps count --system lps-k9-d2 ran for minutes in silence. Over --budget it stops with one line
     * saying where it was, how far it got and what to do instead, exit 2; which phase it is in by then depends on
     * the machine, so both messages are accepted.
     */
    @Test
    void overBudgetIsRefusedOnOneLineWithWhatToDoInstead() {
        Run r = run("count", "--system", "lps-k9-d2", "--budget", "1", "--quiet");
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        String err = r.err().replace("\r\n", "\n");
        assertTrue(err.matches("lps count: over --budget 1 s in the (set-structure search|mixed volume)[^\n]*"
                + ": raise --budget[^\n]*\n"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void budgetMustBePositive() {
        Run r = run("count", "--system", "cyclic5", "--budget", "0");
        assertEquals(2, r.exit());
        assertEquals("lps count: --budget must be at least 1 (seconds), got 0\n", r.err().replace("\r\n", "\n"));
    }

    /**
     * Progress goes to stderr only: a count that runs past the two silent seconds redraws its line there (the
     * phase, the work done of its limit, the time left) and leaves stdout to the result (here: nothing, refused).
     */
    @Test
    void progressIsOnStderrOnly() {
        Run r = run("count", "--system", "lps-k9-d2", "--budget", "4");
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("\rlps count: total degree, multi-homogeneous and set-structure bounds"), r.err());
        assertTrue(r.err().matches("(?s).*of at most [0-9,]+ (search nodes|linear programs) \\(\\d+%, at most about"
                + " \\d+ s left\\).*"), r.err());
    }

    /** The estimate: the rest of the limit at the rate so far. */
    @Test
    void workDetailEstimatesTheTimeLeftFromTheRateSoFar() {
        WorkMeter m = new WorkMeter();
        assertEquals("", CountCommand.workDetail(m, 10, "left"));
        m.start("linear programs", 1_000_000, () -> 250_000);
        assertEquals("250,000 of at most 1,000,000 linear programs (25%, at most about 30 s left)",
                CountCommand.workDetail(m, 10, "left"));
    }
}
