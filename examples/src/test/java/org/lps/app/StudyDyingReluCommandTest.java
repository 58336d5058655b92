package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyDyingReluCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesJsonCsvPngAndShowsProgress() throws Exception {
        Path base = dir.resolve("dr");
        Cli.Run r = Cli.run("study", "dying-relu", "--methods", "he,rai", "--widths", "2,3", "--depths", "10",
                "--trials", "300", "--seed", "3", "--out", base.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(4, j.get("results").size());
        JsonNode he2 = j.get("results").get(0);
        assertEquals("he", he2.get("method").asText());
        assertEquals(2, he2.get("width").asInt());
        assertEquals(10, he2.get("depth").asInt());
        assertEquals(300, he2.get("trials").asInt());
        // docs/init-schemes.md: 0.91; 300 trials have a standard error of 0.017
        assertEquals(0.91, he2.get("bornDead").asDouble(), 0.07);
        assertTrue(r.err().contains("dying-relu [4/4] rai width 3 depth 10:"), r.err());
        assertTrue(Files.size(dir.resolve("dr.png")) > 10_000);
        assertEquals(5, Files.readAllLines(dir.resolve("dr.csv")).size());
        assertEquals(new ObjectMapper().readTree(dir.resolve("dr.json").toFile()), j);
    }

    @Test
    void aDirectoryGetsDyingReluFiles() {
        Cli.Run r = Cli.run("study", "dying-relu", "--methods", "rai", "--widths", "2", "--depths", "3",
                "--trials", "20", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("dying-relu.json")));
        assertTrue(r.out().contains("rai                2     3     20"), r.out());
    }

    @Test
    void badInput() {
        InitCommandTest.assertBad("--methods 'glorot': unknown scheme", "study", "dying-relu", "--methods", "he,glorot");
        InitCommandTest.assertBad("--widths '2,0': 0 must be at least 1", "study", "dying-relu", "--widths", "2,0");
        InitCommandTest.assertBad("--depths 'a': 'a' is not an integer", "study", "dying-relu", "--depths", "a");
        InitCommandTest.assertBad("--trials must be at least 1", "study", "dying-relu", "--trials", "0");
        InitCommandTest.assertBad("--methods 'he,,rai': an empty method name", "study", "dying-relu", "--methods", "he,,rai");
        InitCommandTest.assertBad("the directory /no/such does not exist", "study", "dying-relu", "--out", "/no/such/base");
        InitCommandTest.assertBad("--methods 'orthogonal:-1': the gain must be positive", "study", "dying-relu", "--methods", "orthogonal:-1");
    }
}
