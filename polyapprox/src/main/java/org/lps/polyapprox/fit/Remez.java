package org.lps.polyapprox.fit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.poly.Basis;

/**
 * The best uniform approximation on [lo, hi] by the Remez exchange algorithm. (When even the Chebyshev
 * interpolant's error is below rounding noise, that interpolant is returned with an empty reference: in
 * double precision it cannot be improved, and noise has no equioscillation to find.)
 *
 * <p> On a reference of d + 2
 * points it solves sum_j c_j T_j(u_i) + (-1)^i E = f(x_i) (Chebyshev basis on the interval, so the system
 * stays well conditioned at high degree), then replaces the whole reference by the d + 2 alternating
 * extrema of the new error (multi-point exchange). It stops when the largest error exceeds the levelled
 * error |E| by less than a relative 1e-10 (or by less than the rounding noise of evaluating f and p,
 * {@link #noiseFloor}, for errors so small that 1e-10 of them is below rounding), i.e. when the error equioscillates (Chebyshev's theorem: that
 * characterises the best approximation).
 */
final class Remez {

    static final int MAX_ITERATIONS = 200;
    static final double TOLERANCE = 1e-10;

    /** The Chebyshev coefficients and the final reference. */
    record Result(double[] coefficients, double[] reference, double levelledError, int iterations, boolean converged) {
    }

    private Remez() {
    }

