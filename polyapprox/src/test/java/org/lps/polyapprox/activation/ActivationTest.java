package org.lps.polyapprox.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationTest {

    static final List<String> ALL = List.of("relu", "leaky-relu:0.01", "leaky-relu:0.2", "elu", "elu:0.5", "gelu",
            "silu", "tanh", "sigmoid", "softplus");

    @Test
    void parseReadsBackCanonicalNames() {
        for (String s : ALL) {
            assertEquals(s, Activation.parse(s).name());
        }
        assertEquals("silu", Activation.parse("swish").name());
        assertEquals("leaky-relu:0.01", Activation.parse("leaky-relu").name());
        assertEquals("relu", Activation.parse(" ReLU ").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "relux", "tanh:2", "leaky-relu:abc", "leaky-relu:inf", "elu:0", "elu:-1", "relu:1"})
    void unknownOrMalformedNamesAreRejectedWithTheValidList(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse(spec));
        assertTrue(e.getMessage().contains("activation"), e.getMessage());
        if (spec.equals("relux")) {
            assertTrue(e.getMessage().contains("gelu") && e.getMessage().contains("softplus"), e.getMessage());
        }
    }

    @Test
    void valuesAgainstClosedForms() {
        double phi1 = 0.8413447460685429; // Phi(1)
        assertEquals(phi1, Activation.gelu().value(1), 1e-15);
        assertEquals(-0.15865525393145707, Activation.gelu().value(-1), 1e-15);
        assertEquals(1 / (1 + Math.exp(-1)), Activation.silu().value(1), 1e-15);
        assertEquals(Math.log(1 + Math.E), Activation.softplus().value(1), 1e-15);
        assertEquals(800.0, Activation.softplus().value(800), 0.0); // no overflow
        assertEquals(Math.exp(-800), Activation.softplus().value(-800), 1e-300);
        assertEquals(Math.exp(-1) - 1, Activation.elu(1).value(-1), 1e-15);
        assertEquals(0.5 * (Math.exp(-2) - 1), Activation.elu(0.5).value(-2), 1e-15);
        assertEquals(-0.02, Activation.leakyRelu(0.01).value(-2), 0);
        assertEquals(0.0, Activation.relu().value(-2), 0);
        assertEquals(1.0, Activation.sigmoid().value(800), 0);
        assertEquals(0.0, Activation.sigmoid().value(-800), 1e-300);
    }

    @Test
    void derivativesMatchCentralDifferences() {
        for (String s : ALL) {
            Activation a = Activation.parse(s);
            for (double x = -4.05; x <= 4; x += 0.1) { // the grid avoids the kink at 0
                double h = 1e-5;
                double fd = (a.value(x + h) - a.value(x - h)) / (2 * h);
                assertEquals(fd, a.derivative(x), 1e-8, s + " at " + x);
            }
        }
    }

    @Test
    void pytorchConventionAtTheKink() {
        assertEquals(0.0, Activation.relu().derivative(0));
        assertEquals(0.01, Activation.leakyRelu(0.01).derivative(0));
        assertArrayEquals(new double[] {0}, Activation.relu().kinks());
        assertArrayEquals(new double[] {0}, Activation.elu(1).kinks());
        assertEquals(0, Activation.tanh().kinks().length);
    }

    @Test
    void taylorSeriesOfTanhAndSigmoidAtZero() {
        // tanh = x - x^3/3 + 2x^5/15 - 17x^7/315 + 62x^9/2835
        assertArrayEquals(new double[] {0, 1, 0, -1.0 / 3, 0, 2.0 / 15, 0, -17.0 / 315, 0, 62.0 / 2835},
                Activation.tanh().taylorCoefficients(0, 9), 1e-16);
        // sigmoid = 1/2 + x/4 - x^3/48 + x^5/480
        assertArrayEquals(new double[] {0.5, 0.25, 0, -1.0 / 48, 0, 1.0 / 480},
                Activation.sigmoid().taylorCoefficients(0, 5), 1e-16);
        // gelu = x Phi(x) = x/2 + x^2/sqrt(2 pi) - x^4/(6 sqrt(2 pi)) + ...
        double r = 1 / Math.sqrt(2 * Math.PI);
        assertArrayEquals(new double[] {0, 0.5, r, 0, -r / 6}, Activation.gelu().taylorCoefficients(0, 4), 1e-16);
        // softplus = log 2 + x/2 + x^2/8 - x^4/192
        assertArrayEquals(new double[] {Math.log(2), 0.5, 0.125, 0, -1.0 / 192},
                Activation.softplus().taylorCoefficients(0, 4), 1e-16);
    }

    @Test
    void taylorSeriesAwayFromZeroMatchValueAndDerivative() {
        for (String s : ALL) {
            Activation a = Activation.parse(s);
            for (double x0 : new double[] {-1.3, 0.4, 2.2}) {
                double[] c = a.taylorCoefficients(x0, 16);
                assertEquals(a.value(x0), c[0], 1e-15, s);
                assertEquals(a.derivative(x0), c[1], 1e-14, s);
                // the series sums to f within its radius of convergence (> 0.2 for all of these)
                double h = 0.2;
                double sum = 0;
                for (int k = 16; k >= 0; k--) {
                    sum = sum * h + c[k];
                }
                assertEquals(a.value(x0 + h), sum, 1e-12, s + " at " + x0);
            }
        }
    }

    @Test
    void noTaylorSeriesAtAKinkOrForLambdas() {
        assertThrows(IllegalArgumentException.class, () -> Activation.relu().taylorCoefficients(0, 3));
        assertThrows(IllegalArgumentException.class, () -> Activation.elu(1).taylorCoefficients(0, 3));
        Activation sq = Activation.of("square", x -> x * x);
        assertThrows(IllegalArgumentException.class, () -> sq.taylorCoefficients(0, 3));
    }

    @Test
    void lambdasWithAndWithoutDerivative() {
        Activation cube = Activation.of("cube", x -> x * x * x);
        assertEquals(3 * 1.7 * 1.7, cube.derivative(1.7), 1e-10);
        assertEquals(Math.cos(0.3), Activation.of("sin", Math::sin).derivative(0.3), 1e-11);
        Activation abs = Activation.of("abs", Math::abs, Math::signum, 0.0);
        assertEquals("abs", abs.name());
        assertArrayEquals(new double[] {0}, abs.kinks());
        assertEquals(2.0, abs.applyAsDouble(-2.0));
    }
}
