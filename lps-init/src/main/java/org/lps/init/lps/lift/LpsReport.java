package org.lps.init.lps.lift;

import java.math.BigInteger;
import java.util.List;
import org.lps.init.lps.block.BlockCache;

/**
 * What {@code lps init --json} prints under "lps" (docs/design.md's keys first: degree, coefficients, paths, totalDegree,
 * linearProductBound, realSolutions, minima, seconds), then the rest of the block solve, the prototype used, the
 * input assumption and the per-layer predictions. When a model has hidden layers with different activations, the
 * top-level block figures are those of the first hidden layer's activation and {@code blocks} has them all.
 *
 * @param degree             d, the degree of the activation's fit
 * @param coefficients       the fit, a_0 first
 * @param paths              paths tracked for the block
 * @param totalDegree        Bezout's bound of the block's gradient system
 * @param linearProductBound docs/design.md's set-structure bound (= paths)
 * @param realSolutions      real critical points (solutions, not orbits)
 * @param minima             local minima, distinct up to symmetry
 * @param seconds            time spent in this initialization (block solves, or 0 for cached ones, and the lift)
 * @param blocks             every block used
 * @param prototype          the (|w|, b) pairs the units use (the best minimum's live neurons, or all minima's)
 * @param gains              how the hidden layers' gains were set (fixed, balanced, or unit and why)
 * @param inputs             where the input statistics come from
 * @param layers             per layer: input statistics used, predicted pre-activation mean and std
 */
public record LpsReport(int degree, double[] coefficients, long paths, BigInteger totalDegree,
                        BigInteger linearProductBound, long realSolutions, int minima, double seconds,
                        List<Block> blocks, List<double[]> prototype, String prototypeChoice, String gains, String inputs,
                        List<LayerPrediction> layers) {

    /**
     * One solved block, for reports.
     *
     * @param cached whether it came from {@link BlockCache}, in memory or from its disk store (then {@code solveSeconds}
     *               is the original solve's)
     */
    public record Block(String activation, int degree, int fitDegree, double[] coefficients, int width, double lambda,
                        String target, String fitMeasure, long paths, long failed, long atInfinity, long finite,
                        long singular, long realSolutions, int minima, int saddles, int maxima, int degenerate,
                        String symmetry, List<Minimum> minimaFound, double solveSeconds, boolean cached) {
    }

    /** A local minimum of the block: J, theta = (w_1, b_1, v_1, ..., c) in canonical form, solutions in its orbit. */
    public record Minimum(double loss, double[] theta, int copies) {
    }
}
