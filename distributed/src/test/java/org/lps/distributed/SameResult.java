package org.lps.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.lps.homotopy.result.JsonOutput;
import org.lps.homotopy.solve.PathResult;
import org.lps.homotopy.solve.SolveResult;

/** Two solves are the same: everything but the wall times (and the threads, where asked), bit for bit. */
final class SameResult {

    private SameResult() {
    }

    /**
     * The JSON of both with every solution (coordinates as doubles printed exactly, status, multiplicity, condition,
     * residual, paths) and every path's fate, in order.
     */
    static void assertSame(SolveResult expected, SolveResult actual) {
        assertEquals(comparable(expected, false), comparable(actual, false));
        assertEquals(paths(expected), paths(actual));
    }

    /** The JSON without the timings (and without the thread count if {@code dropThreads}). */
    static String comparable(SolveResult r, boolean dropThreads) {
        return comparable(JsonOutput.toJson(r, true), dropThreads);
    }

    static String comparable(ObjectNode json, boolean dropThreads) {
        json.remove("seconds");
        ((ObjectNode) json.get("start")).remove("seconds");
        if (dropThreads) {
            json.remove("threads");
        }
        return json.toString();
    }

    private static List<String> paths(SolveResult r) {
        return r.pathResults().stream().map(PathResult::toString).toList();
    }
}
