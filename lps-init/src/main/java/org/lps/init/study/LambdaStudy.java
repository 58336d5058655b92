package org.lps.init.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lps.homotopy.rootcount.LinearProductBound;
import org.lps.homotopy.solve.SolveResult;
import org.lps.init.lps.block.BlockProblem;
import org.lps.init.lps.block.BlockSolution;
import org.lps.init.lps.block.BlockSolver;
import org.lps.init.lps.block.BlockSpec;
import org.lps.init.lps.block.CriticalPoint;
import org.lps.init.lps.block.LambdaTracker;
import org.lps.init.lps.block.LpsBlockSystem;
import org.lps.init.lps.block.RealCriticalPoints;

/**
 * {@code lps study lambda}: the LPS block's real critical points and minima along the ridge weight lambda, followed
 * by parameter homotopy from one generic complex solve per block width ({@link LambdaTracker}), on a log grid; where
 * the number of real critical points changes (a pair of real points meets and leaves the real line, or the
 * reverse), the change is bracketed by bisection in lambda ({@link Crossings}); at a few lambdas the tracked set is
 * compared with a direct solve ({@link BlockSolver}).
 */
public final class LambdaStudy {

    /**
     * @param block     the block (activation, degree, measure, target); its k and lambda are replaced
     * @param ks        block widths
     * @param points    grid points, log-spaced from lambdaMin to lambdaMax inclusive (at least 2)
     * @param tolerance relative bracket width (high / low - 1) of a refined crossing; 0: no refinement (the grid's
     *                  interval is the bracket)
     * @param checks    lambdas at which the tracked critical points are compared with a direct solve
     */
    public record Settings(BlockSpec block, List<Integer> ks, double lambdaMin, double lambdaMax, int points,
                           double tolerance, List<Double> checks, long seed, int threads) {
        public Settings {
            ks = List.copyOf(ks);
            checks = List.copyOf(checks);
            if (!(lambdaMin > 0) || !(lambdaMax > lambdaMin) || !Double.isFinite(lambdaMax)) {
                throw new IllegalArgumentException("need 0 < lambdaMin < lambdaMax, got " + lambdaMin + ", " + lambdaMax);
            }
            if (points < 2) {
                throw new IllegalArgumentException("need at least 2 grid points, got " + points);
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("the crossing tolerance must be >= 0, got " + tolerance);
            }
        }

        /** The grid: lambdaMin (lambdaMax / lambdaMin)^(i / (points - 1)), ends exact. */
        public double[] grid() {
            double[] g = new double[points];
            double ratio = Math.log(lambdaMax / lambdaMin);
            for (int i = 0; i < points; i++) {
                g[i] = lambdaMin * Math.exp(ratio * i / (points - 1));
            }
            g[0] = lambdaMin;
            g[points - 1] = lambdaMax;
            return g;
        }
    }

    /** One symmetry orbit of real critical points: its canonical representative's neurons (w_j, b_j, v_j) and c. */
    public record Orbit(String kind, int morseIndex, int copies, double loss, double wNorm, double[] w, double[] b,
                        double[] v, double c) {
        static Orbit of(CriticalPoint p, int k) {
            double[] t = p.theta();
            double[] w = new double[k];
            double[] b = new double[k];
            double[] v = new double[k];
            double n2 = 0;
            for (int j = 0; j < k; j++) {
                w[j] = t[LpsBlockSystem.w(j)];
                b[j] = t[LpsBlockSystem.b(j)];
                v[j] = t[LpsBlockSystem.v(j)];
                n2 += w[j] * w[j];
            }
            return new Orbit(p.kind().name().toLowerCase(java.util.Locale.ROOT), p.index(), p.copies(), p.loss(),
                    Math.sqrt(n2), w, b, v, t[LpsBlockSystem.c(k)]);
        }
    }

    /**
     * The tracked solutions at one lambda.
     *
     * @param paths, failed, atInfinity, finite, singular the parameter homotopy's paths and distinct endpoints
     * @param real       real critical points (solutions)
     * @param realOrbits their symmetry orbits
     * @param minima     orbits that are local minima
     * @param orbits     every real orbit, by J ascending
     */
    public record Point(double lambda, long paths, long failed, long atInfinity, long finite, long singular, int real,
                        int realOrbits, int minima, int saddles, int maxima, int degenerate, List<Orbit> orbits) {
        static Point of(LambdaTracker.Snapshot s, int k) {
            SolveResult r = s.result();
            RealCriticalPoints rc = s.real();
            List<Orbit> orbits = rc.orbits().stream().map(p -> Orbit.of(p, k)).toList();
            return new Point(s.lambda(), r.paths(), r.failed(), r.atInfinity(), r.solutions().size(), r.singular(),
                    rc.points().size(), rc.orbits().size(), rc.orbits(CriticalPoint.Kind.MINIMUM),
                    rc.orbits(CriticalPoint.Kind.SADDLE), rc.orbits(CriticalPoint.Kind.MAXIMUM),
                    rc.orbits(CriticalPoint.Kind.DEGENERATE), orbits);
        }

        /** The best (lowest J) minimum, or null. */
        public Orbit best() {
            return orbits.stream().filter(o -> o.kind().equals("minimum")).findFirst().orElse(null);
        }
    }

