package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SolutionSetTest {

    /** Points within the relative tolerance are one, points outside are not, at small and large scales. */
    @Test
    void deduplicatesWithinTheToleranceAtEveryScale() {
        SplittableRandom r = new SplittableRandom(1);
        for (double scale : new double[] {1e-3, 1, 1e4}) {
            SolutionSet set = new SolutionSet(3, 1e-6);
            for (int k = 0; k < 500; k++) {
                double[] x = new double[6];
                for (int j = 0; j < 6; j++) {
                    x[j] = scale * r.nextGaussian();
                }
                assertTrue(set.add(x));
                double radius = 1e-6 * Math.max(1, max(x));
                double[] near = x.clone();
                near[r.nextInt(6)] += 0.5 * radius;
                assertFalse(set.add(near), "a point within the tolerance is the same");
                assertEquals(k, set.indexOf(near));
                double[] far = x.clone();
                far[r.nextInt(6)] += 3 * radius;
                assertEquals(-1, set.indexOf(far), "a point beyond the tolerance is new");
            }
            assertEquals(500, set.size());
        }
    }

    private static double max(double[] x) {
        double m = 0;
        for (int k = 0; k < x.length; k += 2) {
            m = Math.max(m, Math.hypot(x[k], x[k + 1]));
        }
        return m;
    }
}
