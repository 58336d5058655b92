package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lps.homotopy.endgame.Singularity;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Turns endpoints into solutions: splits finite endpoints into nonsingular and singular, merges equal ones,
 * assigns multiplicities, sets aside positive-dimensional components, and gives every path its status.
 */
public final class Classification {

    private final List<Solution> solutions;
    private final List<PathResult> paths;

    private Classification(List<Solution> solutions, List<PathResult> paths) {
        this.solutions = solutions;
        this.paths = paths;
    }

    /** Distinct isolated finite solutions, nonsingular and singular, in the order of their first path. */
    public List<Solution> solutions() {
        return solutions;
    }

    /** Every path's fate, by index. */
    public List<PathResult> paths() {
        return paths;
    }

    /** A finite endpoint is nonsingular by {@link Singularity}'s definition (on the original system's Jacobian). */
    static boolean nonsingular(Endpoint e) {
        return e.finite() && !Singularity.isSingular(e.winding(), e.accuracy(), e.condition());
    }

    /** Same-solution tolerance for nonsingular endpoints: clamp(1e-14 kappa, 1e-12, 1e-8) * max(1, |x|) by default. */
    private static double nonsingularTolerance(Endpoint e, ClassificationOptions o) {
        double rel = Math.min(o.sameMax(), Math.max(o.sameMin(), o.samePerCondition() * e.condition()));
        return rel * Math.max(1, Refiner.maxAbs(e.x()));
    }

    /** For singular endpoints the endgame's own accuracy estimate sets the tolerance. */
    private static double singularTolerance(Endpoint e, ClassificationOptions o) {
        double acc = Double.isFinite(e.accuracy()) ? e.accuracy() : o.unknownAccuracy();
        double rel = Math.min(o.singularSameMax(), Math.max(o.singularSameMin(), o.singularSamePerAccuracy() * acc));
        return rel * Math.max(1, Refiner.maxAbs(e.x()));
    }