    /**
     * A change of the number of real critical points between {@code low} and {@code high}.
     *
     * @param lambda  the estimate (the bracket's geometric midpoint)
     * @param meeting the orbits present on only one side of the bracket: the points that meet there (on the side
     *                with more real points) and leave the real line
     */
    public record Crossing(double lambda, double low, double high, int realBelow, int realAbove, int minimaBelow,
                           int minimaAbove, List<Orbit> meeting, int evaluations) {
    }

    /** The tracked critical points at one lambda against a direct solve there. */
    public record Check(double lambda, int trackedReal, int directReal, int trackedMinima, int directMinima,
                        int trackedSaddles, int directSaddles, boolean sameMinima, long directPaths,
                        double directSeconds) {
        public boolean agrees() {
            return trackedReal == directReal && trackedMinima == directMinima && trackedSaddles == directSaddles
                    && sameMinima;
        }
    }

    /**
     * One block width.
     *
     * @param genericPaths   paths of the generic solve (the design's linear-product bound)
     * @param genericStarts  its nonsingular solutions: the paths of every later parameter homotopy
     * @param trackedPaths   parameter-homotopy paths in all (grid, bisection and checks)
     */
    public record Result(int k, long genericPaths, long genericFailed, long genericStarts, double genericSeconds,
                         List<Point> grid, List<Crossing> crossings, List<Check> checks, long trackedPaths,
                         double seconds) {
    }

    /** Told as the study goes; every method may be left as it is. */
    public interface Progress {
        default void genericStart(int k, java.math.BigInteger paths) {
        }

        default void genericPaths(long done, long total) {
        }

        default void genericDone(int k, long starts, double seconds) {
        }

        default void point(int k, int index, int total, Point p) {
        }

        default void crossing(int k, Crossing c) {
        }

        default void check(int k, Check c) {
        }
    }

    /** Orbits of the two sides of a crossing are the same when their J agree to this, relative to max(1, |J|). */
    static final double SAME_ORBIT_LOSS = 1e-4;
    /** Count changes closer than this (relative) are one crossing ({@link #merge}). */
    static final double SAME_CROSSING = 1e-4;

    private LambdaStudy() {
    }

    public static List<Result> run(Settings settings, Progress progress) {
        List<Result> out = new ArrayList<>();
        for (int k : settings.ks()) {
            out.add(one(settings, k, progress));
        }
        return out;
    }

