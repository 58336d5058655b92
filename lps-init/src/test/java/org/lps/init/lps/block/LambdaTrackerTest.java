package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.param.ParameterizedSystem;

class LambdaTrackerTest {

    @Test
    void theFamilyAtLambdaIsTheBlocksGradient() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 1; k <= 2; k++) {
            for (double lambda : new double[] {1e-3, 0.1, 0.77}) {
                BlockSpec spec = BlockSpec.defaults().width(k).lambda(lambda).target(k == 1 ? Target.IDENTITY : Target.ACTIVATION);
                ParameterizedSystem f = LambdaFamily.of(spec);
                assertEquals(LpsBlockSystem.variableNames(k), f.variables());
                assertTrue(f.isAffine());
                BlockFunction direct = BlockProblem.of(spec).function();
                double[] theta = new double[3 * k + 1];
                double[] x = new double[2 * theta.length];
                for (int i = 0; i < theta.length; i++) {
                    theta[i] = rnd.nextDouble(-2, 2);
                    x[2 * i] = theta[i];
                }
                double[] grad = new double[theta.length];
                direct.evaluate(theta, grad);
                double[] fx = f.evaluate(x, LambdaFamily.point(lambda));
                for (int i = 0; i < theta.length; i++) {
                    assertEquals(grad[i], fx[2 * i], 1e-10 * Math.max(1, Math.abs(grad[i])), "k " + k + " eq " + i);
                    assertEquals(0, fx[2 * i + 1], 1e-12);
                }
            }
        }
    }

    @Test
    void trackedCriticalPointsEqualADirectSolve() {
        // counts from docs/lps.md (7 real at 0.1, 3 at 0.3) and the closed form of the k = 1 block (LambdaStudyTest)
        double[] lambdas = {0.003, 0.05, 0.2, 0.7};
        int[] real = {7, 7, 3, 1};
        int[] minima = {2, 2, 1, 1};
        for (long seed : new long[] {1, 2}) {
            try (LambdaTracker t = new LambdaTracker(BlockSpec.defaults(), seed, 2, null)) {
                assertEquals(25, t.generic().solutions().size());
                for (int i = 0; i < lambdas.length; i++) {
                    assertSame(t.at(lambdas[i]), BlockSpec.defaults().lambda(lambdas[i]), real[i], minima[i], seed);
                }
            }
        }
    }

    @Test
    void trackedEqualsDirectForAnotherTarget() {
        // the relu target (docs/lps.md: lambda 0.03 trains; at 0.3 every minimum is dead)
        BlockSpec spec = BlockSpec.defaults().target(Target.ACTIVATION);
        try (LambdaTracker t = new LambdaTracker(spec, 3, 2, null)) {
            for (double lambda : new double[] {0.03, 0.3}) {
                BlockSolution direct = BlockSolver.solve(BlockProblem.of(spec.lambda(lambda)), 3, 2, null);
                assertSame(t.at(lambda), spec.lambda(lambda), (int) direct.realCritical(), direct.minima().size(), 3);
            }
        }
    }

    private static void assertSame(LambdaTracker.Snapshot s, BlockSpec spec, int real, int minima, long seed) {
        String at = spec + " seed " + seed;
        BlockProblem problem = BlockProblem.of(spec);
        BlockSolution direct = BlockSolver.solve(problem, seed, 2, null);
        assertEquals(0, s.result().failed(), at);
        assertEquals(direct.finite(), s.result().solutions().size(), at);
        assertEquals(real, direct.realCritical(), at);
        assertEquals(real, s.real().points().size(), at);
        assertEquals(minima, direct.minima().size(), at);
        assertEquals(minima, s.real().minima().size(), at);
        assertEquals(direct.saddles(), s.real().orbits(CriticalPoint.Kind.SADDLE), at);
        for (CriticalPoint m : direct.minima()) {
            assertTrue(s.real().contains(m.theta(), m.loss(), problem.symmetry()), at + ": direct minimum " + m);
        }
    }
}
