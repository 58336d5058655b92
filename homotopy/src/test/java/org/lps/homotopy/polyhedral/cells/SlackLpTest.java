package org.lps.homotopy.polyhedral.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/**
 * The dedicated slack LP against Hipparchus' simplex solver on random problems of the search's shape: integer
 * point differences, integer heights, equations from edges. Both the solve from scratch and the warm start
 * after adding an edge's rows must give Hipparchus' optimum.
 */
class SlackLpTest {

    private static final double CAP = 1000;

    /** One random problem: rows (c - p) . alpha + wc - wp >= t, equations (q - p) . alpha = wp - wq. */
    private record Problem(int n, List<int[]> ineqC, List<int[]> ineqP, List<long[]> ineqW,
                           List<int[]> eqQ, List<int[]> eqP, List<long[]> eqW) {
    }

    private static int[] randomPoint(SplittableRandom r, int n) {
        int[] p = new int[n];
        for (int j = 0; j < n; j++) {
            p[j] = r.nextInt(4);
        }
        return p;
    }

    private static Problem random(SplittableRandom r, int n, int inequalities, int equations) {
        Problem p = new Problem(n, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        addRows(r, p, inequalities, equations);
        return p;
    }

    private static void addRows(SplittableRandom r, Problem p, int inequalities, int equations) {
        for (int k = 0; k < inequalities; k++) {
            p.ineqC.add(randomPoint(r, p.n));
            p.ineqP.add(randomPoint(r, p.n));
            p.ineqW.add(new long[] {r.nextInt(200), r.nextInt(200)});
        }
        for (int k = 0; k < equations; k++) {
            p.eqQ.add(randomPoint(r, p.n));
            p.eqP.add(randomPoint(r, p.n));
            p.eqW.add(new long[] {r.nextInt(200), r.nextInt(200)});
        }
    }

    private static void load(SlackLp lp, Problem p, int fromIneq, int fromEq) {
        for (int k = fromIneq; k < p.ineqC.size(); k++) {
            lp.addInequality(p.ineqC.get(k), p.ineqP.get(k), p.ineqW.get(k)[0], p.ineqW.get(k)[1]);
        }
        for (int k = fromEq; k < p.eqQ.size(); k++) {
            lp.addEquation(p.eqQ.get(k), p.eqP.get(k), p.eqW.get(k)[0], p.eqW.get(k)[1]);
        }
    }

    /**
     * Hipparchus' optimum of max t, t &lt;= CAP; -infinity if the equations have no solution. A box
     * |x_j| &lt;= 1e6 is added, which holds optimal points of these small integer problems: without it,
     * Hipparchus' simplex stopped at non-optimal points when the feasible set is unbounded (one problem here
     * gave t = -978 in free-variable mode and t = 0 with the variables split into x+ - x-, where t = 1000 is
     * feasible), one more reason the search uses its own LP.
     */
    private static double reference(Problem p) {
        int n = p.n;
        double[] objective = new double[n + 1];
        objective[n] = 1;
        List<LinearConstraint> cons = new ArrayList<>();
        for (int k = 0; k < p.ineqC.size(); k++) {
            double[] a = new double[n + 1];
            for (int j = 0; j < n; j++) {
                a[j] = p.ineqC.get(k)[j] - p.ineqP.get(k)[j];
            }
            a[n] = -1;   // (c - p) . alpha - t >= wp - wc
            cons.add(new LinearConstraint(a, Relationship.GEQ, p.ineqW.get(k)[1] - p.ineqW.get(k)[0]));
        }
        for (int k = 0; k < p.eqQ.size(); k++) {
            double[] a = new double[n + 1];
            for (int j = 0; j < n; j++) {
                a[j] = p.eqQ.get(k)[j] - p.eqP.get(k)[j];
            }
            cons.add(new LinearConstraint(a, Relationship.EQ, p.eqW.get(k)[1] - p.eqW.get(k)[0]));
        }
        double[] cap = new double[n + 1];
        cap[n] = 1;
        cons.add(new LinearConstraint(cap, Relationship.LEQ, CAP));
        for (int j = 0; j <= n; j++) {
            double[] unit = new double[n + 1];
            unit[j] = 1;
            cons.add(new LinearConstraint(unit, Relationship.LEQ, 1e6));
            cons.add(new LinearConstraint(unit, Relationship.GEQ, -1e6));
        }
        try {
            return new SimplexSolver(1e-9, 10, 1e-12).optimize(new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(cons), GoalType.MAXIMIZE, new NonNegativeConstraint(false),
                    new MaxIter(100_000)).getValue();
        } catch (MathIllegalStateException e) {
            return Double.NEGATIVE_INFINITY;   // no feasible solution: inconsistent equations
        }
    }

    /** Whether the equation rows are linearly independent (SlackLp refuses dependent ones, feasible or not). */
    private static boolean independentEquations(Problem p) {
        int m = p.eqQ.size();
        if (m == 0) {
            return true;
        }
        double[][] rows = new double[m][p.n];
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < p.n; j++) {
                rows[k][j] = p.eqQ.get(k)[j] - p.eqP.get(k)[j];
            }
        }
        int rank = 0;
        for (int col = 0; col < p.n && rank < m; col++) {
            int piv = -1;
            for (int r = rank; r < m; r++) {
                if (Math.abs(rows[r][col]) > 1e-9) {
                    piv = r;
                    break;
                }
            }
            if (piv < 0) {
                continue;
            }
            double[] t = rows[piv];
            rows[piv] = rows[rank];
            rows[rank] = t;
            for (int r = rank + 1; r < m; r++) {
                double f = rows[r][col] / rows[rank][col];
                for (int j = col; j < p.n; j++) {
                    rows[r][j] -= f * rows[rank][j];
                }
            }
            rank++;
        }
        return rank == m;
    }

    @Test
    void fromScratchMatchesHipparchus() {
        SplittableRandom r = new SplittableRandom(11);
        int compared = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + r.nextInt(6);
            Problem p = random(r, n, r.nextInt(3 * n + 4), r.nextInt(n + 1));
            SlackLp lp = new SlackLp(n, CAP);
            load(lp, p, 0, 0);
            double ours = lp.maximize();
            if (!independentEquations(p)) {
                assertEquals(SlackLp.DEPENDENT, ours, "dependent equations, trial " + trial);
                continue;
            }
            double ref = reference(p);
            assertEquals(ref, ours, 1e-6 * Math.max(1, Math.abs(ref)), "trial " + trial + ", n = " + n);
            compared++;
        }
        assertTrue(compared > 250, "too few comparable problems: " + compared);
    }

    @Test
    void warmStartAfterAddingRowsMatchesHipparchus() {
        SplittableRandom r = new SplittableRandom(12);
        int compared = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + r.nextInt(5);
            Problem p = random(r, n, n + r.nextInt(2 * n), r.nextInt(n - 1));
            if (!independentEquations(p)) {
                continue;
            }
            SlackLp lp = new SlackLp(n, CAP);
            load(lp, p, 0, 0);
            lp.maximize();
            if (!lp.hasOptimum()) {
                continue;
            }
            lp.save(3);
            // a child: one more equation and a few inequalities, as when an edge is added
            int i0 = p.ineqC.size(), e0 = p.eqQ.size();
            addRows(r, p, 1 + r.nextInt(4), 1);
            load(lp, p, i0, e0);
            lp.restore(3);
            double ours = lp.reoptimize(Double.NEGATIVE_INFINITY);
            if (!independentEquations(p)) {
                assertEquals(SlackLp.DEPENDENT, ours, "trial " + trial);
                continue;
            }
            double ref = reference(p);
            assertEquals(ref, ours, 1e-6 * Math.max(1, Math.abs(ref)), "trial " + trial + ", n = " + n);
            // stopping early must still say "at most the threshold" exactly when the optimum is
            lp.restore(3);
            double early = lp.reoptimize(0);
            assertEquals(ref <= 0, early <= 0, "trial " + trial + ": early stop " + early + " vs " + ref);
            compared++;
        }
        assertTrue(compared > 150, "too few comparable problems: " + compared);
    }
}
