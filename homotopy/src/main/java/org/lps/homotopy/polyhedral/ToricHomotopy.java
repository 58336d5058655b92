package org.lps.homotopy.polyhedral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.polyhedral.cells.Supports;
import org.lps.homotopy.track.Coordinates;
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
 * <p>G is compiled once with its coefficients given at run time ({@link Evaluator#valuesAndJacobian(double[],
 * double[], double[], double[])}): the coefficients g_a s^(r_a) and their s-derivatives change with s and the cell,
 * the monomials and their derivatives are shared. Immutable and shared; one {@link Evaluation} per thread, pointed
 * at a cell before each path.
 */
final class ToricHomotopy implements PathHomotopy {

    private final int n;
    private final int terms;
    /** supportTerm[t]: the term of the compiled system t is, numbered support by support, point by point. */
    private final int[] supportTerm;
    private final double[] gRe;
    private final double[] gIm;
    private final CompiledSystem system;

    /**
     * @param supports the start system's supports
     * @param gRe      real parts of its coefficients, support by support, point by point
     * @param gIm      imaginary parts
     */
    ToricHomotopy(Supports supports, double[] gRe, double[] gIm) {
        this.n = supports.dimension();
        List<Polynomial> unit = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < n; i++) {
            Map<List<Integer>, Integer> pointIndex = new HashMap<>();
            List<Polynomial> monomials = new ArrayList<>();
            for (int k = 0; k < supports.size(i); k++) {
                int[] a = supports.point(i, k);
                pointIndex.put(Arrays.stream(a).boxed().toList(), k);
                monomials.add(Polynomial.monomial(1, 0, a));
            }
            Polynomial p = Polynomial.sum(monomials);   // distinct points: one term each, in canonical order
            for (int t = 0; t < p.termCount(); t++) {
                order.add(offset + pointIndex.get(Arrays.stream(p.exponents(t, n)).boxed().toList()));
            }
            unit.add(p);
            offset += supports.size(i);
        }
        this.terms = offset;
        this.supportTerm = order.stream().mapToInt(Integer::intValue).toArray();
        this.gRe = gRe.clone();
        this.gIm = gIm.clone();
        this.system = CompiledSystem.compile(unit, n);
    }

    @Override
    public int size() {
        return n;
    }

    /** The binomial systems' unknowns y, affine (the toric phase ends at s = 1, before any endgame). */
    @Override
    public Coordinates coordinates() {
        return Coordinates.AFFINE;
    }

    @Override
    public Evaluation evaluation() {
        return new Evaluation();
    }

    /** This homotopy as one tracker sees it: always through {@code e}, whose cell its owner sets per path. */
    PathHomotopy withEvaluation(Evaluation e) {
        return new PathHomotopy() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public Coordinates coordinates() {
                return Coordinates.AFFINE;
            }

            @Override
            public PathHomotopy.Evaluation evaluation() {
                return e;
            }
        };
    }

    /** One thread's evaluation; {@link #cell} chooses the exponents r of the path being tracked. */
    final class Evaluation implements PathHomotopy.Evaluation {
        private final Evaluator evaluator = system.evaluator();
        private final double[] c = new double[2 * terms];
        private final double[] dc = new double[2 * terms];
        private double[] exponents;

        /** The exponents r (one per term, support by support) of the cell whose path comes next. */
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
                int a = supportTerm[t];
                double r = exponents[a];
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
                c[2 * t] = gRe[a] * p;
                c[2 * t + 1] = gIm[a] * p;
                dc[2 * t] = gRe[a] * dp;
                dc[2 * t + 1] = gIm[a] * dp;
            }
        }

        @Override
        public void evaluate(double[] y, double sRe, double sIm, double[] h, double[] jac, double[] hs) {
            coefficients(sRe);
            evaluator.valuesAndJacobian(y, c, h, jac);
            evaluator.valuesAtLastPoint(dc, hs);
        }
    }
}
