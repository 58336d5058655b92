package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lps.app.Cli.json;
import static org.lps.app.Cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lps solve --certify} and {@code lps certify}, as a user runs them. */
class CertifyCommandTest {

    @Test
    void solveCertifyAddsTheDesignKeys() throws Exception {
        JsonNode j = json(run("solve", "--system", "katsura4", "--json", "--solutions", "--certify", "--quiet"));
        assertEquals(16, j.get("certifiedDistinct").asInt());
        assertEquals(j.get("real").asInt(), j.get("certifiedReal").asInt());
        for (JsonNode s : j.get("solutions")) {
            assertTrue(s.get("certified").asBoolean());
            assertEquals(s.get("real").asBoolean(), s.get("certifiedReal").asBoolean());
        }
        Cli.Run human = run("solve", "--system", "katsura4", "--certify", "--quiet", "--threads", "1");
        assertTrue(human.out().contains("certified            16 of 16 solutions: 16 distinct zeros, 12 real"), human.out());
    }

    @Test
    void certifyReadsWhatSolveWrites(@TempDir Path dir) throws Exception {
        Path sys = dir.resolve("tangent.phc");
        Files.writeString(sys, "2\n x^2 + y^2 - 1;\n (x - 1)*(x + 2);\n");
        Path sols = dir.resolve("s.json");
        assertEquals(0, run("solve", sys.toString(), "--out", sols.toString(), "--quiet").exit());
        JsonNode j = json(run("certify", sys.toString(), "--solutions", sols.toString(), "--json"));
        assertEquals(3, j.get("points").asInt());
        assertEquals(2, j.get("certifiedDistinct").asInt());
        assertEquals(0, j.get("certifiedReal").asInt());
        assertEquals(1, j.get("uncertified").asInt());
        int reasons = 0;
        for (JsonNode s : j.get("solutions")) {
            if (!s.get("certified").asBoolean()) {
                assertTrue(s.get("reason").asText().contains("singular"), s.toString());
                reasons++;
            } else {
                assertEquals(2, s.get("enclosure").size());
            }
        }
        assertEquals(1, reasons);
        // other programs' points: only x, variables in another order, a duplicate and a non-solution
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"variables\": [\"y\", \"x\"], \"solutions\": ["
                + "{\"x\": [[0, 1.7320508075688772], [-2, 0]]}, {\"x\": [[1e-14, 1.7320508075688772], [-2, 0]]},"
                + "{\"x\": [[0.5, 0], [0.5, 0]]}]}");
        Cli.Run r = run("certify", sys.toString(), "--solutions", other.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("certified            2 of 3 solutions: 1 distinct zeros, 0 real"), r.out());
        assertTrue(r.out().contains("point 2: the same zero as point 1"), r.out());
        assertTrue(r.out().contains("point 3 not certified: not an approximate solution"), r.out());
    }

    @Test
    void studyCountsCertifyAddsCertifiedColumns(@TempDir Path dir) throws Exception {
        JsonNode j = json(run("study", "counts", "--ks", "1", "--degrees", "2", "--starts", "0", "--certify", "--json",
                "--threads", "2", "--out", dir.resolve("counts").toString()));
        JsonNode r = j.get("results").get(0);
        assertEquals(25, r.get("finite").asInt());
        assertEquals(r.get("finite").asInt(), r.get("certifiedFinite").asInt());
        assertEquals(r.get("real").asInt(), r.get("certifiedReal").asInt());
        assertEquals(r.get("minima").asInt(), r.get("certifiedMinima").asInt());
        assertTrue(Files.readString(dir.resolve("counts.csv")).lines().findFirst().orElseThrow()
                .contains(",certifiedFinite,certifiedReal,certifiedMinima,certifySeconds,"));
    }

    @Test
    void badSolutionFilesGetOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Path sys = dir.resolve("c.txt");
        Files.writeString(sys, "x^2 - 2; y - x\n");
        String[][] cases = {
                {"{\"solutions\": [{\"x\": [[1, 0]]}]}", "solution 1: 1 coordinates, the system has 2 unknowns"},
                {"{\"solutions\": [{\"x\": [[1, 0], [1]]}]}", "solution 1, coordinate 2: expected [re, im]"},
                {"{\"solutions\": [{\"y\": 1}]}", "solution 1: no \"x\" array"},
                {"{\"answers\": []}", "no \"solutions\" array"},
                {"{\"solutions\": [", "not valid JSON"},
                {"{\"variables\": [\"a\", \"b\"], \"solutions\": []}", "do not match the system's [x, y]"},
                {"{\"solutions\": [{\"x\": [[1e999, 0], [1, 0]]}]}", "not finite"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.json");
            Files.writeString(f, c[0]);
            Cli.Run r = run("certify", sys.toString(), "--solutions", f.toString());
            assertEquals(2, r.exit(), c[0] + " -> " + r.err());
            assertTrue(r.err().contains(c[1]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        Cli.Run missing = run("certify", sys.toString(), "--solutions", dir.resolve("none.json").toString());
        assertEquals(2, missing.exit());
        Cli.Run nonSquare = run("certify", "--system", "cyclic5", "--solutions", dir.resolve("bad.json").toString(),
                "--threads", "0");
        assertEquals(2, nonSquare.exit());
        assertTrue(nonSquare.err().contains("--threads"), nonSquare.err());
    }
}
