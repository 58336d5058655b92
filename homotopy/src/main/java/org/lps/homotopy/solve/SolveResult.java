package org.lps.homotopy.solve;

import java.util.List;

/**
 * The outcome of {@link Solver#solve}: the distinct isolated finite solutions, and every path's fate.
 *
 * <p>Counts of solutions ({@link #nonsingular()}, {@link #singular()}, {@link #real()}) count distinct
 * solutions; counts of endpoints that are not solutions ({@link #atInfinity()}, {@link #positiveDimensional()},
 * {@link #failed()}) count paths. Every path is in exactly one of: reached a solution, at infinity,
 * positive-dimensional, failed.
 */
public final class SolveResult {

    private final List<String> variables;
    private final List<Solution> solutions;
    private final List<PathResult> paths;
    private final String startName;
    private final long startCount;
    private final long seed;
    private final String preset;
    private final int threads;
    private final double seconds;
    private final int retracked;
    private final double startSeconds;

    SolveResult(List<String> variables, List<Solution> solutions, List<PathResult> paths, String startName,
                long startCount, long seed, String preset, int threads, double seconds, int retracked,
                double startSeconds) {
        this.variables = List.copyOf(variables);
        this.solutions = List.copyOf(solutions);
        this.paths = List.copyOf(paths);
        this.startName = startName;
        this.startCount = startCount;
        this.seed = seed;
        this.preset = preset;
        this.threads = threads;
        this.seconds = seconds;
        this.retracked = retracked;
        this.startSeconds = startSeconds;
    }

    public List<String> variables() {
        return variables;
    }

    /** Distinct isolated finite solutions, nonsingular and singular, in the order of their first path. */
    public List<Solution> solutions() {
        return solutions;
    }

    /** The nonsingular solutions only. */
    public List<Solution> nonsingularSolutions() {
        return solutions.stream().filter(s -> !s.isSingular()).toList();
    }

    /** The real solutions only. */
    public List<Solution> realSolutions() {
        return solutions.stream().filter(Solution::isReal).toList();
    }

    /** Every path, by index. */
    public List<PathResult> pathResults() {
        return paths;
    }

    public long paths() {
        return paths.size();
    }

    public long nonsingular() {
        return solutions.stream().filter(s -> !s.isSingular()).count();
    }

    public long singular() {
        return solutions.stream().filter(Solution::isSingular).count();
    }

    public long real() {
        return solutions.stream().filter(Solution::isReal).count();
    }

    /** Paths that ended at infinity. */
    public long atInfinity() {
        return count(PathStatus.AT_INFINITY);
    }

    /** Paths that ended on a positive-dimensional solution component. */
    public long positiveDimensional() {
        return count(PathStatus.POSITIVE_DIMENSIONAL);
    }

    /** Paths that failed even after the conservative retry. */
    public long failed() {
        return count(PathStatus.FAILED);
    }

    private long count(PathStatus s) {
        return paths.stream().filter(p -> p.status() == s).count();
    }

    public String startSystem() {
        return startName;
    }

    public long startSolutionCount() {
        return startCount;
    }

    public long seed() {
        return seed;
    }

    public String preset() {
        return preset;
    }

    public int threads() {
        return threads;
    }

    public double seconds() {
        return seconds;
    }

    /**
     * Wall time from the start of the solve until the chosen start system's paths were launched: root counts,
     * mixed cells and binomial systems for the polyhedral one. (With {@code auto}, total-degree paths are tracked
     * meanwhile; when total degree wins they count here too.) The rest of {@link #seconds()} is tracking and
     * post-processing.
     */
    public double startSeconds() {
        return startSeconds;
    }

    /** Paths tracked a second time with the conservative preset (failures and suspected path jumps). */
    public int retracked() {
        return retracked;
    }
}
