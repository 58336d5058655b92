package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lps.app.Cli.json;
import static org.lps.app.Cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code lps solve} with parameters, targets, --from and monodromy, as a user runs it. */
class ParameterSolveCommandTest {

    /** x^2 + a y^2 = 1, x y = b: 4 solutions for a, b != 0 (two conics); at a = 0 two of them go to infinity. */
    private static final String FAMILY = "x^2 + a*y^2 - 1;\nx*y - b;\n";

    @TempDir
    Path dir;

    private Path family() throws Exception {
        Path f = dir.resolve("family.txt");
        Files.writeString(f, FAMILY);
        return f;
    }

    @Test
    void solvesAtOnePointAndReportsDivergingSolutionsAtInfinity() throws Exception {
        String f = family().toString();
        JsonNode j = json(run("solve", f, "--parameters", "a,b", "--at", "a=2,b=0.3", "--json", "--solutions"));
        assertEquals(4, j.get("nonsingular").asInt());
        assertEquals(2.0, j.get("parameters").get("a").get(0).asDouble());
        for (JsonNode s : j.get("solutions")) {
            double x = s.get("x").get(0).get(0).asDouble(), y = s.get("x").get(1).get(0).asDouble();
            assertEquals(0, x * x + 2 * y * y - 1, 1e-12);
            assertEquals(0, x * y - 0.3, 1e-12);
        }
        JsonNode special = json(run("solve", f, "--parameters", "a,b", "--at", "a=0,b=0.5", "--json"));
        assertEquals(2, special.get("nonsingular").asInt());
        assertEquals(2, special.get("atInfinity").asInt());
        assertEquals(0, special.get("failed").asInt());
    }

    @Test
    void fromAnEarlierOutTracksToTheTarget() throws Exception {
        String f = family().toString();
        Path s = dir.resolve("S.json");
        json(run("solve", f, "--parameters", "a,b", "--at", "a=1.3+0.2i,b=-0.7+0.4i", "--out", s.toString(),
                "--json"));
        JsonNode saved = new ObjectMapper().readTree(s.toFile());
        assertEquals(-0.7, saved.get("parameters").get("b").get(0).asDouble());
        assertEquals(0.2, saved.get("parameters").get("a").get(1).asDouble());
        JsonNode viaFrom = json(run("solve", f, "--parameters", "a,b", "--from", s.toString(), "--at", "a=1,b=0",
                "--json", "--solutions"));
        // x^2 + y^2 = 1, x y = 0: (+-1, 0) and (0, +-1)
        assertEquals(4, viaFrom.get("nonsingular").asInt());
        for (JsonNode sol : viaFrom.get("solutions")) {
            double x = Math.hypot(sol.get("x").get(0).get(0).asDouble(), sol.get("x").get(0).get(1).asDouble());
            double y = Math.hypot(sol.get("x").get(1).get(0).asDouble(), sol.get("x").get(1).get(1).asDouble());
            assertEquals(1, x + y, 1e-12);
            assertEquals(0, x * y, 1e-12);
        }
    }

