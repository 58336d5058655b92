package org.lps.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.ParameterSolver;
import org.lps.homotopy.solve.SolveOptions;

/**
 * A parameter sweep on Spark: known solutions of a family at one point tracked to each of many target points
 * ({@link ParameterSolver#track}), the targets spread over the cluster's tasks, the results handed back in target
 * order. The start solutions go to the executors once, as a broadcast; the targets travel with their tasks.
 *
 * <p>The targets run in batches of {@link #batchSize} (one Spark job each), so the driver holds one batch of results
 * at a time however long the sweep, and prints as it goes.
 */
public final class SparkSweep {

    private SparkSweep() {
    }

    /**
     * Tracks {@code starts} (solutions at {@code from}) to every target; {@code out} receives each target's result as
     * a JSON object ({@code JsonOutput.toJson}) with the target's index, in target order.
     *
     * @param family the system, its parameters among its variables
     */
    public static void sweep(JavaSparkContext sc, PolynomialSystem family, List<String> parameterNames,
                             SolveOptions options, double[] from, List<double[]> starts, List<double[]> targets,
                             boolean withSolutions, ObjIntConsumer<String> out) {
        sweep(sc, family, parameterNames, options, from, starts, targets, withSolutions, out, 0, 0, FaultInjection.NONE);
    }

    static void sweep(JavaSparkContext sc, PolynomialSystem family, List<String> parameterNames, SolveOptions options,
                      double[] from, List<double[]> starts, List<double[]> targets, boolean withSolutions,
                      ObjIntConsumer<String> out, int targetsPerTask, int targetsPerBatch, FaultInjection faults) {
        ParameterizedSystem.of(family, parameterNames);   // a bad parameter name fails here, not on an executor
        SolveSpec spec = SolveSpec.of(family, options);
        Broadcast<SweepJob.Start> start = sc.broadcast(new SweepJob.Start(from.clone(), new ArrayList<>(starts)));
        try {
            int cores = sc.defaultParallelism();
            int perTask = targetsPerTask > 0 ? targetsPerTask : Math.max(1, Math.min(TARGETS_PER_TASK,
                    (targets.size() + cores - 1) / cores));
            int batch = targetsPerBatch > 0 ? targetsPerBatch : batchSize(cores, perTask);
            SweepJob job = new SweepJob(spec, parameterNames, start, withSolutions, faults);
            for (int first = 0; first < targets.size(); first += batch) {
                List<SweepJob.Target> chunk = new ArrayList<>();
                for (int k = first; k < Math.min(targets.size(), first + batch); k++) {
                    chunk.add(new SweepJob.Target(k, targets.get(k)));
                }
                int tasks = (chunk.size() + perTask - 1) / perTask;
                List<String> results = sc.parallelize(chunk, tasks).mapPartitions(job).collect();
                for (int k = 0; k < results.size(); k++) {
                    out.accept(results.get(k), first + k);
                }
            }
        } finally {
            start.destroy();
        }
    }

    /** Targets per task at most: a task is a few seconds of work for a small family. */
    static final int TARGETS_PER_TASK = 16;

    /** Targets per Spark job: {@link IndexRange#TASKS_PER_CORE} tasks per core. */
    static int batchSize(int cores, int perTask) {
        return Math.max(1, cores) * IndexRange.TASKS_PER_CORE * perTask;
    }
}