    static Result one(Settings settings, int k, Progress progress) {
        long t0 = System.nanoTime();
        BlockSpec spec = settings.block().width(k);
        progress.genericStart(k, LinearProductBound.count(LpsBlockSystem.designStructure(k, spec.degree())));
        try (LambdaTracker tracker = new LambdaTracker(spec, settings.seed(), settings.threads(), progress::genericPaths)) {
            SolveResult g = tracker.generic().result();
            long starts = tracker.generic().solutions().size();
            double genericSeconds = (System.nanoTime() - t0) * 1e-9;
            progress.genericDone(k, starts, genericSeconds);
            long[] tracked = {0};
            double[] grid = settings.grid();
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < grid.length; i++) {
                Point p = Point.of(tracker.at(grid[i]), k);
                tracked[0] += p.paths();
                points.add(p);
                progress.point(k, i + 1, grid.length, p);
            }
            double tol = settings.tolerance() > 0 ? settings.tolerance() : Double.POSITIVE_INFINITY;
            List<Crossings.Event<Point>> events = Crossings.find(grid, points, lambda -> {
                Point p = Point.of(tracker.at(lambda), k);
                tracked[0] += p.paths();
                return p;
            }, Point::real, tol);
            List<Crossing> crossings = new ArrayList<>();
            for (Crossings.Event<Point> e : merge(events)) {
                Crossing c = crossing(e);
                crossings.add(c);
                progress.crossing(k, c);
            }
            List<Check> checks = new ArrayList<>();
            for (double lambda : settings.checks()) {
                LambdaTracker.Snapshot snapshot = tracker.at(lambda);
                tracked[0] += snapshot.result().paths();
                Check c = check(spec.lambda(lambda), snapshot, settings.seed(), settings.threads());
                checks.add(c);
                progress.check(k, c);
            }
            return new Result(k, g.paths(), g.failed(), starts, genericSeconds, points, crossings, checks, tracked[0],
                    (System.nanoTime() - t0) * 1e-9);
        }
    }

    /**
     * Changes within {@link #SAME_CROSSING} of each other (relative) are one crossing, from the count before the first
     * to the count after the last. Where several symmetric copies of a point meet at once (k = 2: 4 or 8 points at the
     * same lambda) the bisection sees intermediate counts within ~1e-5 of the crossing: next to a fold the meeting
     * points are ill-conditioned, and some copies fail the real test or the real Newton polish a little earlier than
     * others.
     */
    static List<Crossings.Event<Point>> merge(List<Crossings.Event<Point>> events) {
        List<Crossings.Event<Point>> out = new ArrayList<>();
        for (Crossings.Event<Point> e : events) {
            Crossings.Event<Point> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && e.low() / last.high() - 1 <= SAME_CROSSING) {
                out.set(out.size() - 1, new Crossings.Event<>(last.low(), e.high(), last.below(), e.above(),
                        last.evaluations() + e.evaluations()));
            } else {
                out.add(e);
            }
        }
        // a count that jitters and comes back is no crossing
        out.removeIf(e -> e.below().real() == e.above().real());
        return out;
    }

    static Crossing crossing(Crossings.Event<Point> e) {
        Point lo = e.below();
        Point hi = e.above();
        List<Orbit> meeting = new ArrayList<>(unmatched(lo, hi));
        meeting.addAll(unmatched(hi, lo));
        return new Crossing(e.at(), e.low(), e.high(), lo.real(), hi.real(), lo.minima(), hi.minima(), meeting,
                e.evaluations());
    }

    /** The orbits of {@code a} with no orbit of {@code b} of the same kind and J. */
    private static List<Orbit> unmatched(Point a, Point b) {
        List<Orbit> out = new ArrayList<>();
        List<Orbit> pool = new ArrayList<>(b.orbits());
        for (Orbit o : a.orbits()) {
            Orbit match = null;
            for (Orbit q : pool) {
                if (q.kind().equals(o.kind())
                        && Math.abs(q.loss() - o.loss()) <= SAME_ORBIT_LOSS * Math.max(1, Math.abs(o.loss()))) {
                    match = q;
                    break;
                }
            }
            if (match == null) {
                out.add(o);
            } else {
                pool.remove(match);
            }
        }
        return out;
    }

    /** A direct solve of the block at the snapshot's lambda (the design's linear-product start system) against it. */
    static Check check(BlockSpec spec, LambdaTracker.Snapshot tracked, long seed, int threads) {
        BlockProblem problem = BlockProblem.of(spec);
        BlockSolution direct = BlockSolver.solve(problem, seed, threads, null);
        RealCriticalPoints rc = tracked.real();
        List<CriticalPoint> minima = rc.minima();
        boolean same = minima.size() == direct.minima().size();
        for (CriticalPoint m : direct.minima()) {
            same &= rc.contains(m.theta(), m.loss(), problem.symmetry());
        }
        return new Check(spec.lambda(), rc.points().size(), (int) direct.realCritical(), minima.size(),
                direct.minima().size(), rc.orbits(CriticalPoint.Kind.SADDLE), direct.saddles(), same, direct.paths(),
                direct.seconds());
    }

    /** Writes BASE.json (settings and every result), BASE.csv (one row per lambda and real orbit) and BASE.png. */
    public static void write(StudyOutput out, Settings settings, List<Result> results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", "lambda");
        Map<String, Object> s = new LinkedHashMap<>();
        BlockSpec b = settings.block();
        s.put("activation", b.activation().name());
        s.put("degree", b.degree());
        s.put("target", b.target().label());
        s.put("fit", b.measure().spec());
        s.put("ks", settings.ks());
        s.put("lambdaMin", settings.lambdaMin());
        s.put("lambdaMax", settings.lambdaMax());
        s.put("points", settings.points());
        s.put("tolerance", settings.tolerance());
        s.put("checks", settings.checks());
        s.put("seed", settings.seed());
        s.put("threads", settings.threads());
        json.put("settings", s);
        json.put("results", results);
        out.writeJson(json);
        int kMax = settings.ks().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<String> header = new ArrayList<>(List.of("k", "lambda", "real", "realOrbits", "minima", "orbit", "kind",
                "morseIndex", "copies", "J", "wNorm"));
        for (int j = 1; j <= kMax; j++) {
            header.addAll(List.of("w" + j, "b" + j, "v" + j));
        }
        header.add("c");
        List<List<?>> rows = new ArrayList<>();
        for (Result r : results) {
            for (Point p : r.grid()) {
                for (int o = 0; o < p.orbits().size(); o++) {
                    Orbit x = p.orbits().get(o);
                    List<Object> row = new ArrayList<>(List.of(r.k(), p.lambda(), p.real(), p.realOrbits(), p.minima(),
                            o + 1, x.kind(), x.morseIndex(), x.copies(), x.loss(), x.wNorm()));
                    for (int j = 0; j < kMax; j++) {
                        if (j < r.k()) {
                            row.addAll(List.of(x.w()[j], x.b()[j], x.v()[j]));
                        } else {
                            row.addAll(java.util.Arrays.asList(null, null, null));
                        }
                    }
                    row.add(x.c());
                    rows.add(row);
                }
            }
        }
        out.writeCsv(header, rows);
        out.writePng(LambdaPlot.charts(results));
    }
}
