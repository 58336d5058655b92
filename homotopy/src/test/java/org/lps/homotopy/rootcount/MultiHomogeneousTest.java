package org.lps.homotopy.rootcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;

class MultiHomogeneousTest {

    private static BigInteger big(long x) {
        return BigInteger.valueOf(x);
    }

    @Test
    void recurrenceMatchesHandComputedCoefficients() {
        // (2a + b)(a + b)(3b), coefficient of a b^2: a from the first factor (2 * 1 * 3) or the second (1 * 1 * 3)
        assertEquals(big(9), MultiHomogeneous.bezout(new int[][] {{2, 1}, {1, 1}, {0, 3}}, new int[] {1, 2}, 1 << 10));
        // one group: the product of the degrees
        assertEquals(big(30), MultiHomogeneous.bezout(new int[][] {{2}, {3}, {5}}, new int[] {3}, 1 << 10));
        // singletons: the permanent of the degree matrix
        assertEquals(big(1 * 4 + 2 * 3), MultiHomogeneous.bezout(new int[][] {{1, 2}, {3, 4}}, new int[] {1, 1}, 16));
        // a group no equation can fill
        assertEquals(BigInteger.ZERO, MultiHomogeneous.bezout(new int[][] {{1, 0}, {1, 0}}, new int[] {1, 1}, 16));
    }

    @Test
    void recurrenceSwitchesToBigIntegerOnOverflow() {
        int[][] deg = new int[30][1];
        for (int[] d : deg) {
            d[0] = 7;
        }
        assertEquals(big(7).pow(30), MultiHomogeneous.bezout(deg, new int[] {30}, 1 << 10));
    }

    @Test
    void bilinearSystemHasTheBinomialBezoutNumber() {
        // four products (affine in x1, x2)(affine in y1, y2): total degree 16, 2-homogeneous C(4,2) = 6
        String eqs = "(x1 + 2*x2 + 1)*(y1 - y2 + 3)\n(3*x1 - x2 + 2)*(2*y1 + y2 - 1)\n"
                + "(x1 + x2 - 4)*(y1 + 5*y2 + 1)\n(2*x1 - 3*x2 + 1)*(y1 - 2*y2 + 2)";
        PolynomialSystem s = SystemParser.parse(eqs, "bilinear", Format.PLAIN);
        Partition xy = Partition.of(4, new int[] {0, 1}, new int[] {2, 3});
        assertEquals(List.of("x1", "x2", "y1", "y2"), s.variables());
        assertEquals(big(6), MultiHomogeneous.bezout(s, xy));
        assertEquals(big(16), MultiHomogeneous.bezout(s, Partition.single(4)));
        MultiHomogeneous.Bound best = MultiHomogeneous.best(s);
        assertEquals(big(6), best.bezout());
        assertEquals(xy, best.partition());
    }

    @Test
    void chandraIsTwoHomogeneousWithItsSolutionCount() {
        for (int n = 3; n <= 7; n++) {
            PolynomialSystem s = StandardSystems.chandra(n);
            int[] rest = new int[n - 1];
            for (int v = 0; v < n - 1; v++) {
                rest[v] = v;
            }
            Partition p = Partition.of(n, rest, new int[] {n - 1});
            assertEquals(big(1L << (n - 1)), MultiHomogeneous.bezout(s, p), "chandra" + n);
            assertEquals(big(1L << (n - 1)), MultiHomogeneous.best(s).bezout(), "chandra" + n);
        }
    }

    @Test
    void localSearchBeyondEightVariables() {
        // (the LPS block with k = 3, ten unknowns, is checked in lps-init's LpsBlockSystemTest)
        // eco-10: x10 against the rest is the classic 2-homogeneous structure; total degree 2 * 3^8
        PolynomialSystem eco = StandardSystems.eco(10);
        BigInteger best = MultiHomogeneous.best(eco).bezout();
        assertTrue(best.compareTo(MultiHomogeneous.bezout(eco, Partition.fromAssignment(lastApart(10)))) <= 0);
        assertTrue(best.compareTo(big(1L << 8)) >= 0, "below the solution count 2^8: " + best);
    }

    private static int[] lastApart(int n) {
        int[] a = new int[n];
        a[n - 1] = 1;
        return a;
    }

    @Test
    void exhaustiveSearchIsOptimal() {
        // every labelling of noon-4's four variables with four labels covers all partitions
        PolynomialSystem s = StandardSystems.noon(4);
        Supports sup = Supports.of(s);
        BigInteger min = null;
        for (int code = 0; code < 4 * 4 * 4 * 4; code++) {
            int[] a = {code & 3, code >> 2 & 3, code >> 4 & 3, code >> 6 & 3};
            Partition p = Partition.fromAssignment(a);
            BigInteger b = MultiHomogeneous.bezout(sup.degreeMatrix(p), MultiHomogeneous.sizes(p), 1 << 10);
            min = min == null ? b : min.min(b);
        }
        assertEquals(min, MultiHomogeneous.best(s).bezout());
    }
}
