package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyInitsCommandTest {

    @TempDir
    Path dir;

    @Test
    void pairedDifferencesToTheFirstMethodInTheJsonAndTheTable() throws Exception {
        Path base = dir.resolve("inits");
        Cli.Run r = Cli.run("study", "inits", "--methods", "he,lps:design", "--seeds", "2", "--task", "mlp:784,16,10@1",
                "--data", "embedded", "--threads", "2", "--out", base.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(dir.resolve("inits.json").toFile());
        assertEquals("he", j.get("baseline").asText());
        JsonNode p = j.get("paired");
        assertEquals(1, p.size(), p.toString());
        assertEquals("lps:design", p.get(0).get("method").asText());
        assertEquals(2, p.get(0).get("seeds").asInt());
        // the paired mean is the difference of the two methods' means over the same seeds
        double he = 0, lps = 0;
        for (JsonNode s : j.get("results")) {
            if (s.get("method").asText().equals("he")) {
                he = s.get("meanAccuracy").asDouble();
            } else {
                lps = s.get("meanAccuracy").asDouble();
            }
        }
        assertEquals(lps - he, p.get(0).get("meanDifference").asDouble(), 1e-12);
        assertTrue(r.out().contains("test accuracy minus he's on the same seed"), r.out());
    }

    @Test
    void wideBlocksNeedAPathBudget() {
        InitCommandTest.assertBad("--methods lps:k=3:solver=homotopy: the block system (k = 3, d = 2) has 1129797 homotopy"
                + " paths, over --path-budget 100000", "study", "inits", "--methods", "he,lps:k=3:solver=homotopy", "--data",
                "embedded");
        InitCommandTest.assertBad("--path-budget must be at least 1, got 0", "study", "inits", "--methods", "he",
                "--path-budget", "0");
        InitCommandTest.assertBad("--methods 'lps:k=9'", "study", "inits", "--methods", "lps:k=9");
    }
}
