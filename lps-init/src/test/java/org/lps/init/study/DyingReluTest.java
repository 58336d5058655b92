package org.lps.init.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.model.Model;

class DyingReluTest {

    @TempDir
    Path dir;

    /**
     * the independent Monte Carlo of docs/init-schemes.md (4000 networks per cell) at depth 10: He 0.91 / 0.63 / 0.16 and
     * RAI 0.29 / 0.08 / 0.008 at widths 2 / 3 / 5. Ours runs 4000 networks too; the tolerance is 4 standard
     * errors of the difference of the two estimates, plus 0.005 for the reference's rounding.
     */
    @Test
    void depthTenMatchesTheReference() {
        List<DyingRelu.Result> r = DyingRelu.run(List.of("he", "rai"), new int[] {2, 3, 5}, new int[] {10}, 4000, 1, 2, x -> { });
        double[] reference = {0.91, 0.63, 0.16, 0.29, 0.08, 0.008};
        for (int i = 0; i < reference.length; i++) {
            double p = reference[i];
            double tol = 4 * Math.sqrt(p * (1 - p) * (1.0 / 4000 + 1.0 / 4000)) + 0.005;
            assertEquals(p, r.get(i).bornDead(), tol, r.get(i).toString());
            assertTrue(r.get(i).ciLow() <= r.get(i).bornDead() && r.get(i).bornDead() <= r.get(i).ciHigh());
        }
    }

    /**
     * With zero biases a network is positively homogeneous in x, and it is dead only if the signal of x = 1
     * dies; each layer of width N kills a nonzero vector with probability exactly 2^-N, so
     * P(born dead) <= 1 - (1 - 2^-N)^L (docs/init-schemes.md); and a dead network of He's is also
     * "collapsed" (the count includes it).
     */
    @Test
    void heRespectsTheSingleInputBound() {
        List<DyingRelu.Result> r = DyingRelu.run(List.of("he"), new int[] {2, 4}, new int[] {5, 20}, 3000, 9, 2, x -> { });
        for (DyingRelu.Result c : r) {
            double bound = 1 - Math.pow(1 - Math.pow(2, -c.width()), c.depth());
            assertTrue(c.ciLow() <= bound, c + " vs bound " + bound);
            assertEquals(c.bornDead(), c.collapsed(), 1e-12, "zero biases: collapsed means dead");
        }
    }

    @Test
    void sameResultsOnAnyThreadCount() {
        List<DyingRelu.Result> progress = new ArrayList<>();
        List<DyingRelu.Result> one = DyingRelu.run(List.of("rai", "he"), new int[] {2, 3}, new int[] {4, 12}, 300, 5, 1, progress::add);
        List<DyingRelu.Result> three = DyingRelu.run(List.of("rai", "he"), new int[] {2, 3}, new int[] {4, 12}, 300, 5, 3, x -> { });
        assertEquals(one, three);
        assertEquals(one, progress, "progress reports every cell, in order");
        assertEquals("rai", one.get(0).method());
        assertEquals(8, one.size());
    }

    /** f(x) = w1 relu(w0 x + b0) + b1 on a 1-unit network: dead, collapsed and alive by construction. */
    @Test
    void deadCollapsedAlive() {
        assertEquals(DyingRelu.Outcome.DEAD, outcome(0.5f, -1f)); // relu(0.5 x - 1) = 0 on [-1, 1]
        assertEquals(DyingRelu.Outcome.ALIVE, outcome(1f, 1f)); // 1 + x
        // 1 + 1e-8 x: alive in exact arithmetic, but its float32 outputs would all be 1.0f
        assertEquals(DyingRelu.Outcome.COLLAPSED, outcome(1e-8f, 1f));
        assertEquals(1.0f, (float) (1 + 1e-8 * 0.5));
    }

    private static DyingRelu.Outcome outcome(float w0, float b0) {
        Model net = DyingRelu.network(1, 1);
        net.parameterizedLayers().get(0).weight().values()[0] = w0;
        net.parameterizedLayers().get(0).bias().values()[0] = b0;
        net.parameterizedLayers().get(1).weight().values()[0] = 1f;
        net.parameterizedLayers().get(1).bias().values()[0] = 0f;
        return new DyingRelu.Forward(net, DyingRelu.grid()).run();
    }

    @Test
    void clopperPearsonAgainstKnownValues() {
        // 0 of 10: upper limit 1 - 0.025^(1/10) = 0.30850; 5 of 10: [0.18709, 0.81291] (standard tables)
        double[] zero = DyingRelu.clopperPearson(0, 10, 0.95);
        assertEquals(0, zero[0]);
        assertEquals(1 - Math.pow(0.025, 0.1), zero[1], 1e-9);
        double[] half = DyingRelu.clopperPearson(5, 10, 0.95);
        assertEquals(0.18709, half[0], 1e-5);
        assertEquals(0.81291, half[1], 1e-5);
        assertEquals(1, DyingRelu.clopperPearson(10, 10, 0.95)[1]);
    }

    @Test
    void writesJsonCsvAndPng() throws Exception {
        List<DyingRelu.Result> r = DyingRelu.run(List.of("he", "rai"), new int[] {2, 3}, new int[] {5, 10}, 200, 1, 2, x -> { });
        StudyOutput out = new StudyOutput(dir.resolve("dr"));
        DyingRelu.write(out, r, 1);
        JsonNode j = new ObjectMapper().readTree(out.json().toFile());
        assertEquals(8, j.get("results").size());
        JsonNode first = j.get("results").get(0);
        for (String key : new String[] {"method", "width", "depth", "trials", "bornDead", "ciLow", "ciHigh", "collapsed"}) {
            assertTrue(first.has(key), key);
        }
        List<String> csv = Files.readAllLines(out.csv());
        assertEquals("method,width,depth,trials,dead,bornDead,ciLow,ciHigh,collapsed", csv.get(0));
        assertEquals(9, csv.size());
        assertTrue(Files.size(out.png()) > 10_000);
    }

    @Test
    void badSettings() {
        assertThrows(IllegalArgumentException.class, () -> DyingRelu.run(List.of("he"), new int[] {0}, new int[] {3}, 10, 1, 1, x -> { }));
        assertThrows(IllegalArgumentException.class, () -> DyingRelu.run(List.of("he"), new int[] {2}, new int[] {3}, 0, 1, 1, x -> { }));
        String m = assertThrows(IllegalArgumentException.class, () -> DyingRelu.run(List.of("nope"), new int[] {2}, new int[] {3}, 10, 1, 1, x -> { })).getMessage();
        assertTrue(m.contains("unknown scheme"), m);
        String list = assertThrows(IllegalArgumentException.class, () -> DyingRelu.parseList("--widths", "2,x")).getMessage();
        assertEquals("--widths '2,x': 'x' is not an integer", list);
    }
}
