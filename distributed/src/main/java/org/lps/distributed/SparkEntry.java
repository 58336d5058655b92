package org.lps.distributed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import org.apache.spark.SparkException;
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
        } catch (Exception e) {
            throw jobFailure(e);
        }
    }

    /** {@link SparkSweep#sweep} in a context of its own. */
    public static void sweep(String master, PolynomialSystem family, List<String> parameterNames, SolveOptions options,
                             double[] from, List<double[]> starts, List<double[]> targets, boolean withSolutions,
                             ObjIntConsumer<String> out) {
        try (JavaSparkContext sc = SparkContexts.open(master, "lps solve --at")) {
            SparkSweep.sweep(sc, family, parameterNames, options, from, starts, targets, withSolutions, out);
        } catch (Exception e) {
            throw jobFailure(e);
        }
    }

    /**
     * Runs {@code body} with a solver on one Spark context, open for the whole body (for benchmarks: the context's
     * start-up is paid once, outside what is timed); the context is stopped after.
     */
    public static <T> T withSpark(String master,
                                  Function<BiFunction<PolynomialSystem, SolveOptions, SolveResult>, T> body) {
        try (JavaSparkContext sc = SparkContexts.open(master, "lps bench spark")) {
            return body.apply((system, options) -> SparkSolver.solve(sc, system, options, null));
        } catch (Exception e) {
            throw jobFailure(e);
        }
    }

    /**
     * A job Spark gave up on (a task failed spark.task.maxFailures times, no master answered, the cluster went away) is
     * a failure of the environment, like an I/O error, not of the input nor a bug: an {@link IOException} with Spark's
     * first line. That is a SparkException anywhere in the causes (Spark throws this checked exception through Scala
     * methods that do not declare it), or an exception thrown by Spark's own code (such as "SparkContext has been
     * shutdown" after the standalone client gave up on the master). Anything else (a bad system, a bug of ours) goes
     * on as it is.
     */
    static RuntimeException jobFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SparkException || thrownBySpark(t)) {
                String m = String.valueOf(t.getMessage());
                int nl = m.indexOf('\n');
                return new UncheckedIOException(new IOException("the Spark job failed: "
                        + (nl < 0 ? m : m.substring(0, nl)), e));
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private static boolean thrownBySpark(Throwable t) {
        StackTraceElement[] where = t.getStackTrace();
        return where.length > 0 && where[0].getClassName().startsWith("org.apache.spark.");
    }

}
