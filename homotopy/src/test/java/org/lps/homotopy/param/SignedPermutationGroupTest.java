package org.lps.homotopy.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.poly.Polynomial;

class SignedPermutationGroupTest {

    private static SignedPermutation perm(int... index) {
        double[] s = new double[index.length];
        java.util.Arrays.fill(s, 1);
        return new SignedPermutation(index, s);
    }

    private static SignedPermutation signs(double... sign) {
        int[] index = new int[sign.length];
        java.util.Arrays.setAll(index, i -> i);
        return new SignedPermutation(index, sign);
    }

    /** Orders of familiar groups: dihedral D5 (10), the cyclic group of order 6, the signed permutations of 3 (48). */
    @Test
    void generatorsCloseToTheWholeGroup() {
        assertEquals(10, SignedPermutationGroup.generatedBy(5, List.of(perm(1, 2, 3, 4, 0), perm(4, 3, 2, 1, 0)))
                .order());
        assertEquals(6, SignedPermutationGroup.generatedBy(6, List.of(perm(1, 2, 3, 4, 5, 0))).order());
        assertEquals(48, SignedPermutationGroup.generatedBy(3, List.of(perm(1, 0, 2), perm(1, 2, 0),
                signs(-1, 1, 1))).order());
        assertTrue(SignedPermutationGroup.generatedBy(4, List.of()).elements().get(0).isIdentity());
    }

    @Test
    void anElementListMustBeAGroup() {
        SignedPermutation e = SignedPermutation.identity(3);
        assertThrows(IllegalArgumentException.class, () -> SignedPermutationGroup.of(3, List.of(e, perm(1, 2, 0))));
        assertThrows(IllegalArgumentException.class, () -> SignedPermutationGroup.of(3, List.of(perm(1, 0, 2), e)));
        assertEquals(2, SignedPermutationGroup.of(3, List.of(e, perm(1, 0, 2))).order());
    }

    /**
     * The invariants of degree <= 2 are invariant at random complex points, and their number is the number of orbits
     * of monomials that survive averaging: under the sign changes and permutations of 3 coordinates only sum x_i^2;
     * under D5, sum x_i, sum x_i^2, sum x_i x_{i+1} and sum x_i x_{i+2}.
     */
    @Test
    void invariantsAreInvariantAndSpanTheOrbitSums() {
        SignedPermutationGroup hyper = SignedPermutationGroup.generatedBy(3, List.of(perm(1, 0, 2), perm(1, 2, 0),
                signs(-1, 1, 1)));
        SignedPermutationGroup d5 = SignedPermutationGroup.generatedBy(5, List.of(perm(1, 2, 3, 4, 0),
                perm(4, 3, 2, 1, 0)));
        assertEquals(1, hyper.invariants(2).size());
        assertEquals(4, d5.invariants(2).size());
        SplittableRandom r = new SplittableRandom(7);
        for (SignedPermutationGroup g : List.of(hyper, d5)) {
            int n = g.size();
            for (Polynomial p : g.invariants(2)) {
                Complex[] x = new Complex[n];
                double[] xi = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    x[i] = new Complex(r.nextGaussian(), r.nextGaussian());
                    xi[2 * i] = x[i].getReal();
                    xi[2 * i + 1] = x[i].getImaginary();
                }
                Complex at = p.evaluate(x);
                for (double[] y : g.apply(xi)) {
                    Complex[] gy = new Complex[n];
                    for (int i = 0; i < n; i++) {
                        gy[i] = new Complex(y[2 * i], y[2 * i + 1]);
                    }
                    assertEquals(0, p.evaluate(gy).subtract(at).norm(), 1e-12 * Math.max(1, at.norm()));
                }
            }
        }
    }

    /** g after h applied to x is g(h(x)); extended elements leave the extra coordinates alone. */
    @Test
    void compositionAndExtension() {
        SignedPermutation g = new SignedPermutation(new int[] {2, 0, 1}, new double[] {-1, 1, 1});
        SignedPermutation h = new SignedPermutation(new int[] {1, 0, 2}, new double[] {1, -1, -1});
        double[] x = {1, 2, 3, 4, 5, 6};
        assertTrue(java.util.Arrays.equals(g.applyInterleaved(h.applyInterleaved(x)),
                g.after(h).applyInterleaved(x)));
        double[] xl = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = g.extended(1).applyInterleaved(xl);
        assertEquals(7, y[6]);
        assertEquals(8, y[7]);
    }
}
