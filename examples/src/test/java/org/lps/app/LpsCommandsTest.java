package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lps scheme through the CLI: lps init's lps object, method parameters, lps study counts. */
class LpsCommandsTest {

    @TempDir
    Path dir;

    @Test
    void initJsonHasDesignsLpsObjectAndThePredictions() throws Exception {
        Cli.Run r = Cli.run("init", "--arch", "mlp:784,64,10", "--method", "lps:design", "--data",
                "embedded", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode lps = j.get("lps");
        assertEquals(2, lps.get("degree").asInt());
        assertEquals(3, lps.get("coefficients").size());
        assertEquals(0.5, lps.get("coefficients").get(1).asDouble(), 1e-12);   // relu's Gaussian fit: a_1 = 1/2
        assertEquals(105, lps.get("paths").asInt());
        assertEquals(375, lps.get("totalDegree").asInt());
        assertEquals(105, lps.get("linearProductBound").asInt());
        assertEquals(7, lps.get("realSolutions").asInt());
        assertEquals(2, lps.get("minima").asInt());
        assertTrue(lps.get("seconds").asDouble() >= 0);
        JsonNode pre = j.get("preActivations");
        assertEquals(2, pre.size());
        for (JsonNode layer : pre) {
            double sd = Math.sqrt(layer.get("predictedVariance").asDouble());
            assertEquals(layer.get("predictedMean").asDouble(), layer.get("measuredMean").asDouble(), 0.15 * sd);
            assertEquals(sd, Math.sqrt(layer.get("measuredVariance").asDouble()), 0.2 * sd);
        }
        assertEquals(0.828, pre.get(0).get("predictedMean").asDouble(), 0.01);
    }

    @Test
    void methodParametersReachTheBlock() throws Exception {
        Cli.Run r = Cli.run("init", "--arch", "mlp:784,16,10", "--method", "lps:k=1:lambda=0.001",
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode best = new ObjectMapper().readTree(r.out()).get("lps").get("blocks").get(0).get("minimaFound").get(0)
                .get("theta");
        assertEquals(0.33, Math.abs(best.get(0).asDouble()), 0.01);
        assertEquals(2.35, best.get(1).asDouble(), 0.01);
    }

    @Test
    void badLpsParametersAreOneLineErrors() {
        for (String[] args : new String[][] {
                {"init", "--arch", "mlp:4,3,2", "--method", "lps:lambda=x"},
                {"init", "--arch", "mlp:4,3,2", "--method", "lps:k=0"},
                {"init", "--arch", "mlp:4,3,2", "--method", "lps:foo"},
                {"init", "--arch", "mlp:4,3,2", "--method", "lps:d=3", "--degree", "2"},
                {"study", "counts", "--ks", "0"},
                {"study", "counts", "--degrees", "1"},
                {"study", "counts", "--path-budget", "-1"}}) {
            Cli.Run r = Cli.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void countsStudyWritesJsonCsvPngWithinTheBudget() throws Exception {
        Path base = dir.resolve("counts");
        Cli.Run r = Cli.run("study", "counts", "--ks", "1,2", "--degrees", "2",
                "--path-budget", "200", "--starts", "100", "--out", base.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("results");
        assertEquals(2, rows.size());
        JsonNode k1 = rows.get(0);
        assertEquals(375, k1.get("totalDegree").asInt());
        assertEquals(113, k1.get("mhomBezout").asInt());
        assertEquals(105, k1.get("linearProductBound").asInt());
        assertEquals(105, k1.get("paths").asInt());
        assertEquals(0, k1.get("failed").asInt());
        assertEquals(2, k1.get("minima").asInt());
        assertEquals(0, k1.get("missedByHomotopy").asInt());
        JsonNode k2 = rows.get(1);
        assertEquals(46875, k2.get("totalDegree").asInt());
        assertEquals(34577, k2.get("mhomBezout").asInt());
        assertEquals(10761, k2.get("linearProductBound").asInt());
        assertTrue(k2.get("paths").isNull());
        assertTrue(k2.get("reason").asText().contains("budget"));
        assertTrue(Files.size(Path.of(base + ".png")) > 1000);
        assertEquals(3, Files.readAllLines(Path.of(base + ".csv")).size());
        assertTrue(r.err().contains("counts [2/2]"), r.err());
    }

    /**
     * lps:k=3 is solved by monodromy; over its loop budget: the progress lines, then one line naming the budget and how
     * to raise it, exit 1, no weights. (k = 3's smallest fixed subspaces spend 40 loop paths in well under a second.)
     */
    @Test
    void aWideBlockOverItsLoopBudgetSaysSoAndHowToGoOn() {
        Path out = dir.resolve("w.safetensors");
        Cli.Run r = Cli.run("init", "--arch", "mlp:4,3,2", "--method", "lps:k=3:budget=40", "--no-cache", "--out",
                out.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("lps init: the block solve by monodromy passed its budget of 40 loop paths"), last);
        assertTrue(last.contains("or with a larger budget: lps:...:solver=monodromy:budget=N"), last);
        assertTrue(lines.size() >= 2, r.err());
        for (String l : lines.subList(0, lines.size() - 1)) {
            assertTrue(l.startsWith("lps: block by monodromy: fixed subspace "), l);
        }
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badLoopBudgetsNameTheMethodFlag() {
        InitCommandTest.assertBad("--method 'lps:k=3:budget=0': parameter 'budget=0': the loop-path budget must be at least"
                + " 1, got 0", "init", "--arch", "mlp:4,3,2", "--method", "lps:k=3:budget=0");
        InitCommandTest.assertBad("parameter 'budget=lots': the loop-path budget must be a whole number", "init", "--arch",
                "mlp:4,3,2", "--method", "lps:k=3:solver=monodromy:budget=lots");
        InitCommandTest.assertBad("--method 'lps:budget=100': budget= is the loop-path budget of solver=monodromy", "init",
                "--arch", "mlp:4,3,2", "--method", "lps:budget=100");
    }
}
