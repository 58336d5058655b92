package org.lps.polyapprox.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Local extrema of an error function e on [lo, hi]: scanned on a grid that includes the kinks, then each
 * candidate polished by Brent's method between its grid neighbours. Used for the maximum error of every
 * fit and for the exchange step of Remez.
 */
final class Extrema {

    /** A local extremum of e: its place and the (signed) value there. */
    record Point(double x, double e) {
    }

    private Extrema() {
    }

    /** Grid points for a degree-d error: many more than its d + 2 alternations, so none is missed. */
    static int gridSize(int degree) {
        return Math.max(2000, 100 * (degree + 2));
    }

    /** Local maxima of |e| in increasing x, endpoints included when |e| is larger there than next to them. */
    static List<Point> local(DoubleUnaryOperator e, double lo, double hi, double[] kinks, int grid) {
        double[] xs = grid(lo, hi, kinks, grid);
        double[] es = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            es[i] = e.applyAsDouble(xs[i]);
        }
        BrentOptimizer brent = new BrentOptimizer(1e-13, 1e-15 * Math.max(1.0, hi - lo));
        List<Point> out = new ArrayList<>();
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(es[i]);
            boolean left = i == 0 || a > Math.abs(es[i - 1]) || (a == Math.abs(es[i - 1]) && Math.signum(es[i]) != Math.signum(es[i - 1]));
            boolean right = i == n - 1 || a >= Math.abs(es[i + 1]);
            if (!left || !right) {
                continue;
            }
            double sign = es[i] >= 0 ? 1.0 : -1.0;
            Point best = new Point(xs[i], es[i]);
            double from = xs[Math.max(i - 1, 0)];
            double to = xs[Math.min(i + 1, n - 1)];
            if (to > from) {
                UnivariatePointValuePair p = brent.optimize(new MaxEval(500), GoalType.MAXIMIZE,
                        new UnivariateObjectiveFunction(x -> sign * e.applyAsDouble(x)),
                        new SearchInterval(from, to, xs[i]));
                if (p.getValue() > sign * best.e()) {
                    best = new Point(p.getPoint(), sign * p.getValue());
                }
            }
            out.add(best);
        }
        return out;
    }

    /** The point of largest |e|. */
    static Point largest(List<Point> points) {
        Point best = points.get(0);
        for (Point p : points) {
            if (Math.abs(p.e()) > Math.abs(best.e())) {
                best = p;
            }
        }
        return best;
    }

    private static double[] grid(double lo, double hi, double[] kinks, int grid) {
        double[] xs = new double[grid + 1 + kinks.length];
        int n = 0;
        for (int i = 0; i <= grid; i++) {
            xs[n++] = i == grid ? hi : lo + (hi - lo) * i / grid;
        }
        for (double k : kinks) {
            if (k > lo && k < hi) {
                xs[n++] = k;
            }
        }
        xs = Arrays.copyOf(xs, n);
        Arrays.sort(xs);
        // drop duplicates so neighbour intervals are never empty
        int m = 0;
        for (int i = 0; i < xs.length; i++) {
            if (m == 0 || xs[i] > xs[m - 1]) {
                xs[m++] = xs[i];
            }
        }
        return Arrays.copyOf(xs, m);
    }
}
