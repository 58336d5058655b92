package org.lps.homotopy.polyhedral.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.lps.homotopy.family.StandardSystems;

/**
 * The measurement behind the choice of a dedicated LP for the mixed-cell search: the search's own problems
 * (two edges of two supports of cyclic-n under a random lifting, as in the relation table: n + 1 unknowns, a
 * dozen rows; heights below 1000, which Hipparchus needs to be right) solved by Hipparchus' SimplexSolver (with the box it needs to be right, see SlackLpTest), by
 * {@link SlackLp} from scratch, and by SlackLp warm-started from the first edge's optimum. Run:
 * <pre>
 * java -cp homotopy/target/classes:homotopy/target/test-classes:$(cat cp.txt) \
 *     org.lps.homotopy.polyhedral.cells.SlackLpBenchmark [n]
 * </pre>
 * (cp.txt from {@code mvn -q -pl homotopy dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class SlackLpBenchmark {

    private SlackLpBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Supports s = Supports.of(StandardSystems.cyclic(n));
        // heights below 1000: with the search's own 2^30 range, Hipparchus (absolute tolerances) declared
        // problems infeasible that are feasible for any data (t is free and the equations independent)
        SplittableRandom random = new SplittableRandom(1);
        long[][] heights = new long[n][];
        for (int i = 0; i < n; i++) {
            heights[i] = random.longs(s.size(i), 0, 1000).toArray();
        }
        Lifting w = Lifting.of(heights);
        // every (edge of support 0 or 1) x (edge of support 2): pairs of point pairs
        List<int[]> problems = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (int p = 0; p < s.size(i); p++) {
                for (int q = p + 1; q < s.size(i); q++) {
                    for (int a = 0; a < s.size(2); a++) {
                        for (int b = a + 1; b < s.size(2); b++) {
                            problems.add(new int[] {i, p, q, 2, a, b});
                        }
                    }
                }
            }
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            int feasibleH = 0;
            for (int[] pr : problems) {
                feasibleH += hipparchus(s, w, pr) > 0 ? 1 : 0;
            }
            long t1 = System.nanoTime();
            SlackLp lp = new SlackLp(n, w.maxAbs());
            int feasibleCold = 0;
            for (int[] pr : problems) {
                lp.clear();
                addEdge(lp, s, w, pr[0], pr[1], pr[2]);
                addEdge(lp, s, w, pr[3], pr[4], pr[5]);
                feasibleCold += lp.maximize() > 0 ? 1 : 0;
            }
            long t2 = System.nanoTime();
            int feasibleWarm = 0;
            int[] last = null;
            for (int[] pr : problems) {
                if (last == null || last[0] != pr[0] || last[1] != pr[1] || last[2] != pr[2]) {
                    lp.clear();
                    addEdge(lp, s, w, pr[0], pr[1], pr[2]);
                    lp.maximize();
                    lp.save(0);
                    last = pr;
                }
                long mark = lp.mark();
                addEdge(lp, s, w, pr[3], pr[4], pr[5]);
                lp.restore(0);
                feasibleWarm += lp.reoptimize(Double.NEGATIVE_INFINITY) > 0 ? 1 : 0;
                lp.truncate(mark);
            }
            long t3 = System.nanoTime();
            double k = problems.size();
            System.out.printf(Locale.ROOT, "cyclic-%d, %d LPs (%d feasible): Hipparchus %.1f us, SlackLp from scratch"
                    + " %.2f us, warm-started %.2f us per LP (feasible: %d / %d / %d)%n", n, problems.size(), feasibleH,
                    (t1 - t0) / k / 1e3, (t2 - t1) / k / 1e3, (t3 - t2) / k / 1e3, feasibleH, feasibleCold,
                    feasibleWarm);
        }
    }

    private static void addEdge(SlackLp lp, Supports s, Lifting w, int i, int p, int q) {
        lp.addEquation(s.pointRef(i, q), s.pointRef(i, p), w.height(i, q), w.height(i, p));
        for (int c = 0; c < s.size(i); c++) {
            if (c != p && c != q) {
                lp.addInequality(s.pointRef(i, c), s.pointRef(i, p), w.height(i, c), w.height(i, p));
            }
        }
    }

    /** max t over the same rows with Hipparchus, boxed |x| <= 1e12, t <= cap. */
    private static double hipparchus(Supports s, Lifting w, int[] pr) {
        int n = s.dimension();
        List<LinearConstraint> cons = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            int i = pr[3 * e], p = pr[3 * e + 1], q = pr[3 * e + 2];
            double[] eq = new double[n + 1];
            for (int j = 0; j < n; j++) {
                eq[j] = s.coordinate(i, q, j) - s.coordinate(i, p, j);
            }
            cons.add(new LinearConstraint(eq, Relationship.EQ, w.height(i, p) - w.height(i, q)));
            for (int c = 0; c < s.size(i); c++) {
                if (c == p || c == q) {
                    continue;
                }
                double[] a = new double[n + 1];
                for (int j = 0; j < n; j++) {
                    a[j] = s.coordinate(i, c, j) - s.coordinate(i, p, j);
                }
                a[n] = -1;
                cons.add(new LinearConstraint(a, Relationship.GEQ, w.height(i, p) - w.height(i, c)));
            }
        }
        double[] t = new double[n + 1];
        t[n] = 1;
        cons.add(new LinearConstraint(t, Relationship.LEQ, w.maxAbs()));
        for (int j = 0; j <= n; j++) {
            double[] unit = new double[n + 1];
            unit[j] = 1;
            cons.add(new LinearConstraint(unit, Relationship.LEQ, 1e12));
            cons.add(new LinearConstraint(unit, Relationship.GEQ, -1e12));
        }
        try {
            return new SimplexSolver(1e-9, 10, 1e-12).optimize(new LinearObjectiveFunction(t, 0),
                    new LinearConstraintSet(cons), GoalType.MAXIMIZE, new NonNegativeConstraint(false),
                    new MaxIter(100_000)).getValue();
        } catch (MathIllegalStateException e) {
            return Double.NEGATIVE_INFINITY;   // infeasible: dependent, inconsistent equations
        }
    }
}
