package org.lps.nets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.nets.layer.Activations;

class PreActivationsTest {

    @Test
    void momentsOfKnownAffineMaps() {
        // layer0: z = x1 + 2 x2 + 1 (one unit); layer1: 3 relu(z) - 1
        Model m = Architecture.parse("mlp:2,1,1", Activations.relu());
        System.arraycopy(new float[] {1, 2}, 0, m.namedParameters().get("layer0.weight").values(), 0, 2);
        m.namedParameters().get("layer0.bias").values()[0] = 1;
        m.namedParameters().get("layer1.weight").values()[0] = 3;
        m.namedParameters().get("layer1.bias").values()[0] = -1;
        int n = 1000; // more than one chunk of 256
        float[] x = new float[2 * n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) Math.sin(i);
            x[2 * i + 1] = (float) Math.cos(0.7 * i);
            z[i] = x[2 * i] + 2.0 * x[2 * i + 1] + 1;
        }
        List<PreActivations.Moments> mo = PreActivations.measure(m, x, n);
        assertEquals(2, mo.size());
        double mean0 = 0, mean1 = 0;
        for (int i = 0; i < n; i++) {
            mean0 += z[i] / n;
            mean1 += (3 * Math.max(0, z[i]) - 1) / n;
        }
        double var0 = 0, var1 = 0;
        for (int i = 0; i < n; i++) {
            var0 += (z[i] - mean0) * (z[i] - mean0) / n;
            double y = 3 * Math.max(0, z[i]) - 1;
            var1 += (y - mean1) * (y - mean1) / n;
        }
        assertEquals(mean0, mo.get(0).mean(), 1e-5);
        assertEquals(var0, mo.get(0).variance(), 1e-5);
        assertEquals(mean1, mo.get(1).mean(), 1e-5);
        assertEquals(var1, mo.get(1).variance(), 1e-5);
        assertEquals(n, mo.get(0).count());
        assertEquals("layer1", mo.get(1).layer());
    }
}
