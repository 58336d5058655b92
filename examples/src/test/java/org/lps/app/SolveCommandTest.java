package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SolveCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = LpsApp.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static JsonNode json(Run r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void cyclic5Json() throws Exception {
        JsonNode j = json(run("solve", "--system", "cyclic5", "--json", "--threads", "2", "--quiet"));
        for (String key : List.of("paths", "nonsingular", "singular", "real", "atInfinity", "failed", "seconds", "start",
                "variables", "positiveDimensional")) {
            assertTrue(j.has(key), "key " + key + " in " + j);
        }
        assertFalse(j.has("solutions"), "solutions only with --solutions");
        assertEquals(120, j.get("paths").asLong());
        assertEquals(70, j.get("nonsingular").asLong());
        assertEquals(0, j.get("singular").asLong());
        assertEquals(10, j.get("real").asLong());
        assertEquals(50, j.get("atInfinity").asLong());
        assertEquals(0, j.get("failed").asLong());
        assertEquals("total-degree", j.get("start").get("name").asText());
        assertEquals(120, j.get("start").get("count").asLong());
        assertEquals(5, j.get("variables").size());
        assertEquals(42, j.get("seed").asLong());
    }

    @Test
    void solutionsInJsonAreSolutions() throws Exception {
        JsonNode j = json(run("solve", "--system", "katsura4", "--json", "--solutions", "--quiet"));
        JsonNode sols = j.get("solutions");
        assertEquals(16, sols.size());
        int real = 0;
        for (JsonNode s : sols) {
            assertEquals(5, s.get("x").size());
            assertEquals(2, s.get("x").get(0).size());
            assertEquals("nonsingular", s.get("status").asText());
            assertEquals(1, s.get("multiplicity").asInt());
            assertTrue(s.get("residual").asDouble() < 1e-12);
            assertTrue(s.get("condition").asDouble() >= 1);
            // katsura's last equation: u0 + 2 (u1 + ... + u4) = 1
            double sum = s.get("x").get(0).get(0).asDouble();
            for (int k = 1; k < 5; k++) {
                sum += 2 * s.get("x").get(k).get(0).asDouble();
            }
            assertEquals(1, sum, 1e-10);
            real += s.get("real").asBoolean() ? 1 : 0;
        }
        assertEquals(j.get("real").asInt(), real);
    }

    @Test
    void sameSeedSameJsonOnOneAndTwoThreads() throws Exception {
        JsonNode a = json(run("solve", "--system", "eco6", "--json", "--solutions", "--threads", "1", "--seed", "3"));
        JsonNode b = json(run("solve", "--system", "eco6", "--json", "--solutions", "--threads", "2", "--seed", "3"));
        assertEquals(a.get("solutions"), b.get("solutions"));
    }

    @Test
    void humanSummaryFromAFileWithMultiplicities(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("double.phc");
        Files.writeString(f, "2\n x^2 + y^2 - 1;\n (x - 1)*(x + 2);\n");
        Run r = run("solve", f.toString(), "--start", "total-degree", "--solutions");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("nonsingular          2"), r.out());
        assertTrue(r.out().contains("singular             1 (multiplicity 2)"), r.out());
        assertTrue(r.out().contains("solution 1"), r.out());
        assertTrue(r.out().contains("failed               0 paths"), r.out());
    }

    @Test
    void writesJsonCsvAndPhcFiles(@TempDir Path dir) throws Exception {
        for (String name : List.of("s.json", "s.csv", "s.txt")) {
            Path out = dir.resolve(name);
            Run r = run("solve", "--system", "chandra4", "--out", out.toString(), "--quiet");
            assertEquals(0, r.exit(), r.err());
            String text = Files.readString(out);
            switch (name) {
                case "s.json" -> assertEquals(8, new ObjectMapper().readTree(text).get("solutions").size());
                case "s.csv" -> {
                    List<String> lines = text.lines().toList();
                    assertEquals(9, lines.size());
                    assertTrue(lines.get(0).startsWith("solution,status,multiplicity,real,condition,residual,H1_re,H1_im"));
                }
                default -> {
                    assertTrue(text.startsWith("THE SOLUTIONS :\n8 4\n"), text);
                    assertEquals(8, text.lines().filter(l -> l.startsWith("== err :")).count());
                    assertTrue(text.contains("= real regular =="));
                }
            }
        }
        Run bad = run("solve", "--system", "chandra4", "--out", dir.resolve("s.xlsx").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains(".json, .csv, .txt or .phc"), bad.err());
    }

    @Test
    void badFileGivesFileLineColumnAndExitTwo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.phc");
        Files.writeString(f, "2\n x^2 + y - 1;\n x * (y + ;\n");
        Run r = run("solve", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(f + ":3:"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void nonSquareSystemsAreRefusedClearly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("under.txt");
        Files.writeString(f, "x + y + z\nx - y\n");
        Run r = run("solve", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("2 equations in 3 unknowns: the solver needs a square system"), r.err());
    }

    @Test
    void missingInputAndUnknownPresetOrStartAreBadInput() {
        assertEquals(2, run("solve").exit());
        Run p = run("solve", "--system", "cyclic5", "--start", "bkk");
        assertEquals(2, p.exit());
        assertTrue(p.err().contains("expected auto, total-degree, lps or polyhedral"), p.err());
        Run q = run("solve", "--system", "cyclic5", "--preset", "reckless");
        assertEquals(2, q.exit());
        assertTrue(q.err().contains("default, fast or conservative"), q.err());
        Run t = run("solve", "--system", "cyclic5", "--threads", "0");
        assertEquals(2, t.exit());
    }

    @Test
    void polyhedralStartOnePathPerSolution() throws Exception {
        Run r = run("solve", "--system", "cyclic5", "--start", "polyhedral", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("polyhedral", j.get("start").get("name").asText());
        assertEquals(70, j.get("start").get("count").asLong());
        assertEquals(70, j.get("nonsingular").asLong());
        assertEquals(0, j.get("failed").asLong());
        assertTrue(j.get("start").get("seconds").asDouble() >= 0);
    }
}
