package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLambdaCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesJsonCsvPngThatParse() throws Exception {
        Path base = dir.resolve("sub/lam");
        Cli.Run r = Cli.run("study", "lambda", "--ks", "1", "--points", "6", "--lambda-min", "0.01", "--lambda-max", "1",
                "--checks", "0.1", "--tolerance", "1e-5", "--threads", "2", "--out", base.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(j, new ObjectMapper().readTree(dir.resolve("sub/lam.json").toFile()));
        assertEquals("lambda", j.get("study").asText());
        JsonNode k1 = j.get("results").get(0);
        assertEquals(1, k1.get("k").asInt());
        assertEquals(6, k1.get("grid").size());
        assertEquals(0.01, k1.get("grid").get(0).get("lambda").asDouble(), 0);
        assertEquals(1.0, k1.get("grid").get(5).get("lambda").asDouble(), 0);
        // lambda 0.1: 7 real critical points (docs/lps.md), 2 minima; the best is (0.848, 0.828)
        JsonNode check = k1.get("checks").get(0);
        assertEquals(7, check.get("trackedReal").asInt());
        assertEquals(7, check.get("directReal").asInt());
        assertEquals(2, check.get("directMinima").asInt());
        assertTrue(check.get("sameMinima").asBoolean());
        // the fold at 0.13499, the pitchfork at 0.5 and the fold at 0.50189 (closed forms: LambdaStudyTest)
        JsonNode c = k1.get("crossings");
        assertEquals(3, c.size(), c.toString());
        assertEquals(0.13499, c.get(0).get("lambda").asDouble(), 1e-5);
        assertEquals(7, c.get(0).get("realBelow").asInt());
        assertEquals(3, c.get(0).get("realAbove").asInt());
        List<String> csv = Files.readAllLines(dir.resolve("sub/lam.csv"));
        assertEquals("k,lambda,real,realOrbits,minima,orbit,kind,morseIndex,copies,J,wNorm,w1,b1,v1,c", csv.get(0));
        int orbits = 0;
        for (JsonNode p : k1.get("grid")) {
            orbits += p.get("orbits").size();
        }
        assertEquals(1 + orbits, csv.size());
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            assertEquals(15, f.length, line);
            Double.parseDouble(f[9]);
        }
        assertTrue(Files.size(dir.resolve("sub/lam.png")) > 10_000);
        assertTrue(r.err().contains("lambda k 1 [6/6] lambda 1.000:"), r.err());
    }

    @Test
    void badFlagsAreOneLineErrors() throws Exception {
        InitCommandTest.assertBad("--lambda-min 1.0 must be less than --lambda-max 0.001", "study", "lambda",
                "--lambda-min", "1", "--lambda-max", "1e-3");
        InitCommandTest.assertBad("--lambda-min must be a finite number > 0, got 0.0", "study", "lambda", "--lambda-min", "0");
        InitCommandTest.assertBad("--lambda-max must be a finite number > 0, got -1.0", "study", "lambda", "--lambda-max", "-1");
        InitCommandTest.assertBad("--lambda-min must be a finite number > 0, got NaN", "study", "lambda", "--lambda-min", "NaN");
        InitCommandTest.assertBad("--points must be at least 2, got 1", "study", "lambda", "--points", "1");
        InitCommandTest.assertBad("--points must be at least 2, got -3", "study", "lambda", "--points", "-3");
        InitCommandTest.assertBad("--tolerance must be a finite number >= 0", "study", "lambda", "--tolerance", "-1");
        InitCommandTest.assertBad("the block k = 3, d = 2 has 1129797 paths, over --path-budget 20000", "study", "lambda",
                "--ks", "3");
        InitCommandTest.assertBad("--checks '0.1,x': 'x' is not a number", "study", "lambda", "--checks", "0.1,x");
        InitCommandTest.assertBad("--checks '0.1,-2': every lambda must be finite and > 0", "study", "lambda", "--checks", "0.1,-2");
        InitCommandTest.assertBad("--target: unknown LPS target 'sigmoid'", "study", "lambda", "--target", "sigmoid");
        InitCommandTest.assertBad("--activation", "study", "lambda", "--activation", "nope");
        InitCommandTest.assertBad("--degree", "study", "lambda", "--degree", "0");
        InitCommandTest.assertBad("--ks '1,0'", "study", "lambda", "--ks", "1,0");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        InitCommandTest.assertBad("is not a directory", "study", "lambda", "--out", file.resolve("base").toString(), "--ks", "1");
        InitCommandTest.assertBad("--points", "study", "lambda", "--points", "many");
    }
}
