package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The symmetries claimed in {@link BlockSymmetry} are symmetries of J (images built here by hand, not by the class),
 * and the ones not claimed are not.
 */
class BlockSymmetryTest {

    private final SplittableRandom rnd = new SplittableRandom(11);

    @Test
    void reluWithTheIdentityTargetHasPermutationsAndTheGlobalFlip() {
        BlockProblem p = BlockProblem.of(BlockSpec.defaults().width(3));
        assertEquals(2 * 6, p.symmetry().order());
        double[] x = BlockProblemTest.random(rnd, p.unknowns(), 1);
        double[] perm = swapNeurons(x, 0, 2);
        double[] flip = globalFlip(x);
        double[] both = globalFlip(swapNeurons(x, 1, 2));
        for (double[] y : new double[][] {perm, flip, both}) {
            assertEquals(p.loss(x), p.loss(y), 1e-12 * Math.abs(p.loss(x)));
            assertEquals(0, p.symmetry().distance(x, y), 1e-15);
        }
        // ReLU's fit has both parities: flipping one neuron changes J, and it is not in the group
        double[] neuron = neuronFlip(x, 1, false);
        assertTrue(Math.abs(p.loss(x) - p.loss(neuron)) > 1e-6);
        assertTrue(p.symmetry().distance(x, neuron) > 1e-3);
    }

    @Test
    void anOddActivationAddsPerNeuronFlips() {
        BlockProblem p = BlockProblem.of(BlockSpec.defaults().activation("tanh").degree(3).width(2));
        assertEquals(2 * 2 * 4, p.symmetry().order());
        double[] x = BlockProblemTest.random(rnd, p.unknowns(), 1);
        double[] y = globalFlip(neuronFlip(swapNeurons(x, 0, 1), 0, true));
        assertEquals(p.loss(x), p.loss(y), 1e-12 * Math.abs(p.loss(x)));
        assertEquals(0, p.symmetry().distance(x, y), 1e-15);
    }

    @Test
    void anAsymmetricTargetHasNoGlobalFlip() {
        BlockProblem p = BlockProblem.of(BlockSpec.defaults().width(2).target(Target.ACTIVATION));
        assertEquals(2, p.symmetry().order());
        double[] x = BlockProblemTest.random(rnd, p.unknowns(), 1);
        assertTrue(Math.abs(p.loss(x) - p.loss(globalFlip(x))) > 1e-6);
        assertTrue(p.symmetry().distance(x, globalFlip(x)) > 1e-3);
        assertEquals(0, p.symmetry().distance(x, swapNeurons(x, 0, 1)), 0);
    }

    @Test
    void canonicalFormIsInTheOrbit() {
        BlockProblem p = BlockProblem.of(BlockSpec.defaults().width(3));
        for (int trial = 0; trial < 20; trial++) {
            double[] x = BlockProblemTest.random(rnd, p.unknowns(), 1);
            double[] c = p.symmetry().canonical(x);
            assertEquals(0, p.symmetry().distance(x, c), 1e-15);
            assertTrue(c[LpsBlockSystem.w(0)] > 0);
            assertTrue(c[LpsBlockSystem.b(0)] >= c[LpsBlockSystem.b(1)] && c[LpsBlockSystem.b(1)] >= c[LpsBlockSystem.b(2)]);
            // the canonical form does not depend on which member of the orbit we start from
            double[] again = p.symmetry().canonical(globalFlip(swapNeurons(x, 0, 1)));
            assertEquals(0, maxDiff(c, again), 1e-15);
        }
    }

    static double[] swapNeurons(double[] x, int i, int j) {
        double[] y = x.clone();
        for (int r = 0; r < 3; r++) {
            y[3 * i + r] = x[3 * j + r];
            y[3 * j + r] = x[3 * i + r];
        }
        return y;
    }

    /** (w, b, v, c) -> (-w, b, -v, -c). */
    static double[] globalFlip(double[] x) {
        double[] y = x.clone();
        for (int j = 0; 3 * j + 2 < x.length; j++) {
            y[3 * j] = -x[3 * j];
            y[3 * j + 2] = -x[3 * j + 2];
        }
        y[x.length - 1] = -x[x.length - 1];
        return y;
    }

    /** (w_j, b_j) -> -(w_j, b_j), and v_j too when {@code withV}. */
    static double[] neuronFlip(double[] x, int j, boolean withV) {
        double[] y = x.clone();
        y[3 * j] = -x[3 * j];
        y[3 * j + 1] = -x[3 * j + 1];
        if (withV) {
            y[3 * j + 2] = -x[3 * j + 2];
        }
        return y;
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
