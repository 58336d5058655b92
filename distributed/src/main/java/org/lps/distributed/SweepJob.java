package org.lps.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.lps.homotopy.param.CompiledFamily;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.result.JsonOutput;
import org.lps.homotopy.solve.ParameterSolver;
import org.lps.homotopy.solve.SolveResult;

/**
 * The work of one Spark task of a parameter sweep: for each of its targets, the start solutions tracked from the start
 * point to the target by {@link ParameterSolver#track} (one thread per task: the cluster's cores are the parallelism)
 * and the result as its JSON object ({@link JsonOutput}). The family is compiled once per executor JVM. A target's
 * result depends only on the target, the start and the seed, so it is the same on any executor, attempt, or thread count.
 */
final class SweepJob implements FlatMapFunction<Iterator<SweepJob.Target>, String> {

    private static final long serialVersionUID = 1L;

    /** A target point (interleaved re, im per parameter) and its index in the sweep. */
    record Target(int index, double[] parameters) implements Serializable {
    }

    /** The start of every path: solutions of the family at the point {@code parameters}. */
    record Start(double[] parameters, ArrayList<double[]> solutions) implements Serializable {
    }

    static final JvmCache<CompiledFamily> FAMILIES = new JvmCache<>(2);

    private final SolveSpec spec;
    private final ArrayList<String> parameterNames;
    private final Broadcast<Start> start;
    private final boolean withSolutions;
    private final FaultInjection faults;

    SweepJob(SolveSpec spec, List<String> parameterNames, Broadcast<Start> start, boolean withSolutions,
             FaultInjection faults) {
        this.spec = spec;
        this.parameterNames = new ArrayList<>(parameterNames);
        this.start = start;
        this.withSolutions = withSolutions;
        this.faults = faults;
    }

    @Override
    public Iterator<String> call(Iterator<Target> targets) {
        CompiledFamily compiled = FAMILIES.get(spec.key() + "|" + parameterNames,
                () -> new CompiledFamily(ParameterizedSystem.of(spec.system(), parameterNames)));
        List<Target> mine = new ArrayList<>();
        targets.forEachRemaining(mine::add);
        List<String> out = new ArrayList<>();
        Start s = start.value();
        try (ParameterSolver ps = new ParameterSolver(compiled.family(), compiled, spec.options().threads(1))) {
            for (int k = 0; k < mine.size(); k++) {
                faults.maybeFail(k, mine.size());
                SolveResult r = ps.track(s.parameters(), s.solutions(), mine.get(k).parameters());
                out.add(JsonOutput.toJson(r, withSolutions).toString());
            }
        }
        return out.iterator();
    }
}
