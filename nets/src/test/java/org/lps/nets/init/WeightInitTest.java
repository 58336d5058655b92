package org.lps.nets.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

class WeightInitTest {

    private static double[] meanVar(float[] w) {
        double m = 0;
        for (float v : w) {
            m += v;
        }
        m /= w.length;
        double s = 0;
        for (float v : w) {
            s += (v - m) * (v - m);
        }
        return new double[] {m, s / w.length};
    }

    @Test
    void heHasVarianceTwoOverFanIn() {
        Model m = Architecture.parse("cnn:3x16x16,c64k3,p2,d200,d10", Activations.relu());
        new He().initialize(m, 1);
        for (ParameterizedLayer l : m.parameterizedLayers()) {
            double[] mv = meanVar(l.weight().values());
            double target = 2.0 / l.fanIn();
            int n = l.weight().size();
            // the sample variance of n normals has relative standard deviation sqrt(2/n)
            assertEquals(target, mv[1], 5 * Math.sqrt(2.0 / n) * target, l.toString());
            assertEquals(0, mv[0], 5 * Math.sqrt(target / n), l.toString());
            for (float b : l.bias().values()) {
                assertEquals(0f, b);
            }
        }
    }

    @Test
    void heUsesTheLeakyReluGain() {
        Model m = Architecture.parse("mlp:2000,300,10", Activations.leakyRelu(1.0)); // slope 1: gain 1
        new He().initialize(m, 2);
        double[] mv = meanVar(m.parameterizedLayers().get(0).weight().values());
        assertEquals(1.0 / 2000, mv[1], 0.03 / 2000);
    }

    @Test
    void xavierIsUniformWithGlorotBound() {
        Model m = Architecture.parse("mlp:500,300,10", Activations.tanh());
        new Xavier().initialize(m, 3);
        ParameterizedLayer l = m.parameterizedLayers().get(0);
        double bound = Math.sqrt(6.0 / (500 + 300));
        double max = 0;
        for (float v : l.weight().values()) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= bound && max > 0.99 * bound, "max " + max + " vs bound " + bound);
        assertEquals(bound * bound / 3, meanVar(l.weight().values())[1], 0.02 * bound * bound / 3);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOthers() {
        Model a = Architecture.parse("mlp:20,10,3", Activations.relu());
        Model b = Architecture.parse("mlp:20,10,3", Activations.relu());
        new He().initialize(a, 42);
        new He().initialize(b, 42);
        assertArrayEquals(a.namedParameters().get("layer1.weight").values(), b.namedParameters().get("layer1.weight").values());
        new He().initialize(b, 43);
        assertTrue(a.namedParameters().get("layer1.weight").values()[0] != b.namedParameters().get("layer1.weight").values()[0]);
    }

    @Test
    void schemesRegisteredWithServiceLoaderAreFoundByName() {
        WeightInit w = WeightInits.byName("test-constant");
        Model m = Architecture.parse("mlp:3,2", Activations.relu());
        w.initialize(m, 7);
        assertEquals(0.5f, m.namedParameters().get("layer0.weight").values()[5]);
        assertEquals(7f, m.namedParameters().get("layer0.bias").values()[1]);
        assertTrue(WeightInits.all().containsKey("he"));
    }

    @Test
    void registryFindsBuiltInsAndNamesTheKnownOnes() {
        assertEquals("he", WeightInits.byName("HE").name());
        assertEquals("xavier", WeightInits.byName("xavier").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightInits.byName("zeros"));
        assertTrue(e.getMessage().contains("(known: he, test-constant, xavier)"), e.getMessage());
    }
}
