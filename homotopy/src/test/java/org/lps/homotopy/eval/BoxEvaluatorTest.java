package org.lps.homotopy.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The box evaluation encloses the exact values and Jacobian (computed in exact BigDecimal arithmetic from the
 * symbolic polynomials) at points drawn inside random boxes, including degenerate boxes (a point) and boxes
 * straddling zero.
 */
class BoxEvaluatorTest {

    /** Exact complex value of p at (xr, xi): {re, im}. */
    private static BigDecimal[] exact(Polynomial p, double[] xr, double[] xi) {
        int n = xr.length;
        BigDecimal sr = BigDecimal.ZERO, si = BigDecimal.ZERO;
        for (int t = 0; t < p.termCount(); t++) {
            BigDecimal mr = new BigDecimal(p.re(t)), mi = new BigDecimal(p.im(t));
            int[] a = p.exponents(t, n);
            for (int v = 0; v < n; v++) {
                for (int e = 0; e < a[v]; e++) {
                    BigDecimal br = new BigDecimal(xr[v]), bi = new BigDecimal(xi[v]);
                    BigDecimal r = mr.multiply(br).subtract(mi.multiply(bi));
                    mi = mr.multiply(bi).add(mi.multiply(br));
                    mr = r;
                }
            }
            sr = sr.add(mr);
            si = si.add(mi);
        }
        return new BigDecimal[] {sr, si};
    }

    private static void assertIn(double[] box, int o, BigDecimal[] v, String what) {
        assertTrue(new BigDecimal(box[o]).compareTo(v[0]) <= 0 && new BigDecimal(box[o + 1]).compareTo(v[0]) >= 0,
                () -> what + ": re " + v[0] + " outside [" + box[o] + ", " + box[o + 1] + "]");
        assertTrue(new BigDecimal(box[o + 2]).compareTo(v[1]) <= 0 && new BigDecimal(box[o + 3]).compareTo(v[1]) >= 0,
                () -> what + ": im " + v[1] + " outside [" + box[o + 2] + ", " + box[o + 3] + "]");
    }

    private static void check(PolynomialSystem s, long seed) {
        int n = s.variableCount(), m = s.equationCount();
        CompiledSystem cs = CompiledSystem.compile(s);
        double[] coef = new double[2 * cs.termCount()];
        int k = 0;
        for (Polynomial p : s.equations()) {
            for (int t = 0; t < p.termCount(); t++, k++) {
                coef[2 * k] = p.re(t);
                coef[2 * k + 1] = p.im(t);
            }
        }
        BoxEvaluator be = new BoxEvaluator(cs, BoxEvaluator.pointCoefficients(cs, coef));
        Polynomial[][] jac = s.jacobian();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] box = new double[4 * n], f = new double[4 * m], j = new double[4 * m * n];
        for (int trial = 0; trial < 20; trial++) {
            double width = trial == 0 ? 0 : Math.pow(10, -rnd.nextInt(1, 12));
            for (int v = 0; v < 4 * n; v += 2) {
                double c = rnd.nextDouble(-1.5, 1.5);
                box[v] = c - width * rnd.nextDouble();
                box[v + 1] = c + width * rnd.nextDouble();
            }
            be.valuesAndJacobian(box, f, j);
            for (int p = 0; p < 5; p++) {
                double[] xr = new double[n], xi = new double[n];
                for (int v = 0; v < n; v++) {
                    xr[v] = pick(rnd, box[4 * v], box[4 * v + 1]);
                    xi[v] = pick(rnd, box[4 * v + 2], box[4 * v + 3]);
                }
                for (int i = 0; i < m; i++) {
                    assertIn(f, 4 * i, exact(s.equation(i), xr, xi), "f" + i);
                    for (int v = 0; v < n; v++) {
                        assertIn(j, 4 * (i * n + v), exact(jac[i][v], xr, xi), "J" + i + "," + v);
                    }
                }
            }
        }
    }

    private static double pick(SplittableRandom r, double lo, double hi) {
        int c = r.nextInt(3);
        return c == 0 ? lo : c == 1 ? hi : Math.min(hi, Math.max(lo, lo + r.nextDouble() * (hi - lo)));
    }

    @Test
    void enclosesExactValuesAndJacobians() {
        check(StandardSystems.cyclic(5), 1);
        check(StandardSystems.katsura(4), 2);
        check(StandardSystems.noon(4), 3);
        check(StandardSystems.denseRandom(3, 4, 9), 4);
    }
}
