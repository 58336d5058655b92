package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Equation and variable scaling for systems whose coefficients span many orders of magnitude (Morgan's
 * scaling, as in PHCpack's {@code phc -s}): substitute x_j = 2^(d_j) y_j and multiply equation i by 2^(c_i),
 * with the integers c, d chosen to minimise
 * <pre>
 *   sum over the terms a x^alpha of equation i of  (log2 |a| + c_i + sum_j alpha_j d_j)^2,
 * </pre>
 * so that the scaled coefficients are as close to 1 as one power of two per equation and per variable can make
 * them. The least-squares problem is solved through its normal equations (2n unknowns) by the SVD's minimum-norm
 * solution, which also settles the directions it leaves free (a homogeneous equation can trade its scale
 * against the variables'), then rounded. Powers of two make the scaled system exact: every scaled coefficient,
 * and every solution mapped back, is the original one up to an exact power of two.
 *
 * <p>Why the homotopy's own normalisation (each equation divided by its largest coefficient) is not enough:
 * {@code 1e12 x^2 - 1} becomes {@code x^2 - 1e-12}, whose roots +-1e-6 look like a double root at 0 to a
 * tracker and an endgame working to relative accuracies of 1e-8 on points of size 1; and a {@code 1e300}
 * coefficient puts the homogenized roots out of reach of double precision altogether. After scaling, the
 * system is {@code y^2 - 1}.
 *
 * <p>It is applied only when it pays: when it brings the root mean square of log10 |coefficient| (about each
 * equation's mean, which the homotopy's own normalisation takes care of) down by at least {@link #MIN_GAIN}
 * decades.
 * Systems with coefficients of comparable sizes, such as every benchmark family, are solved as given.
 */
final class SystemScaling {

    /**
     * Scaling is applied when it moves the typical coefficient at least this many decades closer to 1. It
     * balances coefficients, not solutions, and can push solutions far from 1: on PHCpack's chemequ (gain 1.27
     * decades, variable exponents down to -18) the scaled solutions reached |y| ~ 1e5 and 1 to 6 of its 16 were
     * called at infinity, against 16 unscaled. The systems of the demo database with gains of 2.8 to 3.1
     * (comb3000, pb601) and the badly scaled cases of issue 12 (6 decades and more) are solved better scaled.
     */
    static final double MIN_GAIN = 1.5;

    private final int[] equationExponents;
    private final int[] variableExponents;
    private final double rmsBefore;
    private final double rmsAfter;

    private SystemScaling(int[] equationExponents, int[] variableExponents, double rmsBefore, double rmsAfter) {
        this.equationExponents = equationExponents;
        this.variableExponents = variableExponents;
        this.rmsBefore = rmsBefore;
        this.rmsAfter = rmsAfter;
    }

    /** The least-squares scaling of a system with n equations in n unknowns (or any shape). */
    static SystemScaling of(PolynomialSystem system) {
        int m = system.equationCount(), n = system.variableCount();
        int k = m + n;
        // normal equations A^T A u = -A^T l, u = (c_1..c_m, d_1..d_n); row of A for a term of equation i: e_i, alpha
        double[][] ata = new double[k][k];
        double[] atl = new double[k];
        double[] row = new double[k];
        int[] index = new int[k];
        int terms = 0;
        double spread = 0;
        for (int i = 0; i < m; i++) {
            Polynomial p = system.equation(i);
            double mean = 0;
            int count = 0;
            for (int t = 0; t < p.termCount(); t++) {
                double l = log2Modulus(p, t);
                if (Double.isFinite(l)) {
                    mean += l;
                    count++;
                }
            }
            mean = count == 0 ? 0 : mean / count;
            for (int t = 0; t < p.termCount(); t++) {
                double l = log2Modulus(p, t);
                if (!Double.isFinite(l)) {
                    continue;
                }
                spread += (l - mean) * (l - mean);
                terms++;
                // the row's nonzeros: e_i and the variables the term involves
                int nz = 0;
                index[nz] = i;
                row[nz++] = 1;
                for (int j = 0; j < n; j++) {
                    int e = p.exponent(t, j);
                    if (e != 0) {
                        index[nz] = m + j;
                        row[nz++] = e;
                    }
                }
                for (int a = 0; a < nz; a++) {
                    atl[index[a]] += row[a] * l;
                    for (int b = 0; b < nz; b++) {
                        ata[index[a]][index[b]] += row[a] * row[b];
                    }
                }
            }
        }
        if (terms == 0) {
            return new SystemScaling(new int[m], new int[n], 0, 0);
        }
        RealVector rhs = new ArrayRealVector(atl).mapMultiply(-1);
        RealVector u = new SingularValueDecomposition(new Array2DRowRealMatrix(ata, false)).getSolver().solve(rhs);
        int[] c = new int[m], d = new int[n];
        for (int i = 0; i < m; i++) {
            c[i] = (int) Math.round(u.getEntry(i));
        }
        for (int j = 0; j < n; j++) {
            d[j] = (int) Math.round(u.getEntry(m + j));
        }
        // the scaled coefficients' spread, each equation again centred (the homotopy rescales equations anyway)
        double after = 0;
        for (int i = 0; i < m; i++) {
            Polynomial p = system.equation(i);
            double mean = 0;
            int count = 0;
            double[] ls = new double[p.termCount()];
            for (int t = 0; t < p.termCount(); t++) {
                ls[t] = log2Modulus(p, t) + c[i] + dot(p, t, d);
                if (Double.isFinite(ls[t])) {
                    mean += ls[t];
                    count++;
                }
            }
            mean = count == 0 ? 0 : mean / count;
            for (double l : ls) {
                if (Double.isFinite(l)) {
                    after += (l - mean) * (l - mean);
                }
            }
        }
        double log10of2 = Math.log10(2);
        return new SystemScaling(c, d, Math.sqrt(spread / terms) * log10of2, Math.sqrt(after / terms) * log10of2);
    }

    private static double log2Modulus(Polynomial p, int t) {
        double a = Math.hypot(p.re(t), p.im(t));
        return a == 0 ? Double.NEGATIVE_INFINITY : Math.log(a) / Math.log(2);
    }

    private static double dot(Polynomial p, int t, int[] d) {
        double s = 0;
        for (int j = 0; j < d.length; j++) {
            s += (double) p.exponent(t, j) * d[j];
        }
        return s;
    }

    /** Whether the scaling is worth applying (see {@link #MIN_GAIN}) and changes the variables at all. */
    boolean applies() {
        boolean movesVariables = false;
        for (int d : variableExponents) {
            movesVariables |= d != 0;
        }
        return movesVariables && rmsBefore - rmsAfter >= MIN_GAIN;
    }

    /** Root mean square of log10 |coefficient| about each equation's mean, before and after scaling. */
    double spreadBefore() {
        return rmsBefore;
    }

    double spreadAfter() {
        return rmsAfter;
    }

    /** d_j: x_j = 2^(d_j) y_j. */
    int[] variableExponents() {
        return variableExponents.clone();
    }

    /** c_i: equation i is multiplied by 2^(c_i). */
    int[] equationExponents() {
        return equationExponents.clone();
    }

    /** The system in the scaled unknowns y, each equation multiplied by its power of two. */
    PolynomialSystem scaled(PolynomialSystem system) {
        int n = system.variableCount();
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < system.equationCount(); i++) {
            Polynomial p = system.equation(i);
            List<Polynomial> terms = new ArrayList<>(p.termCount());
            for (int t = 0; t < p.termCount(); t++) {
                int e = (int) (equationExponents[i] + dot(p, t, variableExponents));
                terms.add(Polynomial.monomial(Math.scalb(p.re(t), e), Math.scalb(p.im(t), e), p.exponents(t, n)));
            }
            eqs.add(Polynomial.sum(terms));
        }
        return new PolynomialSystem(system.variables(), eqs, system.groups());
    }

    /**
     * A result for the scaled system in terms of the original one: every solution's coordinates mapped back
     * and its residual max_i |f_i(x)| recomputed on the original equations. The condition number, accuracy and
     * realness stay those of the scaled system, where they measure what they should (relative changes); path
     * fates do not depend on the scaling.
     */
    SolveResult unscale(SolveResult scaled, PolynomialSystem original, double seconds) {
        Evaluator eval = CompiledSystem.compile(original).evaluator();
        double[] f = new double[2 * original.equationCount()];
        List<Solution> solutions = new ArrayList<>();
        for (Solution s : scaled.solutions()) {
            double[] x = unscale(s.interleaved());
            eval.values(x, f);
            solutions.add(new Solution(x, s.status(), s.multiplicity(), s.isReal(), s.condition(),
                    Refiner.maxAbs(f), s.accuracy(), s.windingNumber(), s.paths()));
        }
        return new SolveResult(scaled.variables(), solutions, scaled.pathResults(), scaled.startSystem(),
                scaled.startSolutionCount(), scaled.seed(), scaled.preset(), scaled.threads(), seconds,
                scaled.retracked(), scaled.startSeconds());
    }

    /** The original coordinates x_j = 2^(d_j) y_j of a scaled point y (interleaved complex), a new array. */
    double[] unscale(double[] y) {
        double[] x = new double[y.length];
        for (int j = 0; j < y.length / 2; j++) {
            x[2 * j] = Math.scalb(y[2 * j], variableExponents[j]);
            x[2 * j + 1] = Math.scalb(y[2 * j + 1], variableExponents[j]);
        }
        return x;
    }
}
