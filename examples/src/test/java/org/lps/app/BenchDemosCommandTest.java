package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lps bench demos} on a directory of three tiny systems and a malformed one, with real child processes. */
class BenchDemosCommandTest {

    @TempDir
    Path tmp;

    private static Map<String, JsonNode> rows(JsonNode report) {
        Map<String, JsonNode> m = new HashMap<>();
        report.get("results").forEach(r -> m.put(r.get("system").asText(), r));
        return m;
    }

    @Test
    void withoutPhcOursRunAloneAndEveryFileIsARow() throws Exception {
        Path prefix = tmp.resolve("demos");
        Cli.Run r = Cli.run("bench", "demos", DemoCatalogTest.testDatabase().toString(), "--phc", "/nonexistent/phc",
                "--threads", "1", "--out", prefix.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("not found"), r.err());
        JsonNode report = new ObjectMapper().readTree(Files.readString(Path.of(prefix + ".json")));
        assertFalse(report.get("phcAvailable").asBoolean());
        Map<String, JsonNode> rows = rows(report);
        assertEquals(4, rows.size());
        for (String name : List.of("circle", "tangent", "cyclic3")) {
            JsonNode row = rows.get(name);
            assertEquals("ok", row.get("ours").get("status").asText(), row.toString());
            // singular solutions with their multiplicity: tangent's double root counts twice
            assertEquals(row.get("known").asLong(), row.get("ours").get("solutions").asLong(), row.toString());
            assertTrue(row.get("ours").get("seconds").asDouble() > 0);
            assertFalse(row.has("phc"));
        }
        JsonNode broken = rows.get("broken");
        assertEquals("failed", broken.get("ours").get("status").asText());
        assertTrue(broken.get("ours").get("message").asText().contains("broken:2:"), broken.toString());
        assertEquals(4, report.get("total").get("rows").asInt());
        assertEquals(1, report.get("total").get("ourUnfinished").asInt());

        List<String> csv = Files.readAllLines(Path.of(prefix + ".csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(0).startsWith("system,seed,"));
        byte[] png = Files.readAllBytes(Path.of(prefix + ".png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        try (var files = Files.list(tmp)) {
            assertEquals(3, files.count(), "no temporary file left beside the outputs");
        }
        assertTrue(r.out().contains("all systems"), r.out());
    }

    @Test
    void aProcessOverTheLimitIsATimeoutRowNotADroppedOne() throws Exception {
        Path prefix = tmp.resolve("t");
        Cli.Run r = Cli.run("bench", "demos", DemoCatalogTest.testDatabase().toString(), "--systems", "circle",
                "--phc", "/nonexistent/phc", "--timeout", "0.001", "--out", prefix.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode row = new ObjectMapper().readTree(r.out()).get("results").get(0);
        assertEquals("circle", row.get("system").asText());
        assertEquals("timeout", row.get("ours").get("status").asText());
        assertFalse(row.get("ours").has("solutions"));
    }

    @Test
    void seedsMultiplyTheRows() throws Exception {
        Cli.Run r = Cli.run("bench", "demos", DemoCatalogTest.testDatabase().toString(), "--systems", "circle",
                "--seed", "1,2", "--phc", "/nonexistent/phc", "--threads", "1", "--out", tmp.resolve("s").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode results = new ObjectMapper().readTree(r.out()).get("results");
        assertEquals(2, results.size());
        assertEquals(1, results.get(0).get("seed").asLong());
        assertEquals(2, results.get(1).get("seed").asLong());
        results.forEach(x -> assertEquals(2, x.get("ours").get("solutions").asLong()));
    }

    @Test
    void sideBySideWithPhcWhenInstalled() throws Exception {
        Assumptions.assumeTrue(BenchSolveCommand.findExecutable("phc") != null,
                "phc is not installed (Debian package phcpack): skipping the side-by-side run");
        Cli.Run r = Cli.run("bench", "demos", DemoCatalogTest.testDatabase().toString(), "--systems", "circle,cyclic3",
                "--threads", "1", "--out", tmp.resolve("p").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertTrue(report.get("phcAvailable").asBoolean());
        Map<String, JsonNode> rows = rows(report);
        assertEquals(2, rows.get("circle").get("phc").get("solutions").asLong());
        assertEquals(6, rows.get("cyclic3").get("phc").get("solutions").asLong());
        assertTrue(rows.get("circle").get("ratio").asDouble() > 0);
        assertEquals(2, report.get("total").get("rows").asInt());
    }

    @Test
    void badFlagsAreRefusedBeforeAnyWork() throws Exception {
        String db = DemoCatalogTest.testDatabase().toString();
        Cli.Run noDir = Cli.run("bench", "demos", db, "--out", tmp.resolve("missing/x").toString());
        assertEquals(2, noDir.exit());
        assertTrue(noDir.err().contains("--out"), noDir.err());
        Cli.Run unknown = Cli.run("bench", "demos", db, "--systems", "nosuch", "--out", tmp.resolve("u").toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("nosuch"), unknown.err());
        assertEquals(2, Cli.run("bench", "demos", db, "--timeout", "-1", "--out", tmp.resolve("v").toString()).exit());
        assertEquals(2, Cli.run("bench", "demos", db, "--threads", "-1", "--out", tmp.resolve("w").toString()).exit());
        assertEquals(2, Cli.run("bench", "demos", tmp.resolve("nodir").toString(), "--out", tmp.resolve("y").toString()).exit());
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }
}
