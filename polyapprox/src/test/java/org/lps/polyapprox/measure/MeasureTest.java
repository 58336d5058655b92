package org.lps.polyapprox.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeasureTest {

    @Test
    void parsesTheCliSpellings() {
        assertEquals(new Measure.Gaussian(0, 1), Measure.parse("gaussian"));
        assertEquals(new Measure.Gaussian(0.5, 2), Measure.parse("Gaussian:0.5:2"));
        assertEquals(new Measure.Uniform(-1, 3), Measure.parse("uniform:-1:3"));
        for (String s : new String[] {"gaussian:0:1", "gaussian:0.5:2", "uniform:-1:1", "uniform:-2.5:3.75"}) {
            assertEquals(s, Measure.parse(s).spec());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cauchy", "gaussian:0", "gaussian:0:0", "gaussian:0:-1", "gaussian:a:1",
            "uniform", "uniform:1:1", "uniform:2:1", "uniform:0:inf", "uniform:0:NaN", "gaussian:1:2:3"})
    void rejectsBadSpecsWithAMessage(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Measure.parse(spec));
        assertTrue(e.getMessage().contains("measure"), e.getMessage());
    }

    @Test
    void intervals() {
        Measure g = Measure.parse("gaussian:1:0.5");
        assertEquals(-1.0, g.lower());
        assertEquals(3.0, g.upper());
        assertEquals(1.0, g.center());
        Measure u = Measure.parse("uniform:-3:5");
        assertEquals(-3.0, u.lower());
        assertEquals(5.0, u.upper());
        assertEquals(1.0, u.center());
    }

    @Test
    void gaussianMomentsAndReluMean() {
        Measure g = Measure.parse("gaussian:0.3:1.7");
        assertEquals(1.0, g.expectation(x -> 1), 1e-14);
        assertEquals(0.3, g.expectation(x -> x), 1e-14);
        assertEquals(0.09 + 2.89, g.expectation(x -> x * x), 1e-13);
        // E[relu(Z)] for Z ~ N(0,1) is 1/sqrt(2 pi); exact only because the rule splits at the kink
        assertEquals(1 / Math.sqrt(2 * Math.PI), Measure.standardGaussian().expectation(x -> Math.max(x, 0), 0.0), 1e-15);
    }

    @Test
    void uniformMoments() {
        Measure u = Measure.parse("uniform:-1:3");
        assertEquals(1.0, u.expectation(x -> 1), 1e-14);
        assertEquals(1.0, u.expectation(x -> x), 1e-14);
        assertEquals((27.0 + 1.0) / 12.0, u.expectation(x -> x * x), 1e-14);
        // E[relu] = (1/4) * 9/2
        assertEquals(9.0 / 8.0, u.expectation(x -> Math.max(x, 0), 0.0), 1e-14);
    }

    @Test
    void wideGaussiansStillIntegrateActivationsAccurately() {
        // E[tanh(X)^2] is even in the mean; with sigma = 50 the panels must shrink to the activation's scale.
        Measure g = new Measure.Gaussian(0, 50);
        double coarse = g.expectation(x -> Math.tanh(x) * Math.tanh(x));
        // independent: E[1 - tanh^2] = E[sech^2] ~ 2 phi(0) / sigma for a wide Gaussian (integral of sech^2 is 2)
        assertEquals(1 - 2 / (Math.sqrt(2 * Math.PI) * 50), coarse, 1e-4);
    }
}