    /** Indices of paths whose nonsingular endpoint another path reached too. */
    static List<Integer> duplicatedNonsingular(Endpoint[] ends, ClassificationOptions o) {
        List<Integer> idx = new ArrayList<>();
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < ends.length; i++) {
            if (nonsingular(ends[i])) {
                idx.add(i);
                pts.add(ends[i].x());
            }
        }
        double[] tol = idx.stream().mapToDouble(i -> nonsingularTolerance(ends[i], o)).toArray();
        int[] g = Clusters.group(pts, tol);
        int[] size = new int[g.length];
        for (int k : g) {
            size[k]++;
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < g.length; k++) {
            if (size[g[k]] > 1) {
                out.add(idx.get(k));
            }
        }
        return out;
    }

    /**
     * Classifies the endpoints of every path of a solve of {@code system} ({@code ends[i]} the endpoint of path i,
     * none null), the system the paths were refined on.
     */
    public static Classification of(PolynomialSystem system, Endpoint[] ends) {
        return of(system, ends, ClassificationOptions.DEFAULT);
    }

    /** {@link #of(PolynomialSystem, Endpoint[])} with the given tolerances. */
    public static Classification of(PolynomialSystem system, Endpoint[] ends, ClassificationOptions o) {
        int m = ends.length;
        PathStatus[] status = new PathStatus[m];
        int[] solutionOf = new int[m];
        Arrays.fill(solutionOf, -1);
        String[] failure = new String[m];
        // solution candidates keyed by their first path, in path order
        Map<Integer, Solution> byFirstPath = new LinkedHashMap<>();
        Map<Integer, int[]> members = new LinkedHashMap<>();

        List<Integer> ns = new ArrayList<>(), sg = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Endpoint e = ends[i];
            if (e.failed()) {
                status[i] = PathStatus.FAILED;
                failure[i] = e.failure();
            } else if (e.atInfinity()) {
                status[i] = PathStatus.AT_INFINITY;
            } else if (nonsingular(e)) {
                ns.add(i);
            } else {
                sg.add(i);
            }
        }

        // nonsingular: one path per solution; a leftover duplicate (after the conservative re-track) is a
        // path that jumped and is reported as failed, so the solution is not counted twice
        int[] g = Clusters.group(points(ends, ns), ns.stream().mapToDouble(i -> nonsingularTolerance(ends[i], o)).toArray());
        for (int k = 0; k < ns.size(); k++) {
            int i = ns.get(k);
            int first = ns.get(g[k]);
            if (first != i) {
                status[i] = PathStatus.FAILED;
                failure[i] = "path jumping: same nonsingular endpoint as path " + (first + 1);
                continue;
            }
            status[i] = PathStatus.NONSINGULAR;
            Endpoint e = ends[i];
            byFirstPath.put(i, new Solution(e.x(), PathStatus.NONSINGULAR, 1, isReal(e.x(), o.realTolerance()), e.condition(),
                    e.residual(), e.accuracy(), 1, new long[] {i}));
            members.put(i, new int[] {i});
        }

        // singular: clusters; multiplicity = paths in the cluster; positive-dimensional ones set aside
        int[] h = Clusters.group(points(ends, sg), sg.stream().mapToDouble(i -> singularTolerance(ends[i], o)).toArray());
        Map<Integer, List<Integer>> clusters = new LinkedHashMap<>();
        for (int k = 0; k < sg.size(); k++) {
            clusters.computeIfAbsent(sg.get(h[k]), key -> new ArrayList<>()).add(sg.get(k));
        }
        LocalDimension dimension = clusters.isEmpty() ? null : new LocalDimension(system);
        for (Map.Entry<Integer, List<Integer>> c : clusters.entrySet()) {
            List<Integer> paths = c.getValue();
            Endpoint best = ends[paths.get(0)];
            int winding = 0;
            for (int i : paths) {
                if (ends[i].accuracy() < best.accuracy()) {
                    best = ends[i];
                }
                winding = Math.max(winding, ends[i].winding());
            }
            if (dimension.positiveDimensional(best.x())) {
                for (int i : paths) {
                    status[i] = PathStatus.POSITIVE_DIMENSIONAL;
                }
                continue;
            }
            long[] ps = paths.stream().mapToLong(Integer::longValue).toArray();
            double realTol = Math.min(o.singularRealMax(),
                    Math.max(o.singularRealMin(), o.singularRealPerAccuracy() * best.accuracy()));
            byFirstPath.put(c.getKey(), new Solution(best.x(), PathStatus.SINGULAR, paths.size(),
                    isReal(best.x(), realTol), best.condition(), best.residual(), best.accuracy(), winding, ps));
            members.put(c.getKey(), paths.stream().mapToInt(Integer::intValue).toArray());
            for (int i : paths) {
                status[i] = PathStatus.SINGULAR;
            }
        }

        // order solutions by their first path
        List<Integer> firsts = new ArrayList<>(byFirstPath.keySet());
        firsts.sort(null);
        List<Solution> solutions = new ArrayList<>();
        for (int f : firsts) {
            for (int i : members.get(f)) {
                solutionOf[i] = solutions.size();
            }
            solutions.add(byFirstPath.get(f));
        }
        List<PathResult> results = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Endpoint e = ends[i];
            results.add(new PathResult(i, status[i], solutionOf[i], e.winding(), e.accuracy(), e.accepted(),
                    e.rejected(), e.preset(), failure[i]));
        }
        return new Classification(solutions, results);
    }

    private static List<double[]> points(Endpoint[] ends, List<Integer> idx) {
        List<double[]> p = new ArrayList<>(idx.size());
        for (int i : idx) {
            p.add(ends[i].x());
        }
        return p;
    }

    /** max |Im x_k| <= tol * max(1, |x|). */
    static boolean isReal(double[] x, double tol) {
        double scale = Math.max(1, Refiner.maxAbs(x));
        for (int k = 1; k < x.length; k += 2) {
            if (Math.abs(x[k]) > tol * scale) {
                return false;
            }
        }
        return true;
    }
}
