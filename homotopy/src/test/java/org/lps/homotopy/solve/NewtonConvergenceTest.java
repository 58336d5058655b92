package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * {@link Refiner#convergesToRegularZero}, the test behind "Newton refutes the winding number" and "a large zero, not a
 * point at infinity". Since it accepts a simple zero at the roundoff floor of its condition number (discret3s:
 * condition 3e10 at |x| = 1e5, corrections stalling at 8e-8), it must refuse a double zero, whose condition number
 * near it is as moderate and whose corrections halve their way below any such floor (rose), however many steps
 * Newton gets; and still accept ill-conditioned simple zeros. Random instances of both, over scales.
 */
class NewtonConvergenceTest {

    private static Refiner refiner(PolynomialSystem s) {
        return new Refiner(CompiledSystem.compile(s), Refiner.absolute(s.equations(), s.variableCount()),
                EndpointOptions.DEFAULT);
    }

    private static Polynomial linear(int var, double re, double im) {
        return Polynomial.variable(var).subtract(Polynomial.constant(re, im));
    }

    /**
     * (x - a)(x - a (1 + eps)) = 0, y = b: two simple zeros eps |a| apart (condition up to 1e7); Newton starts
     * eps / 20 |a| from a and converges quadratically, which the linear-convergence guard must not mistake for a
     * multiple zero.
     */
    @Test
    void illConditionedSimpleZerosAreRegularZeros() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 60; trial++) {
            double scale = Math.pow(10, 2 + 4 * random.nextDouble());      // |a| in 1e2 .. 1e6
            double eps = Math.pow(10, -5 - 2 * random.nextDouble());       // separation 1e-5 .. 1e-7 relative
            double angle = 2 * Math.PI * random.nextDouble();
            double ar = scale * Math.cos(angle), ai = scale * Math.sin(angle);
            Polynomial f1 = linear(0, ar, ai).multiply(linear(0, ar * (1 + eps), ai * (1 + eps)));
            Polynomial f2 = linear(1, random.nextDouble(), random.nextDouble());
            Refiner r = refiner(new PolynomialSystem(List.of("x", "y"), List.of(f1, f2)));
            double[] x = {ar * (1 - eps / 20), ai * (1 - eps / 20), 0, 0};
            double rel = r.newton(x.clone(), 8);
            double[] y = x.clone();
            assertTrue(r.convergesToRegularZero(y, 8), "trial " + trial + ": |a| " + scale + ", eps " + eps
                    + ", last correction " + rel + ", condition " + r.condition(y));
            assertTrue(Math.hypot(y[0] - ar, y[1] - ai) < 0.5 * eps * scale, "trial " + trial + ": not the zero a, but " + y[0] + ", " + y[1]);
        }
    }

    /** (x - a)^2 = 0, y = b, from 1e-3 |a| away: Newton halves its way in, linearly; no regular zero, at any step count. */
    @Test
    void doubleZerosAreRefusedHoweverFarNewtonGets() {
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 60; trial++) {
            double scale = Math.pow(10, -1 + 4 * random.nextDouble());
            double angle = 2 * Math.PI * random.nextDouble();
            double ar = scale * Math.cos(angle), ai = scale * Math.sin(angle);
            Polynomial f1 = linear(0, ar, ai).pow(2);
            Polynomial f2 = linear(1, random.nextDouble(), random.nextDouble()).multiply(
                    Polynomial.constant(1 + random.nextDouble()));
            Refiner r = refiner(new PolynomialSystem(List.of("x", "y"), List.of(f1, f2)));
            double d = 1e-3 * Math.max(1, scale) * (0.5 + random.nextDouble());
            for (int steps : new int[] {8, 40}) {
                double[] x = {ar + d * Math.cos(3 * angle), ai + d * Math.sin(3 * angle), 0, 0};
                assertFalse(r.convergesToRegularZero(x, steps), "trial " + trial + ", " + steps + " steps: |a| "
                        + scale + ", condition " + r.condition(x));
            }
        }
    }
}
