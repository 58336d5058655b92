package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lps study counts with --solver none (the bounds and the local searches alone, for blocks no solver finishes) and
 * monodromy's --loop-budget (a solve over it is a row that says so; the study goes on).
 */
class StudyCountsCommandTest {

    @TempDir
    Path dir;

    /**
     * k = 1 and 3 without a solve: the bounds of docs/lps.md's table, and the local searches' minima, a lower bound. At
     * k = 1 they find both of the homotopy's minima (J = 0.3621 the best, docs/lps.md); a wider block fits at least as
     * well (dead neurons embed k = 1's minima), so k = 3's best J is at most k = 1's.
     */
    @Test
    void localSearchesAloneForWideBlocks() throws Exception {
        Path base = dir.resolve("counts");
        Cli.Run r = Cli.run("study", "counts", "--ks", "1,3", "--degrees", "2", "--solver", "none", "--starts", "200",
                "--seed", "1", "--threads", "2", "--json", "--out", base.toString());
        JsonNode j = Cli.json(r);
        JsonNode rows = j.get("results");
        assertEquals(2, rows.size());
        JsonNode k1 = rows.get(0);
        JsonNode k3 = rows.get(1);
        for (JsonNode row : rows) {
            assertEquals("none", row.get("solver").asText());
            assertTrue(row.get("paths").isNull());
            assertTrue(row.get("finite").isNull());
            assertTrue(row.get("missedByHomotopy").isNull());
            assertEquals(200, row.get("randomStarts").asInt());
            assertTrue(row.get("reason").asText().contains("lower bound"), row.toString());
        }
        assertEquals(105, k1.get("linearProductBound").asInt());
        assertEquals(2, k1.get("randomMinima").asInt());
        assertEquals(0.3621, k1.get("bestLoss").asDouble(), 1e-4);
        for (JsonNode row : rows) {
            JsonNode losses = row.get("randomLosses");
            assertEquals(row.get("randomMinima").asInt(), losses.size());
            assertEquals(row.get("bestLoss").asDouble(), losses.get(0).asDouble(), 0.0);
            for (int i = 1; i < losses.size(); i++) {
                assertTrue(losses.get(i).asDouble() > losses.get(i - 1).asDouble(), losses.toString());
            }
        }
        assertEquals(5859375, k3.get("totalDegree").asLong());
        assertEquals(1129797, k3.get("linearProductBound").asLong());
        assertTrue(k3.get("randomMinima").asInt() >= 1);
        assertTrue(k3.get("bestLoss").asDouble() <= k1.get("bestLoss").asDouble() + 1e-12, k3.toString());
        assertTrue(r.err().contains("counts [2/2] k 3 d 2 none: linear product 1129797, not solved"), r.err());
        assertTrue(r.err().contains(" minima from 200 local searches"), r.err());
        // the panels themselves: CountsPlotTest
        BufferedImage png = ImageIO.read(Path.of(base + ".png").toFile());
        assertTrue(png.getWidth() > 1000, png.getWidth() + " px");
        List<String> csv = Files.readAllLines(Path.of(base + ".csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(2).contains(",none,"), csv.get(2));
    }

    /** Monodromy over --loop-budget: the row carries the budget's message (naming the flag), the exit is 0. */
    @Test
    void aSolveOverTheLoopBudgetIsARowAndTheStudyGoesOn() throws Exception {
        Cli.Run r = Cli.run("study", "counts", "--ks", "1", "--degrees", "2", "--solver", "monodromy", "--loop-budget", "1",
                "--starts", "0", "--threads", "2", "--json", "--out", dir.resolve("c").toString());
        JsonNode j = Cli.json(r);
        assertEquals(1, j.get("loopBudget").asLong());
        JsonNode row = j.get("results").get(0);
        assertEquals("monodromy", row.get("solver").asText());
        assertTrue(row.get("paths").isNull());
        String reason = row.get("reason").asText();
        assertTrue(reason.contains("passed its budget of 1 loop paths"), reason);
        assertTrue(reason.contains("lps study counts --loop-budget N"), reason);
        assertTrue(r.err().contains("counts: monodromy fixed subspace"), r.err());
    }

    @Test
    void badLoopBudgetsAndSolversAreOneLineErrors() {
        InitCommandTest.assertBad("--loop-budget must be at least 1 loop path, got 0", "study", "counts", "--loop-budget",
                "0");
        InitCommandTest.assertBad("--loop-budget must be at least 1 loop path, got -5", "study", "counts",
                "--loop-budget", "-5");
        InitCommandTest.assertBad("--loop-budget", "study", "counts", "--loop-budget", "1e6");
        InitCommandTest.assertBad("--solver: solver must be homotopy, monodromy or none (the local searches alone), got"
                + " 'local'", "study", "counts", "--solver", "local");
        InitCommandTest.assertBad("--solver 'none,none': a solver is given twice", "study", "counts", "--solver",
                "none,none");
    }

    /** No solve and no local search: the bounds alone, and still a plot (CountsPlot leaves out the empty panel). */
    @Test
    void boundsAloneStillWriteThePlot() throws Exception {
        Path base = dir.resolve("bounds");
        // k = 3 rather than 2: k = 2's mixed-volume search (1089) takes seconds, k = 3's stops at its work limit at once
        JsonNode j = Cli.json(Cli.run("study", "counts", "--ks", "1,3", "--degrees", "2", "--solver", "none", "--starts",
                "0", "--threads", "2", "--json", "--out", base.toString()));
        assertTrue(j.get("results").get(1).get("randomMinima").isNull());
        assertTrue(j.get("results").get(1).get("randomLosses").isNull());
        assertEquals(23075793, j.get("results").get(1).get("mhomBezout").asLong());
        assertEquals(33, j.get("results").get(0).get("mixedVolume").asLong());
        assertTrue(ImageIO.read(Path.of(base + ".png").toFile()).getWidth() > 0);
    }
}
