package org.lps.init.lps.block;

import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.solve.ParameterSolver;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;

/**
 * The block's critical points followed across lambda by parameter homotopy (Morgan-Sommese): grad J(theta; lambda)
 * = 0 ({@link LambdaFamily}) is solved once at a random complex lambda with the design's linear-product start system,
 * and every later lambda is reached by tracking those solutions along a gamma-trick path from there
 * ({@link ParameterSolver#track}), never by a new solve. At a generic complex lambda every isolated solution is
 * nonsingular, so their number bounds the number of isolated critical points at every lambda, and the gamma path
 * misses the lambdas where solutions meet; a real lambda's real critical points are then polished and classified as
 * {@link BlockSolver} does ({@link RealCriticalPoints}).
 *
 * <p>Deterministic for a seed on any thread count ({@link ParameterSolver}). Holds the solver's threads: close it.
 */
public final class LambdaTracker implements AutoCloseable {

    /** What the parameter homotopy found at one real lambda. */
    public record Snapshot(double lambda, SolveResult result, RealCriticalPoints real) {
    }

    private final BlockSpec spec;
    private final ParameterSolver solver;
    private final ParameterSolver.Generic generic;

    /**
     * Solves the family at the generic point (the expensive step: the design's linear-product paths).
     *
     * @param spec     the block; its lambda is ignored
     * @param progress told the generic solve's paths done, or null
     */
    public LambdaTracker(BlockSpec spec, long seed, int threads, SolveOptions.Progress progress) {
        this.spec = spec;
        ParameterizedSystem family = LambdaFamily.of(spec);
        SolveOptions options = SolveOptions.defaults().seed(seed).threads(threads)
                .setStructure(LpsBlockSystem.designStructure(spec.width(), spec.degree()));
        if (progress != null) {
            options = options.progress(progress);
        }
        this.solver = new ParameterSolver(family, options);
        this.generic = solver.solveGeneric();
    }

    public BlockSpec spec() {
        return spec;
    }

    /** The generic solve: its parameter point, its nonsingular solutions (the start of every track) and its result. */
    public ParameterSolver.Generic generic() {
        return generic;
    }

    /** The solutions at the real {@code lambda} (> 0), tracked from the generic point, and its real critical points. */
    public Snapshot at(double lambda) {
        BlockProblem problem = BlockProblem.of(spec.lambda(lambda));
        SolveResult r = solver.track(generic.parameters(), generic.solutions(), LambdaFamily.point(lambda));
        return new Snapshot(lambda, r, RealCriticalPoints.of(problem, r.solutions()));
    }

    @Override
    public void close() {
        solver.close();
    }
}
