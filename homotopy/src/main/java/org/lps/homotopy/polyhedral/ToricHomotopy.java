package org.lps.homotopy.polyhedral;

import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.polyhedral.cells.Supports;
import org.lps.homotopy.track.PathHomotopy;

/**
 * The toric homotopies of the polyhedral start system, one per mixed cell, in the unknowns y of the cell's
 * change of variables x = t^alpha y (Huber and Sturmfels, Verschelde):
 * <pre>
 *   H_i(y, s) = sum over the points a of support i of  g_a s^(r_a) y^a,       s from 0 to 1,
 * </pre>
 * where r_a is how far the lifted point a lies above the cell's lower face (zero exactly for the cell's two
 * points), divided by the smallest such height of the cell so that the smallest positive exponent is 1. At
 * s = 0 only the cell's binomial system is left, whose solutions {@link BinomialSystem} gives exactly; at
 * s = 1 the homotopy is the start system G itself. (Substituting x = t^alpha y into the lifted system
 * sum g_a t^(w_a) x^a and dividing equation i by its lowest power of t gives these exponents; s = t^(e_min)
 * is only a change of the path parameter.)
 *
 * <p>The monomials y^a and their partial derivatives come from one {@link CompiledSystem} whose "equations"
 * are the single terms, so they share powers; the coefficients g_a s^(r_a) change with s and are applied
 * per evaluation. Immutable and shared; one {@link Evaluation} per thread, pointed at a cell before each path.
 */
final class ToricHomotopy implements PathHomotopy {

    private final int n;
    private final int terms;
    private final int[] equationOf;
    private final double[] gRe;
    private final double[] gIm;
    private final CompiledSystem monomials;

    /**
     * @param supports the start system's supports
     * @param gRe      real parts of its coefficients, support by support, point by point
     * @param gIm      imaginary parts
     */
    ToricHomotopy(Supports supports, double[] gRe, double[] gIm) {
        this.n = supports.dimension();
        List<Polynomial> single = new ArrayList<>();
        List<Integer> eq = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < supports.size(i); k++) {
                single.add(Polynomial.monomial(1, 0, supports.point(i, k)));
                eq.add(i);
            }
        }
        this.terms = single.size();
        this.equationOf = eq.stream().mapToInt(Integer::intValue).toArray();
        this.gRe = gRe.clone();
        this.gIm = gIm.clone();
        this.monomials = CompiledSystem.compile(single, n);
    }

    @Override
    public int size() {
        return n;
    }

    int termCount() {
        return terms;
    }

    @Override
    public Evaluation evaluation() {
        return new Evaluation();
    }

    /** One thread's evaluation; {@link #cell} chooses the exponents r of the path being tracked. */
    final class Evaluation implements PathHomotopy.Evaluation {
        private final Evaluator evaluator = monomials.evaluator();
        private final double[] m = new double[2 * terms];
        private final double[] dm = new double[2 * terms * n];
        private final double[] cRe = new double[terms];
        private final double[] cIm = new double[terms];
        private final double[] dRe = new double[terms];
        private final double[] dIm = new double[terms];
        private double[] exponents;

        /** The exponents r (one per term, in support order) of the cell whose path comes next. */
        void cell(double[] r) {
            this.exponents = r;
        }

        /**
         * The coefficients g_a s^(r_a) and their s-derivatives at real s in [0, 1] (the segment tracked;
         * complex s would need a branch of s^r for non-integer r, and never occurs).
         */
        private void coefficients(double s) {
            double logS = s > 0 ? Math.log(s) : Double.NEGATIVE_INFINITY;
            for (int t = 0; t < terms; t++) {
                double r = exponents[t];
                double p, dp;
                if (r == 0) {
                    p = 1;
                    dp = 0;
                } else if (s > 0) {
                    double e = r * logS;
                    p = e < -745 ? 0 : Math.exp(e);
                    dp = r * p / s;
                } else {
                    p = 0;
                    dp = r == 1 ? 1 : 0;   // smallest positive exponent is exactly 1; the others are > 1
                }
                cRe[t] = gRe[t] * p;
                cIm[t] = gIm[t] * p;
                dRe[t] = gRe[t] * dp;
                dIm[t] = gIm[t] * dp;
            }
        }

        @Override
        public void evaluate(double[] y, double sRe, double sIm, double[] h, double[] jac, double[] hs) {
            coefficients(sRe);
            evaluator.valuesAndJacobian(y, m, dm);
            java.util.Arrays.fill(h, 0, 2 * n, 0);
            java.util.Arrays.fill(hs, 0, 2 * n, 0);
            java.util.Arrays.fill(jac, 0, 2 * n * n, 0);
            for (int t = 0; t < terms; t++) {
                int i = equationOf[t];
                double cr = cRe[t], ci = cIm[t];
                double mr = m[2 * t], mi = m[2 * t + 1];
                h[2 * i] += cr * mr - ci * mi;
                h[2 * i + 1] += cr * mi + ci * mr;
                double dr = dRe[t], di = dIm[t];
                hs[2 * i] += dr * mr - di * mi;
                hs[2 * i + 1] += dr * mi + di * mr;
                if (cr == 0 && ci == 0) {
                    continue;
                }
                int src = 2 * t * n, dst = 2 * i * n;
                for (int j = 0; j < 2 * n; j += 2) {
                    double jr = dm[src + j], ji = dm[src + j + 1];
                    jac[dst + j] += cr * jr - ci * ji;
                    jac[dst + j + 1] += cr * ji + ci * jr;
                }
            }
        }
    }
}
