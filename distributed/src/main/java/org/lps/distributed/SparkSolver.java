package org.lps.distributed;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.Endpoint;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolvePlan;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;

/**
 * {@link Solver#solve} with the paths tracked on a Spark cluster.
 *
 * <pre>{@code
 * try (JavaSparkContext sc = new JavaSparkContext("local[2]", "lps")) {
 *     SolveResult r = SparkSolver.solve(sc, StandardSystems.cyclic(7), SolveOptions.defaults().seed(1), null);
 * }
 * }</pre>
 *
 * <p>The driver builds the solve's plan (scaling, start system, homotopy: all from the seed); the paths are cut into
 * index ranges, one Spark task each; every executor rebuilds the same plan from the system's text and the options
 * (once per JVM) and tracks its ranges with the in-process {@code PathRunner}; the endpoints come back to the driver in
 * index order, where the plan completes the solve exactly as in process (re-tracking failed and jumped paths on the
 * driver's threads, classification, unscaling). So a seed gives the solutions of {@code Solver.solve}, in the same
 * order, bit for bit. A task that fails is retried by Spark (spark.task.maxFailures); a task whose executor is lost
 * is run again elsewhere: no path is lost, none is counted twice.
 */
public final class SparkSolver {

    private SparkSolver() {
    }

    /**
     * @param progress receives (paths done, total) on the driver as tasks finish, or null
     */
    public static SolveResult solve(JavaSparkContext sc, PolynomialSystem system, SolveOptions options,
                                    SolveOptions.Progress progress) {
        return solve(sc, system, options, progress, 0, FaultInjection.NONE);
    }

    /**
     * @param pathsPerTask paths per Spark task, or 0 for {@link IndexRange#perTask} on the context's parallelism
     */
    static SolveResult solve(JavaSparkContext sc, PolynomialSystem system, SolveOptions options,
                             SolveOptions.Progress progress, int pathsPerTask, FaultInjection faults) {
        long t0 = System.nanoTime();
        SolveSpec spec = SolveSpec.of(system, options);
        SolvePlan plan = PathJob.plan(spec);
        int paths = plan.pathCount();
        int size = pathsPerTask > 0 ? pathsPerTask : IndexRange.perTask(paths, sc.defaultParallelism());
        List<IndexRange> ranges = IndexRange.split(paths, size);
        LongAccumulator done = sc.sc().longAccumulator("lps paths done");
        ProgressListener listener = progress == null ? null : new ProgressListener(done, paths, progress);
        if (listener != null) {
            sc.sc().addSparkListener(listener);
        }
        List<Endpoint> collected;
        try {
            collected = sc.parallelize(ranges, Math.max(1, ranges.size()))
                    .mapPartitions(new PathJob(spec, done, faults))
                    .collect();
            if (progress != null) {
                // every task has succeeded; the listener bus, asynchronous, may not have told the listener yet
                progress.pathsDone(paths, paths);
            }
        } finally {
            if (listener != null) {
                sc.sc().removeSparkListener(listener);
            }
        }
        // as Solver does: the retries are not shown as progress (they are re-tracked paths, not new ones)
        return plan.complete(inIndexOrder(collected, paths), options.threads(), null, (System.nanoTime() - t0) * 1e-9);
    }

    /** The endpoints by path index; every path exactly once, else the job lost or repeated one (a bug: fail loudly). */
    static Endpoint[] inIndexOrder(List<Endpoint> collected, int paths) {
        Endpoint[] ends = new Endpoint[paths];
        for (Endpoint e : collected) {
            int i = (int) e.index();
            if (i < 0 || i >= paths || ends[i] != null) {
                throw new IllegalStateException("path " + i + " came back " + (ends[i] != null ? "twice" : "out of range"));
            }
            ends[i] = e;
        }
        if (collected.size() != paths) {
            throw new IllegalStateException(collected.size() + " endpoints came back for " + paths + " paths");
        }
        return ends;
    }
}
