package org.lps.homotopy.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.solve.PathResult;
import org.lps.homotopy.solve.PathStatus;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.SolveResult;

/**
 * A solve as one JSON object. The keys other programs rely on (docs/design.md): {@code paths}, {@code nonsingular}, {@code singular},
 * {@code real}, {@code atInfinity}, {@code failed}, {@code seconds}, {@code start} ({@code name}, {@code count}, and
 * {@code seconds}: the time spent choosing and building it, mixed cells included; see SolveResult#startSeconds),
 * {@code variables}, and with solutions {@code solutions}: each with {@code x} as [[re, im], ...] in the order of
 * {@code variables}, {@code status}, {@code multiplicity}, {@code real}, {@code condition}, {@code residual}.
 * Extra keys: {@code positiveDimensional} (paths on positive-dimensional components), {@code seed},
 * {@code preset}, {@code threads}, {@code retracked}, {@code failures} (path and reason of each failed path),
 * and per solution {@code windingNumber} and {@code paths}. Non-finite numbers (an infinite condition number)
 * are written as null.
 */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOutput() {
    }

    public static ObjectNode toJson(SolveResult r, boolean withSolutions) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode vars = root.putArray("variables");
        r.variables().forEach(vars::add);
        root.put("paths", r.paths());
        root.put("nonsingular", r.nonsingular());
        root.put("singular", r.singular());
        root.put("real", r.real());
        root.put("atInfinity", r.atInfinity());
        root.put("positiveDimensional", r.positiveDimensional());
        root.put("failed", r.failed());
        root.put("seconds", Math.round(r.seconds() * 1e4) / 1e4);
        ObjectNode start = root.putObject("start");
        start.put("name", r.startSystem());
        start.put("count", r.startSolutionCount());
        start.put("seconds", Math.round(r.startSeconds() * 1e4) / 1e4);
        root.put("seed", r.seed());
        root.put("preset", r.preset());
        root.put("threads", r.threads());
        root.put("retracked", r.retracked());
        if (r.failed() > 0) {
            ArrayNode failures = root.putArray("failures");
            for (PathResult p : r.pathResults()) {
                if (p.status() == PathStatus.FAILED) {
                    failures.addObject().put("path", p.index() + 1).put("reason", p.failure());
                }
            }
        }
        if (withSolutions) {
            ArrayNode sols = root.putArray("solutions");
            for (Solution s : r.solutions()) {
                ObjectNode o = sols.addObject();
                ArrayNode x = o.putArray("x");
                for (Complex c : s.coordinates()) {
                    x.addArray().add(c.getReal()).add(c.getImaginary());
                }
                o.put("status", s.status().label());
                o.put("multiplicity", s.multiplicity());
                o.put("real", s.isReal());
                putNumber(o, "condition", s.condition());
                putNumber(o, "residual", s.residual());
                o.put("windingNumber", s.windingNumber());
                ArrayNode paths = o.putArray("paths");
                for (long p : s.paths()) {
                    paths.add(p + 1);
                }
            }
        }
        return root;
    }

    /** The JSON text, on one line. */
    public static String write(SolveResult r, boolean withSolutions) {
        return toJson(r, withSolutions).toString();
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
