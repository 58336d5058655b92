package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.param.SignedPermutation;

/** The block solve's counts, certified: finite, real and minima up to symmetry, as theorems. */
class BlockCertifierTest {

    private static BlockSolver.Certified solve(String activation, int k, int d) {
        BlockSpec spec = BlockSpec.defaults().activation(activation).degree(d).width(k);
        return BlockSolver.solveCertified(BlockProblem.of(spec), 1, 2, null);
    }

    private static void assertCertified(BlockSolver.Certified c) {
        BlockSolution s = c.solution();
        BlockCertificate k = c.certificate();
        assertEquals(0, s.singular());
        assertEquals(s.finite(), k.certifiedFinite(), "finite");
        assertEquals(s.realCritical(), k.certifiedReal(), "real");
        assertEquals(s.minima().size(), k.certifiedMinima(), "minima up to symmetry");
        long minimaZeros = s.minima().stream().mapToLong(CriticalPoint::copies).sum();
        assertEquals(minimaZeros, k.minimaZeros(), "minima before grouping by symmetry");
    }

    /**
     * The LPS k = 2 block of DESIGN.md (ReLU, d = 2, lambda = 0.1): 273 finite solutions, 29 real, 3 minima up to
     * symmetry, every one proved. The slow test of the class (the solve takes ~17 s on 2 cores).
     */
    @Test
    void theK2BlockCertifies273Finite29Real3Minima() {
        BlockSolver.Certified c = solve("relu", 2, 2);
        assertEquals(273, c.solution().finite());
        assertEquals(29, c.solution().realCritical());
        assertEquals(3, c.solution().minima().size());
        assertCertified(c);
    }

    @ParameterizedTest
    @CsvSource({"relu,1,2", "relu,1,3", "tanh,1,3", "gelu,1,2"})
    void k1BlocksCertifyCompletely(String activation, int k, int d) {
        assertCertified(solve(activation, k, d));
    }

    @Test
    void theGroupElementsAreSymmetriesOfJAndAllDistinct() {
        for (BlockSpec spec : List.of(BlockSpec.defaults().width(3), BlockSpec.defaults().activation("tanh").degree(3).width(2))) {
            BlockProblem p = BlockProblem.of(spec);
            List<SignedPermutation> g = p.symmetry().elements();
            assertEquals(p.symmetry().order(), g.size());
            double[] x = BlockProblemTest.random(new java.util.SplittableRandom(3), p.unknowns(), 1);
            Set<List<Double>> images = new HashSet<>();
            for (SignedPermutation e : g) {
                double[] y = e.apply(x);
                assertEquals(p.loss(x), p.loss(y), 1e-12 * Math.abs(p.loss(x)));
                assertEquals(0, p.symmetry().distance(x, y), 1e-15);
                List<Double> key = new ArrayList<>();
                for (double v : y) {
                    key.add(v);
                }
                images.add(key);
            }
            assertEquals(g.size(), images.size(), "distinct images of a generic point");
        }
    }

    @Test
    void groupingNeedsTheSymmetry() {
        // two boxes mirror images under the global flip (w, b, v, c) -> (-w, b, -v, -c) of the ReLU block (k = 1)
        BlockSymmetry sym = BlockProblem.of(BlockSpec.defaults().width(1)).symmetry();
        double[] a = {0.8, 0.8 + 1e-12, 0.3, 0.3 + 1e-12, 0.5, 0.5 + 1e-12, 0.1, 0.1 + 1e-12};
        double[] b = {-0.8 - 1e-12, -0.8, 0.3, 0.3 + 1e-12, -0.5 - 1e-12, -0.5, -0.1 - 1e-12, -0.1};
        double[] far = {-0.8 - 1e-12, -0.8, 0.4, 0.4 + 1e-12, -0.5 - 1e-12, -0.5, -0.1 - 1e-12, -0.1};
        assertEquals(1, BlockCertifier.groups(List.of(a, b), sym));
        assertEquals(2, BlockCertifier.groups(List.of(a, far), sym));
        assertTrue(BlockCertifier.groups(List.of(), sym) == 0);
    }
}
