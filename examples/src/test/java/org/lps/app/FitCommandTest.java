package org.lps.app;

import static org.lps.app.Cli.run;
import org.lps.app.Cli.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class FitCommandTest {



    @Test
    void jsonForTheGaussianReluQuadratic() throws Exception {
        Run r = run("fit", "--activation", "relu", "--degree", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("relu", j.get("activation").asText());
        assertEquals(2, j.get("degree").asInt());
        assertEquals("gaussian:0:1", j.get("measure").asText());
        assertEquals("l2", j.get("method").asText());
        double c = 1 / (2 * Math.sqrt(2 * Math.PI));
        assertEquals(3, j.get("coefficients").size());
        assertEquals(c, j.get("coefficients").get(0).asDouble(), 1e-15);
        assertEquals(0.5, j.get("coefficients").get(1).asDouble(), 1e-15);
        assertEquals(c, j.get("coefficients").get(2).asDouble(), 1e-15);
        // l2Error is the root-mean-square error: squared it is 1/4 - 3/(4 pi)
        double l2 = j.get("l2Error").asDouble();
        assertEquals(0.25 - 3 / (4 * Math.PI), l2 * l2, 1e-13);
        assertTrue(j.get("maxError").asDouble() > 1.0); // at x = -4, where the parabola has climbed
    }

    @Test
    void jsonForMinimaxListsTheEquioscillationPoints() throws Exception {
        Run r = run("fit", "--activation", "relu", "--measure", "uniform:-1:1", "--method", "minimax", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1.0 / 16, j.get("maxError").asDouble(), 1e-13);
        assertEquals(4, j.get("equioscillationPoints").size());
    }

    @Test
    void humanSummary() {
        Run r = run("fit", "--activation", "tanh", "--degree", "3", "--measure", "uniform:-2:2", "--method", "chebyshev");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("tanh, degree 3, chebyshev fit for uniform:-2:2"), r.out());
        assertTrue(r.out().contains("l2Error"), r.out());
        assertTrue(r.out().contains("maxError"), r.out());
    }

    @Test
    void plotIsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("fit.png");
        Run r = run("fit", "--activation", "gelu", "--degree", "4", "--plot", png.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(FitPlot.WIDTH, img.getWidth());
        assertEquals(FitPlot.TOP_HEIGHT + FitPlot.BOTTOM_HEIGHT, img.getHeight());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--activation relux                          | --activation",
            "--activation relu --degree -1               | --degree",
            "--activation relu --degree 1000             | --degree",
            "--activation relu --degree two              | --degree",
            "--activation relu --measure cauchy          | --measure",
            "--activation relu --measure gaussian:0:-1   | --measure",
            "--activation relu --measure uniform:1:0     | --measure",
            "--activation relu --method spline           | --method",
            "--activation relu --method taylor           | --method",
            "--activation relu --plot /no/such/dir/x.png | --plot",
            "--degree 2                                  | --activation"})
    void badInputExitsTwoWithAMessageNamingTheFlag(String args, String flag) {
        String[] argv = ("fit " + args.trim()).split("\\s+");
        Run r = run(argv);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(flag), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(r.err().contains("Exception"), "no exception names: " + r.err());
    }

    @Test
    void noFileIsWrittenOnBadInput(@TempDir Path dir) {
        Path png = dir.resolve("x.png");
        assertEquals(2, run("fit", "--activation", "nope", "--plot", png.toString()).exit());
        assertFalse(Files.exists(png));
    }
}