    static Result fit(Activation f, int degree, double lo, double hi) {
        Basis basis = Chebyshev.basis(lo, hi);
        int m = degree + 2;
        double[] kinks = f.kinks();
        double fScale = 0;
        for (int i = 0; i <= 64; i++) {
            fScale = Math.max(fScale, Math.abs(f.value(lo + (hi - lo) * i / 64)));
        }
        double floor = noiseFloor(fScale, degree);
        double[] cheb = Chebyshev.coefficients(f, degree, lo, hi);
        List<Extrema.Point> chebExtrema = Extrema.local(x -> f.value(x) - basis.evaluate(cheb, x), lo, hi, kinks,
                Extrema.gridSize(degree));
        double chebMax = Math.abs(Extrema.largest(chebExtrema).e());
        if (chebMax <= floor) {
            // Already at rounding level: the error is noise, whose "extrema" would make a degenerate reference.
            return new Result(cheb, new double[0], chebMax, 0, true);
        }
        double[] ref = initialReference(chebExtrema, degree, basis);
        double[] best = null;
        double[] bestRef = null;
        double bestMax = Double.POSITIVE_INFINITY;
        double levelled = 0;
        double[] fam = new double[degree + 1];
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            Array2DRowRealMatrix a = new Array2DRowRealMatrix(m, m);
            ArrayRealVector rhs = new ArrayRealVector(m);
            for (int i = 0; i < m; i++) {
                basis.values(basis.toReference(ref[i]), degree, fam);
                for (int j = 0; j <= degree; j++) {
                    a.setEntry(i, j, fam[j]);
                }
                a.setEntry(i, degree + 1, (i & 1) == 0 ? 1.0 : -1.0);
                rhs.setEntry(i, f.value(ref[i]));
            }
            RealVector sol = new LUDecomposition(a, 1e-300).getSolver().solve(rhs);
            double[] c = new double[degree + 1];
            for (int j = 0; j <= degree; j++) {
                c[j] = sol.getEntry(j);
            }
            double e = Math.abs(sol.getEntry(degree + 1));
            List<Extrema.Point> ext = Extrema.local(x -> f.value(x) - basis.evaluate(c, x), lo, hi, kinks,
                    Extrema.gridSize(degree));
            double max = Math.abs(Extrema.largest(ext).e());
            if (max < bestMax) {
                bestMax = max;
                best = c;
                bestRef = ref.clone();
                levelled = e;
            }
            if (max - e <= Math.max(TOLERANCE * max, floor)) {
                return new Result(c, ref, e, iter, true);
            }
            double[] next = alternatingSubset(ext, m);
            if (next == null) {
                // Too few alternations: the levelled error is (numerically) zero, the polynomial interpolates f
                // on the reference. Swap the worst point in alone (Stiefel's single exchange), which makes the
                // next levelled error positive.
                double sigma0 = sol.getEntry(degree + 1) < 0 ? -1.0 : 1.0;
                next = singleExchange(ref, sigma0, Extrema.largest(ext));
            }
            ref = next;
        }
        return new Result(best, bestRef, levelled, MAX_ITERATIONS, false);
    }

    /**
     * How far apart two error values can be from rounding alone: f and the Chebyshev sum are each evaluated
     * to a few ulps of max|f| per term. Below this, equioscillation cannot be seen in double precision.
     */
    static double noiseFloor(double fScale, int degree) {
        return 4e-15 * Math.max(fScale, 1e-300) * (degree + 1);
    }

    /**
     * The alternating extrema of the Chebyshev interpolant's error: it vanishes at the d + 1 nodes, so it
     * changes sign d + 1 times and has d + 2 alternating extrema, already close to the final reference. The
     * textbook start (the Chebyshev extrema) can be degenerate: for relu on a symmetric interval the
     * polynomial through them matches f exactly with a levelled error of 0, and then nothing alternates.
     */
    static double[] initialReference(List<Extrema.Point> chebyshevErrorExtrema, int degree, Basis basis) {
        int m = degree + 2;
        double[] ref = alternatingSubset(chebyshevErrorExtrema, m);
        if (ref != null) {
            return ref;
        }
        ref = new double[m];
        for (int i = 0; i < m; i++) {
            ref[i] = basis.center() - basis.scale() * Math.cos(Math.PI * i / (m - 1));
        }
        return ref;
    }

    /**
     * Puts x* (error e*) into the reference in place of one point so that the signs the reference demands,
     * sigma0 (-1)^i, still alternate with e*'s sign taking its neighbour's place.
     */
    static double[] singleExchange(double[] ref, double sigma0, Extrema.Point worst) {
        int m = ref.length;
        double x = worst.x();
        double s = Math.signum(worst.e());
        double[] r = ref.clone();
        if (x < ref[0]) {
            if (s == sigma0) {
                r[0] = x;
            } else {
                System.arraycopy(ref, 0, r, 1, m - 1);
                r[0] = x;
            }
            return r;
        }
        if (x > ref[m - 1]) {
            double last = ((m - 1) & 1) == 0 ? sigma0 : -sigma0;
            if (s == last) {
                r[m - 1] = x;
            } else {
                System.arraycopy(ref, 1, r, 0, m - 1);
                r[m - 1] = x;
            }
            return r;
        }
        for (int i = 0; i < m - 1; i++) {
            if (x >= ref[i] && x <= ref[i + 1]) {
                double si = (i & 1) == 0 ? sigma0 : -sigma0;
                r[s == si ? i : i + 1] = x;
                return r;
            }
        }
        return r;
    }

    /**
     * From the extrema in increasing x: keep one (the largest) per run of equal sign, then drop from whichever
     * end is smaller until m remain. The global maximum is never dropped, so the levelled error increases.
     */
    static double[] alternatingSubset(List<Extrema.Point> ext, int m) {
        List<Extrema.Point> alt = new ArrayList<>();
        for (Extrema.Point p : ext) {
            if (p.e() == 0) {
                continue;
            }
            if (!alt.isEmpty() && Math.signum(alt.get(alt.size() - 1).e()) == Math.signum(p.e())) {
                if (Math.abs(p.e()) > Math.abs(alt.get(alt.size() - 1).e())) {
                    alt.set(alt.size() - 1, p);
                }
            } else {
                alt.add(p);
            }
        }
        while (alt.size() > m) {
            if (Math.abs(alt.get(0).e()) < Math.abs(alt.get(alt.size() - 1).e())) {
                alt.remove(0);
            } else {
                alt.remove(alt.size() - 1);
            }
        }
        if (alt.size() < m) {
            return null;
        }
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = alt.get(i).x();
        }
        return r;
    }
}
