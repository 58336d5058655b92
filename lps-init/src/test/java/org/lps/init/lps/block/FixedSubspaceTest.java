package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.param.SignedPermutation;

/**
 * The fixed subspaces of the ReLU block's group (k! neuron permutations and the flip (w, b, v, c) -> (-w, b, -v, -c)):
 * every point of Fix(g) is fixed by g, its dimension is the number of g's orbits on the coordinates that are not
 * forced to zero, and the k = 2 best minimum (two mirrored neurons, c = 0) lies on one of the strata.
 */
class FixedSubspaceTest {

    private static List<SignedPermutation> group(int k) {
        BlockSpec spec = BlockSpec.defaults().activation("relu").degree(2).width(k).lambda(0.1);
        return BlockProblem.of(spec).symmetry().elements();
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "3"})
    void pointsOfAFixedSubspaceAreFixed(int k) {
        int n = 3 * k + 1;
        SplittableRandom r = new SplittableRandom(k);
        for (SignedPermutation g : group(k)) {
            FixedSubspace l = FixedSubspace.whole(n).fixedBy(g);
            double[] y = new double[2 * l.dimension()];
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextGaussian();
            }
            double[] x = l.embed(y);
            double[] gx = new double[x.length];
            for (int i = 0; i < n; i++) {
                gx[2 * i] = g.sign()[i] * x[2 * g.index()[i]];
                gx[2 * i + 1] = g.sign()[i] * x[2 * g.index()[i] + 1];
            }
            assertArrayEquals(x, gx, 0.0);
        }
    }

    /** Strata up to conjugacy: k = 1: the whole space and Fix(flip) = {w = v = c = 0}; k = 2: 5; k = 3: 7. */
    @ParameterizedTest
    @CsvSource({"1,2", "2,5", "3,7"})
    void strataUpToConjugacy(int k, int count) {
        List<FixedSubspace> s = FixedSubspace.strata(3 * k + 1, group(k));
        assertEquals(count, s.size());
        assertEquals(3 * k + 1, s.get(0).dimension());
    }

    /** Equal as numbers (-0.0 == 0.0, which Arrays.equals does not grant). */
    private static boolean same(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @CsvSource({"2"})
    void theMirroredPairIsOnAStratum(int k) {
        double w = 0.8035, b = 0.3923, v = 0.8035;
        double[] theta = {w, b, v, -w, b, -v, 0};
        boolean found = false;
        for (SignedPermutation g : group(k)) {
            double[] gx = g.apply(theta);
            if (!java.util.Arrays.equals(g.index(), new int[] {0, 1, 2, 3, 4, 5, 6})
                    && same(gx, theta)) {
                found = true;
            }
        }
        assertTrue(found, "the k = 2 best minimum is fixed by swapping the neurons and flipping t");
    }

    /**
     * A subspace's stabilizer acts on its coordinates: for every listed h, g E y = E h y for the g it comes from, so
     * E h y is again in the subspace and is g's image; the whole space's stabilizer is the group without the identity,
     * and a stratum has fewer elements (the k = 3 strata's orders printed by the solver's doc).
     */
    @ParameterizedTest
    @CsvSource({"2", "3"})
    void theStabilizerActsOnTheSubspace(int k) {
        List<SignedPermutation> g = group(k);
        SplittableRandom r = new SplittableRandom(7 + k);
        for (FixedSubspace l : FixedSubspace.strata(3 * k + 1, g)) {
            List<SignedPermutation> h = l.stabilizer(g);
            if (l.dimension() == 3 * k + 1) {
                assertEquals(g.size() - 1, h.size());
            }
            double[] y = new double[2 * l.dimension()];
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextGaussian();
            }
            double[] x = l.embed(y);
            for (SignedPermutation e : h) {
                double[] hy = new double[y.length];
                for (int j = 0; j < l.dimension(); j++) {
                    hy[2 * j] = e.sign()[j] * y[2 * e.index()[j]];
                    hy[2 * j + 1] = e.sign()[j] * y[2 * e.index()[j] + 1];
                }
                double[] ehy = l.embed(hy);
                boolean isImage = false;
                for (SignedPermutation a : g) {
                    double[] ax = new double[x.length];
                    for (int i = 0; i < 3 * k + 1; i++) {
                        ax[2 * i] = a.sign()[i] * x[2 * a.index()[i]];
                        ax[2 * i + 1] = a.sign()[i] * x[2 * a.index()[i] + 1];
                    }
                    isImage |= same(ax, ehy);
                }
                assertTrue(isImage, "h y is the image of a group element, dimension " + l.dimension());
                assertTrue(!same(hy, y), "h is not the identity on the subspace");
            }
        }
    }
}
