package org.lps.polyapprox.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.measure.Measure;

/**
 * Every minimax result equioscillates (Chebyshev's characterisation of the best uniform approximation),
 * and the methods are ordered as theory says: L2 is best in L2, minimax is best in max error.
 */
class MinimaxTest {

    static final String[] ACTIVATIONS = {"relu", "leaky-relu:0.1", "elu", "gelu", "silu", "tanh", "sigmoid", "softplus"};
    static final String[] MEASURES = {"gaussian", "uniform:-1:1", "uniform:-3:5", "gaussian:1:0.5"};
    static final int[] DEGREES = {0, 1, 2, 3, 4, 5, 6, 8, 12};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String a : ACTIVATIONS) {
            for (String m : MEASURES) {
                out.add(Arguments.of(a, m));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void minimaxEquioscillatesAndBeatsEveryOtherMethodInMaxError(String act, String meas) {
        Activation f = Activation.parse(act);
        Measure m = Measure.parse(meas);
        for (int d : DEGREES) {
            FitResult mm = PolyFit.fit(f, d, m, Method.MINIMAX);
            String what = act + " degree " + d + " on " + meas;
            assertEquioscillates(f, mm, what);
            FitResult l2 = PolyFit.fit(f, d, m, Method.L2);
            FitResult cheb = PolyFit.fit(f, d, m, Method.CHEBYSHEV);
            assertTrue(mm.maxError() <= l2.maxError() * (1 + 1e-9), what + ": minimax worse than l2 in max error");
            assertTrue(mm.maxError() <= cheb.maxError() * (1 + 1e-9), what + ": minimax worse than chebyshev");
            assertTrue(l2.l2Error() <= mm.l2Error() * (1 + 1e-9), what + ": l2 worse than minimax in l2");
            assertTrue(l2.l2Error() <= cheb.l2Error() * (1 + 1e-9), what + ": l2 worse than chebyshev in l2");
        }
    }

    @org.junit.jupiter.api.Test
    void errorsAtRoundingLevelGiveTheChebyshevInterpolantWithoutAReference() {
        // tanh on a 0.1-wide interval at degree 7: the best error is ~1e-16, pure rounding noise
        Activation f = Activation.tanh();
        Measure m = Measure.parse("uniform:0.5:0.6");
        FitResult mm = PolyFit.fit(f, 7, m, Method.MINIMAX);
        assertTrue(mm.maxError() < 1e-14, "max error " + mm.maxError());
        assertEquals(0, mm.equioscillationPoints().length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(PolyFit.fit(f, 7, m, Method.CHEBYSHEV).coefficients(),
                mm.coefficients(), 0);
    }

    /**
     * Independently of Remez's own bookkeeping: scan the error of the returned monomial polynomial on a fine
     * grid and find d + 2 points, in increasing order, with alternating signs and |error| equal to the
     * maximum error (to 1e-4 relative: Brent's refinement gives the exact extremum, the grid only its
     * neighbourhood), after checking the same, to 1e-9 relative, at the reference Remez returns.
     */
    static void assertEquioscillates(Activation f, FitResult r, String what) {
        int d = r.degree();
        double[] ref = r.equioscillationPoints();
        assertEquals(d + 2, ref.length, what);
        double max = r.maxError();
        double lo = r.measure().lower();
        double hi = r.measure().upper();
        double fScale = 0;
        for (int i = 0; i <= 64; i++) {
            fScale = Math.max(fScale, Math.abs(f.value(lo + (hi - lo) * i / 64)));
        }
        // rounding limits how equal the extrema can look when the error itself is tiny (see Remez.noiseFloor)
        double tol = Math.max(1e-9 * max, Remez.noiseFloor(fScale, d)) + 1e-15;
        double sign = 0;
        for (int i = 0; i < ref.length; i++) {
            double e = f.value(ref[i]) - r.value(ref[i]);
            assertEquals(max, Math.abs(e), tol, what + " at reference point " + i);
            if (i > 0) {
                assertTrue(ref[i] > ref[i - 1], what);
                assertTrue(Math.signum(e) == -sign, what + ": signs do not alternate");
            }
            sign = Math.signum(e);
        }
        // the reported max error is the true max (nothing on a fine grid exceeds it)
        int n = 20000;
        int alternations = 0;
        double lastSign = 0;
        for (int i = 0; i <= n; i++) {
            double x = lo + (hi - lo) * i / n;
            double e = f.value(x) - r.value(x);
            assertTrue(Math.abs(e) <= max + tol, what + ": error " + e + " at " + x + " exceeds " + max);
            if (Math.abs(e) >= max - (1e-4 * max + tol) && Math.signum(e) != lastSign) {
                alternations++;
                lastSign = Math.signum(e);
            }
        }
        assertTrue(alternations >= d + 2, what + ": only " + alternations + " alternations on the grid");
    }
}