    /** 1000 random real points of the family: every one of the 4 solutions at each, one JSON line per point. */
    @Test
    void everySolutionAtEachOfAThousandTargets() throws Exception {
        String f = family().toString();
        Path csv = dir.resolve("targets.csv");
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder b = new StringBuilder("b,a\n");   // columns in any order
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            double a = r.nextDouble(-3, 3), bb = r.nextDouble(-3, 3);
            points.add(new double[] {a, bb});
            b.append(String.format(Locale.ROOT, "%.17g,%.17g%n", bb, a));
        }
        Files.writeString(csv, b.toString());
        Cli.Run run = run("solve", f, "--parameters", "a,b", "--at", csv.toString(), "--solutions", "--threads", "2");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(1000, lines.length);
        ObjectMapper m = new ObjectMapper();
        for (int k = 0; k < lines.length; k++) {
            JsonNode j = m.readTree(lines[k]);
            assertEquals(k + 1, j.get("point").asInt());
            assertEquals(4, j.get("nonsingular").asInt(), "point " + (k + 1));
            assertEquals(0, j.get("failed").asInt());
            double a = points.get(k)[0], bb = points.get(k)[1];
            for (JsonNode s : j.get("solutions")) {
                double xr = s.get("x").get(0).get(0).asDouble(), xi = s.get("x").get(0).get(1).asDouble();
                double yr = s.get("x").get(1).get(0).asDouble(), yi = s.get("x").get(1).get(1).asDouble();
                double f1r = xr * xr - xi * xi + a * (yr * yr - yi * yi) - 1, f1i = 2 * xr * xi + 2 * a * yr * yi;
                double f2r = xr * yr - xi * yi - bb, f2i = xr * yi + xi * yr;
                assertTrue(Math.hypot(f1r, f1i) < 1e-10 && Math.hypot(f2r, f2i) < 1e-10, "point " + (k + 1));
            }
            // the 4 solutions are distinct (nonsingular, deduplicated) and none is missing: 4 is the generic count
        }
    }

    /** (x - 1)^2 (x - a): the double root at 1 is singular at every point, so the generic solve says so. */
    @Test
    void aGenericSolveWithSingularSolutionsIsReported() throws Exception {
        Path f = dir.resolve("double.txt");
        Files.writeString(f, "(x - 1)^2*(x - a);\n");
        Cli.Run r = run("solve", f.toString(), "--parameters", "a", "--at", "a=3", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("1 singular"), r.err());
        assertEquals(1, json(r).get("nonsingular").asInt());
    }

    @Test
    void bertiniParametersComeFromTheFile() throws Exception {
        Path f = dir.resolve("family.bertini");
        Files.writeString(f, "INPUT\nvariable_group x, y;\nparameter a, b;\nfunction f1, f2;\n"
                + "f1 = x^2 + a*y^2 - 1;\nf2 = x*y - b;\nEND;\n");
        JsonNode j = json(run("solve", f.toString(), "--at", "b=0.3,a=2", "--json"));
        assertEquals(4, j.get("nonsingular").asInt());
        Cli.Run missing = run("solve", f.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("parameters a, b") && missing.err().contains("--at"), missing.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--at a=1,b=2 without parameters|--at needs parameters",
            "--parameters a,b --at a=1|no value for the parameter b",
            "--parameters a,b --at a=1,b=2,c=3|'c' is not a parameter",
            "--parameters a,b --at a=1,b=two|'two' is not a number",
            "--parameters a,q --at a=1,q=2|q does not occur",
            "--parameters a,b --at a=1,b=2 --verify|need --monodromy",
            "--parameters a,b --at a=1,b=2 --monodromy --target-count 0|--target-count must be at least 1",
            "--parameters a,b --at a=1,b=2 --monodromy --symmetry perm:1,2,3|has 3 entries for 2 unknowns",
            "--parameters a,b --at a=1,b=2 --from nowhere.json|no such readable file"})
    void badFlagsAreOneLineAndExitTwo(String flags, String message) throws Exception {
        List<String> args = new ArrayList<>(List.of("solve", family().toString()));
        for (String a : flags.split(" ")) {
            if (!a.equals("without") && !a.equals("parameters")) {
                args.add(a);
            }
        }
        Cli.Run r = run(args.toArray(new String[0]));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void monodromyReportsItsRunAndIsTheSameOnAnyThreadCount() throws Exception {
        JsonNode one = json(run("solve", "--system", "cyclic5", "--monodromy", "--verify", "--json", "--solutions",
                "--threads", "1", "--seed", "3"));
        JsonNode two = json(run("solve", "--system", "cyclic5", "--monodromy", "--verify", "--json", "--solutions",
                "--threads", "2", "--seed", "3"));
        assertEquals(70, one.get("nonsingular").asInt());
        JsonNode m = one.get("monodromy");
        assertEquals("trace-test", m.get("stop").asText());
        assertEquals("passed", m.get("traceTest").asText());
        assertTrue(m.get("traceResidual").asDouble() < 1e-8);
        assertTrue(m.get("loops").asInt() >= 1 && m.get("pathsTracked").asLong() >= 70);
        assertEquals(one.get("solutions"), two.get("solutions"));
        assertEquals(one.get("monodromy"), two.get("monodromy"));
        JsonNode counted = json(run("solve", "--system", "cyclic5", "--monodromy", "--target-count", "70", "--json"));
        assertEquals("target-count", counted.get("monodromy").get("stop").asText());
        assertEquals("not run", counted.get("monodromy").get("traceTest").asText());
        assertEquals(70, counted.get("nonsingular").asInt());
    }

    /** Cyclic-5 is invariant under the cyclic shift and the reversal of its unknowns. */
    @Test
    void symmetryFindsTheOrbits() throws Exception {
        JsonNode j = json(run("solve", "--system", "cyclic5", "--monodromy", "--symmetry",
                "perm:2,3,4,5,1;perm:5,4,3,2,1", "--json", "--verify"));
        assertEquals(70, j.get("nonsingular").asInt());
        assertEquals("passed", j.get("monodromy").get("traceTest").asText());
        Cli.Run bad = run("solve", "--system", "katsura3", "--monodromy", "--symmetry", "perm:2,1,3,4");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("does not map equation"), bad.err());
    }
}
