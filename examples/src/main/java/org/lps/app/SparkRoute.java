package org.lps.app;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.regex.Pattern;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;

/**
 * {@code --spark MASTER}: the way from the app to the distributed module (org.lps.distributed.SparkEntry), which this
 * jar neither contains nor depends on. The class is looked up by name only when --spark is given, so an ordinary run
 * loads no Spark class and lps.jar carries none; the ./lps launcher puts lps-spark.jar and Spark's jars on the class
 * path when it sees --spark (or spark-submit does, see README). The entry points take only the JDK's and the solver's
 * types.
 */
final class SparkRoute {

    private static final String ENTRY = "org.lps.distributed.SparkEntry";

    /**
     * What Spark accepts here: local, local[N], local[*], local[N,F] (F: attempts per task), spark://HOST:PORT (a list
     * of them for a standby master), yarn, k8s://URL.
     */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?"
                    + "|spark://[A-Za-z0-9.\\-]+:[0-9]{1,5}(,[A-Za-z0-9.\\-]+:[0-9]{1,5})*"
                    + "|yarn|k8s://\\S+");

    private SparkRoute() {
    }

    /** A malformed master URL is a one-line user error, before the system is even read. */
    static void checkMaster(String master) {
        if (!MASTER.matcher(master).matches()) {
            throw new UserInputException("--spark '" + master + "': not a Spark master URL; expected local[N],"
                    + " local[N,F], spark://HOST:PORT, yarn or k8s://HOST:PORT");
        }
        String given = System.getProperty("spark.master");
        if (given != null && !given.equals(master)) {
            throw new UserInputException("--spark " + master + ": this run's Spark master is already " + given
                    + " (spark-submit --master or -Dspark.master): give the same");
        }
    }

    /** The solve with its paths tracked on Spark: exactly {@code Solver.solve(system, options)}'s result. */
    static SolveResult solve(String master, PolynomialSystem system, SolveOptions options,
                             SolveOptions.Progress progress) {
        MethodHandle h = entry("solve", MethodType.methodType(SolveResult.class, String.class, PolynomialSystem.class,
                SolveOptions.class, SolveOptions.Progress.class));
        try {
            return (SolveResult) h.invoke(master, system, options, progress);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A parameter sweep on Spark: {@code out} gets each target's result (JSON object) and index, in target order. */
    static void sweep(String master, PolynomialSystem family, List<String> parameterNames, SolveOptions options,
                      double[] from, List<double[]> starts, List<double[]> targets, boolean withSolutions,
                      ObjIntConsumer<String> out) {
        MethodHandle h = entry("sweep", MethodType.methodType(void.class, String.class, PolynomialSystem.class,
                List.class, SolveOptions.class, double[].class, List.class, List.class, boolean.class,
                ObjIntConsumer.class));
        try {
            h.invoke(master, family, parameterNames, options, from, starts, targets, withSolutions, out);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code body} with a solver on one open Spark context (see SparkEntry.withSpark). */
    @SuppressWarnings("unchecked")
    static <T> T withSpark(String master, Function<BiFunction<PolynomialSystem, SolveOptions, SolveResult>, T> body) {
        MethodHandle h = entry("withSpark", MethodType.methodType(Object.class, String.class, Function.class));
        try {
            return (T) h.invoke(master, body);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MethodHandle entry(String name, MethodType type) {
        Class<?> entry;
        try {
            entry = Class.forName(ENTRY, true, SparkRoute.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UserInputException("--spark: the Spark runner is not on the class path (" + e.getMessage()
                    + "); run through ./lps, which adds distributed/target/lps-spark.jar and Spark's jars, or"
                    + " spark-submit as in the README");
        }
        try {
            return MethodHandles.publicLookup().findStatic(entry, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(ENTRY + "." + name + " does not match this build of lps.jar: rebuild both"
                    + " (mvn package)", e);
        }
    }
}
