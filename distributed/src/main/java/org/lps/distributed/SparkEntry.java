package org.lps.distributed;

import java.util.List;
import java.util.function.ObjIntConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;

/**
 * Where {@code lps solve --spark MASTER} comes in. The app (lps.jar) has no compile-time dependency on this module nor
 * on Spark: it looks this class up by name, only when --spark is given, and calls these methods, whose signatures use
 * nothing but the JDK's and the solver's types. Each call opens a Spark context for the run and stops it after.
 */
public final class SparkEntry {

    private SparkEntry() {
    }

    /** {@link SparkSolver#solve} in a context of its own. */
    public static SolveResult solve(String master, PolynomialSystem system, SolveOptions options,
                                    SolveOptions.Progress progress) {
        try (JavaSparkContext sc = SparkContexts.open(master, "lps solve")) {
            return SparkSolver.solve(sc, system, options, progress);
        }
    }

    /** {@link SparkSweep#sweep} in a context of its own. */
    public static void sweep(String master, PolynomialSystem family, List<String> parameterNames, SolveOptions options,
                             double[] from, List<double[]> starts, List<double[]> targets, boolean withSolutions,
                             ObjIntConsumer<String> out) {
        try (JavaSparkContext sc = SparkContexts.open(master, "lps solve --at")) {
            SparkSweep.sweep(sc, family, parameterNames, options, from, starts, targets, withSolutions, out);
        }
    }
}
