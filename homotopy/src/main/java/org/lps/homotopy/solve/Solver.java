package org.lps.homotopy.solve;

import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.start.StartKind;

/**
 * Finds all isolated solutions of a square polynomial system by homotopy continuation.
 *
 * <pre>{@code
 * SolveResult r = Solver.solve(StandardSystems.katsura(6), SolveOptions.defaults().seed(1));
 * r.nonsingular();                         // 64
 * for (Solution s : r.realSolutions()) { s.coordinates(); s.condition(); }
 * }</pre>
 *
 * <p>A composition of the public stages, in the order data flows: {@link SolvePlan} (start system and homotopy,
 * randomness from the seed only) -> every path tracked by a {@link PathRunner} (tracker, endgame, endpoint checks)
 * on a pool of worker threads -> {@link SolvePlan#complete}: failed paths re-tracked with the presets of the
 * {@link RetryLadder}, and paths that jumped (two at one nonsingular solution) re-tracked conservatively ->
 * {@link Classification}: at infinity, finite nonsingular, finite singular; singular endpoints clustered,
 * multiplicity = paths per cluster, each cluster tested for lying on a positive-dimensional component. Results are
 * identical for a seed whatever the thread count: a path's computation depends only on its index.
 */
public final class Solver {

    private Solver() {
    }

    public static SolveResult solve(PolynomialSystem system) {
        return solve(system, SolveOptions.defaults());
    }

    public static SolveResult solve(PolynomialSystem system, SolveOptions options) {
        long t0 = System.nanoTime();
        try (PathPool pool = new PathPool(options.threads(), "lps-path-tracker")) {
            Speculation meanwhile = new Speculation(pool, options);
            SolvePlan plan = SolvePlan.of(system, options, meanwhile);
            Endpoint[] ends;
            if (plan == meanwhile.plan) {
                ends = meanwhile.ends;
                meanwhile.tracking.await();
            } else {
                ends = new Endpoint[plan.pathCount()];
                pool.track(plan::runner, ends, PathPool.all(ends.length), options.preset(), options.progress());
            }
            return plan.complete(pool, ends, null, (System.nanoTime() - t0) * 1e-9);
        }
    }

    /**
     * {@link StartKind#AUTO}'s root counts take a while (about 0.1 s of set-structure search on katsura-9) and often
     * end with total degree: the total-degree paths are tracked meanwhile by all workers but one (the counts have
     * this thread), and thrown away only if another start system wins. Either way the result is what the chosen
     * start system gives alone.
     */
    private static final class Speculation implements SolvePlan.WhileCounting {
        final PathPool pool;
        final SolveOptions options;
        SolvePlan plan;
        Endpoint[] ends;
        PathPool.Launched tracking;

        Speculation(PathPool pool, SolveOptions options) {
            this.pool = pool;
            this.options = options;
        }

        @Override
        public void start(SolvePlan totalDegree) {
            plan = totalDegree;
            ends = new Endpoint[totalDegree.pathCount()];
            // the counts run on this thread, so the total-degree paths get one worker less until they are done
            tracking = pool.launch(totalDegree::runner, ends, PathPool.all(ends.length), options.preset(),
                    options.progress(), pool.threads() - 1);
        }

        @Override
        public void keep() {
            tracking.addWorkers(1);
        }

        @Override
        public void cancel() {
            tracking.cancel();
            plan = null;
        }
    }
}
