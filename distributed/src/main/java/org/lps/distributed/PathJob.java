package org.lps.distributed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import org.lps.homotopy.solve.Endpoint;
import org.lps.homotopy.solve.PathRunner;
import org.lps.homotopy.solve.SolvePlan;
import org.lps.homotopy.track.TrackerOptions;

/**
 * The work of one Spark task: the paths of an index range, tracked in order by the same {@link PathRunner} as in
 * process, on the plan the executor rebuilt from the solve's text and options (once per JVM). A path's endpoint
 * depends only on its index and the plan, never on the task, the executor or the attempt: a retried task, or a task
 * re-run after its executor was lost, gives the same endpoints.
 */
final class PathJob implements FlatMapFunction<Iterator<IndexRange>, Endpoint> {

    private static final long serialVersionUID = 1L;

    /** Plans built in this JVM: the driver's in local mode, the executor's own on a cluster. */
    static final JvmCache<SolvePlan> PLANS = new JvmCache<>(2);

    private final SolveSpec spec;
    private final LongAccumulator done;
    private final FaultInjection faults;

    PathJob(SolveSpec spec, LongAccumulator done, FaultInjection faults) {
        this.spec = spec;
        this.done = done;
        this.faults = faults;
    }

    /** The plan of a solve, built in this JVM the first time it is asked for. */
    static SolvePlan plan(SolveSpec spec) {
        return PLANS.get(spec.key(), () -> SolvePlan.of(spec.system(), spec.options()));
    }

    @Override
    public Iterator<Endpoint> call(Iterator<IndexRange> ranges) {
        SolvePlan plan = plan(spec);
        TrackerOptions preset = spec.preset();
        PathRunner runner = plan.runner();
        List<Endpoint> out = new ArrayList<>();
        while (ranges.hasNext()) {
            IndexRange r = ranges.next();
            for (int i = r.from(); i < r.to(); i++) {
                faults.maybeFail(i - r.from(), r.to() - r.from());
                out.add(runner.track(i, preset));
                done.add(1);
            }
        }
        return out.iterator();
    }
}
