package org.lps.homotopy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

class CompiledSystemTest {

    /** Compares the compiled values and Jacobian with the symbolic ones, entry by entry, relative to scale. */
    private static void assertMatchesSymbolic(PolynomialSystem s, long seed) {
        int n = s.variableCount(), m = s.equationCount();
        Evaluator ev = CompiledSystem.compile(s).evaluator();
        Polynomial[][] jac = s.jacobian();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * n], f = new double[2 * m], j = new double[2 * m * n], g = new double[2 * m];
        for (int trial = 0; trial < 5; trial++) {
            double[] xr = new double[n], xi = new double[n];
            for (int v = 0; v < n; v++) {
                xr[v] = x[2 * v] = rnd.nextDouble(-1.5, 1.5);
                xi[v] = x[2 * v + 1] = trial == 0 ? 0.0 : rnd.nextDouble(-1.5, 1.5);
            }
            ev.valuesAndJacobian(x, f, j);
            ev.values(x, g);
            for (int i = 0; i < m; i++) {
                Complex want = s.equation(i).evaluate(xr, xi);
                double scale = 1 + want.norm();
                assertEquals(want.getReal(), f[2 * i], 1e-12 * scale);
                assertEquals(want.getImaginary(), f[2 * i + 1], 1e-12 * scale);
                assertEquals(f[2 * i], g[2 * i], 1e-13 * scale);
                assertEquals(f[2 * i + 1], g[2 * i + 1], 1e-13 * scale);
                for (int v = 0; v < n; v++) {
                    Complex d = jac[i][v].evaluate(xr, xi);
                    double ds = 1 + d.norm();
                    assertEquals(d.getReal(), j[2 * (i * n + v)], 1e-12 * ds);
                    assertEquals(d.getImaginary(), j[2 * (i * n + v) + 1], 1e-12 * ds);
                }
            }
        }
    }

    @Test
    void familiesMatchSymbolicEvaluation() {
        assertMatchesSymbolic(StandardSystems.cyclic(7), 1);
        assertMatchesSymbolic(StandardSystems.katsura(6), 2);
        assertMatchesSymbolic(StandardSystems.noon(5), 3);
        assertMatchesSymbolic(StandardSystems.eco(6), 4);
        assertMatchesSymbolic(StandardSystems.chandra(5), 5);
        assertMatchesSymbolic(StandardSystems.reimer(4), 6);
    }

    @Test
    void denseRandomSystemsMatch() {
        assertMatchesSymbolic(StandardSystems.denseRandom(4, 3, 11), 7);
        assertMatchesSymbolic(StandardSystems.denseRandom(3, 6, 12), 8);
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        // holomorphic maps: a real-direction central difference gives the complex derivative
        PolynomialSystem s = StandardSystems.denseRandom(3, 4, 21);
        int n = 3;
        Evaluator ev = CompiledSystem.compile(s).evaluator();
        double[] x = {0.3, -0.2, -0.7, 0.4, 0.5, 0.1};
        double[] f = new double[6], j = new double[18], fp = new double[6], fm = new double[6];
        ev.valuesAndJacobian(x, f, j);
        double h = 1e-6;
        for (int v = 0; v < n; v++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[2 * v] += h;
            xm[2 * v] -= h;
            ev.values(xp, fp);
            ev.values(xm, fm);
            for (int i = 0; i < 3; i++) {
                assertEquals((fp[2 * i] - fm[2 * i]) / (2 * h), j[2 * (i * n + v)], 1e-6);
                assertEquals((fp[2 * i + 1] - fm[2 * i + 1]) / (2 * h), j[2 * (i * n + v) + 1], 1e-6);
            }
        }
    }

    @Test
    void zeroCoordinatesAreFine() {
        // prefix/suffix products need no division, so the Jacobian at 0 is exact
        PolynomialSystem s = StandardSystems.cyclic(5);
        Evaluator ev = CompiledSystem.compile(s).evaluator();
        double[] x = new double[10], f = new double[10], j = new double[50];
        x[0] = 2;   // x1 = 2, others 0
        ev.valuesAndJacobian(x, f, j);
        // f1 = sum x_i: d/dx_v = 1 everywhere
        for (int v = 0; v < 5; v++) {
            assertEquals(1.0, j[2 * v]);
        }
        // f2 = x1x2 + x2x3 + ... + x5x1: d/dx2 = x1 + x3 = 2, d/dx5 = x4 + x1 = 2, d/dx3 = x2 + x4 = 0
        assertEquals(2.0, j[2 * (5 + 1)]);
        assertEquals(2.0, j[2 * (5 + 4)]);
        assertEquals(0.0, j[2 * (5 + 2)]);
        assertEquals(-1.0, f[8]);   // x1...x5 - 1
    }

    /**
     * Run-time coefficients: evaluating a system's monomials with other coefficients c gives what compiling the
     * system with those coefficients gives, and the derivative values reuse the monomials of the last point.
     */
    @Test
    void runTimeCoefficientsMatchCompiledOnes() {
        PolynomialSystem s = StandardSystems.katsura(4);
        int n = s.variableCount();
        CompiledSystem shape = CompiledSystem.compile(s);
        SplittableRandom rnd = new SplittableRandom(8);
        double[] c = new double[2 * shape.termCount()];
        java.util.List<Polynomial> other = new java.util.ArrayList<>();
        int k = 0;
        for (Polynomial p : s.equations()) {
            java.util.List<Polynomial> terms = new java.util.ArrayList<>();
            for (int t = 0; t < p.termCount(); t++, k++) {
                c[2 * k] = rnd.nextGaussian();
                c[2 * k + 1] = rnd.nextGaussian();
                terms.add(Polynomial.monomial(c[2 * k], c[2 * k + 1], p.exponents(t, n)));
            }
            other.add(Polynomial.sum(terms));
        }
        Evaluator runtime = shape.evaluator();
        Evaluator compiled = CompiledSystem.compile(other, n).evaluator();
        double[] x = new double[2 * n];
        for (int v = 0; v < 2 * n; v++) {
            x[v] = rnd.nextDouble(-1, 1);
        }
        double[] f1 = new double[2 * n], j1 = new double[2 * n * n], f2 = new double[2 * n], j2 = new double[2 * n * n];
        runtime.valuesAndJacobian(x, c, f1, j1);
        compiled.valuesAndJacobian(x, f2, j2);
        for (int i = 0; i < 2 * n; i++) {
            assertEquals(f2[i], f1[i], 1e-13);
        }
        for (int i = 0; i < j1.length; i++) {
            assertEquals(j2[i], j1[i], 1e-13);
        }
        // the system's own coefficients through the run-time path reproduce the compiled evaluation
        double[] own = new double[2 * shape.termCount()];
        k = 0;
        for (Polynomial p : s.equations()) {
            for (int t = 0; t < p.termCount(); t++, k++) {
                own[2 * k] = p.re(t);
                own[2 * k + 1] = p.im(t);
            }
        }
        runtime.valuesAtLastPoint(own, f1);
        shape.evaluator().values(x, f2);
        for (int i = 0; i < 2 * n; i++) {
            assertEquals(f2[i], f1[i], 1e-13);
        }
    }

    /**
     * Powers up to the parser's exponent limit (10000) compile without a deep recursion (x^10000 once overflowed
     * the stack) into a short table, and evaluate to exp(i k theta) on the unit circle, value and derivative.
     */
    @Test
    void highPowersUpToTheExponentLimit() {
        for (int k : new int[] {1, 2, 3, 17, 1000, 7000, 8500, 9999, 10_000}) {
            PolynomialSystem s = new PolynomialSystem(java.util.List.of("x"),
                    java.util.List.of(Polynomial.monomial(1, 0, k).subtract(Polynomial.constant(1))));
            CompiledSystem c = CompiledSystem.compile(s);
            // x^k and x^(k-1) by halving and one multiplication: O(log k) entries, not k
            assertTrue(c.monomialCount() <= 4 * (32 - Integer.numberOfLeadingZeros(k)) + 2,
                    "x^" + k + " needs " + c.monomialCount() + " table entries");
            double theta = 0.7390851332151607;   // any angle; cos(theta) = theta, for a digit-rich point
            double[] x = {Math.cos(theta), Math.sin(theta)}, f = new double[2], j = new double[2];
            c.evaluator().valuesAndJacobian(x, f, j);
            // the rounding error of a product of k factors grows like k * eps
            double tol = 4 * k * Math.ulp(1.0);
            assertEquals(Math.cos(k * theta) - 1, f[0], tol, "Re f, k = " + k);
            assertEquals(Math.sin(k * theta), f[1], tol, "Im f, k = " + k);
            assertEquals(k * Math.cos((k - 1) * theta), j[0], k * tol, "Re f', k = " + k);
            assertEquals(k * Math.sin((k - 1) * theta), j[1], k * tol, "Im f', k = " + k);
        }
    }

    /** Mixed monomials of the limit degree, and several high powers sharing their halves, against the symbolic evaluation. */
    @Test
    void mixedHighDegreeMonomialsMatchSymbolicEvaluation() {
        Polynomial x = Polynomial.variable(0), y = Polynomial.variable(1), z = Polynomial.variable(2);
        PolynomialSystem s = new PolynomialSystem(java.util.List.of("x", "y", "z"), java.util.List.of(
                x.pow(5000).multiply(y.pow(4999)).multiply(z).add(Polynomial.constant(2)),
                x.pow(9000).add(y.pow(8999)).add(z.pow(3)),
                x.pow(4).multiply(y.pow(4)).multiply(z.pow(4)).subtract(x.multiply(y).multiply(z))));
        // on |x| = |y| = |z| = 1 nothing under- or overflows, and the symbolic reference is a plain chain of products
        Evaluator ev = CompiledSystem.compile(s).evaluator();
        Polynomial[][] jac = s.jacobian();
        double[] a = {0.3, -1.1, 2.0};
        double[] xr = new double[3], xi = new double[3], pt = new double[6];
        for (int v = 0; v < 3; v++) {
            xr[v] = pt[2 * v] = Math.cos(a[v]);
            xi[v] = pt[2 * v + 1] = Math.sin(a[v]);
        }
        double[] f = new double[6], j = new double[18];
        ev.valuesAndJacobian(pt, f, j);
        for (int i = 0; i < 3; i++) {
            Complex want = s.equation(i).evaluate(xr, xi);
            assertEquals(want.getReal(), f[2 * i], 1e-10);
            assertEquals(want.getImaginary(), f[2 * i + 1], 1e-10);
            for (int v = 0; v < 3; v++) {
                Complex d = jac[i][v].evaluate(xr, xi);
                assertEquals(d.getReal(), j[2 * (i * 3 + v)], 1e-10 * (1 + d.norm()));
                assertEquals(d.getImaginary(), j[2 * (i * 3 + v) + 1], 1e-10 * (1 + d.norm()));
            }
        }
    }
}
