package org.lps.init.lps.block;

import java.math.BigInteger;
import java.util.List;

/**
 * Everything the homotopy solve of one block problem found (docs/design.md, LPS steps 3-4). Counts of paths count paths;
 * counts of solutions count distinct solutions of grad J = 0; {@code minima}, {@code saddles}, ... count symmetry
 * orbits of real critical points ({@link BlockSymmetry}), {@code realCritical} the real solutions themselves.
 *
 * @param spec               the block problem
 * @param coefficients       the fitted p, a_0 first
 * @param fitDegree          the degree of p itself (relu: 2 at d = 3)
 * @param totalDegree        Bezout's bound for grad J = 0
 * @param linearProductBound the root count of docs/design.md's set structure: the number of paths
 * @param paths              paths tracked
 * @param failed             paths that failed (after the solver's conservative retry)
 * @param atInfinity         paths that diverged
 * @param finite             distinct finite solutions
 * @param singular           of which singular
 * @param realCritical       real finite solutions that polish (Newton in real arithmetic) to a critical point
 * @param minima             the distinct local minima up to symmetry, by J ascending (orbit representatives;
 *                           {@code copies} = solutions in the orbit)
 * @param saddles            real critical orbits with both signs of Hessian eigenvalues
 * @param maxima             real critical orbits with a negative definite Hessian
 * @param degenerate         real critical orbits with a zero Hessian eigenvalue (no second-order verdict)
 * @param seconds            wall time of solve and classification
 */
public record BlockSolution(BlockSpec spec, double[] coefficients, int fitDegree, BigInteger totalDegree,
                            BigInteger linearProductBound, long paths, long failed, long atInfinity, long finite,
                            long singular, long realCritical, List<CriticalPoint> minima, int saddles, int maxima,
                            int degenerate, double seconds) {

    public BlockSolution {
        coefficients = coefficients.clone();
        minima = List.copyOf(minima);
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Whether {@code minimum} (found by other means, e.g. {@link LocalSearch}) is one of these minima up to symmetry. */
    public boolean contains(CriticalPoint minimum) {
        return Orbits.contains(minima, minimum.theta(), minimum.loss(), BlockProblem.of(spec).symmetry());
    }

    /** The minimum with the smallest J. */
    public CriticalPoint best() {
        if (minima.isEmpty()) {
            throw new IllegalStateException("the block " + spec + " has no real local minimum");
        }
        return minima.get(0);
    }
}
