package org.lps.init.lps.block;

import java.util.Optional;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Turns an approximate real root of grad J into a {@link CriticalPoint}: Newton's method in real arithmetic on
 * grad J = 0 (the Hessian is its Jacobian) polishes it to full double accuracy, then the eigenvalues of the Hessian
 * classify it. Polishing matters twice: the homotopy's endpoints carry tiny imaginary parts we drop, and the
 * random-start local searches stop on a gradient tolerance; both must land on the same point to be compared.
 */
final class Criticality {

    /** An eigenvalue below this times max(1, largest |eigenvalue|) counts as zero. */
    static final double ZERO_EIGENVALUE = 1e-8;
    /** Newton must reach a gradient this small, times the size of grad J's terms, to call the point critical. */
    static final double CRITICAL = 1e-9;

    private final BlockProblem problem;

    Criticality(BlockProblem problem) {
        this.problem = problem;
    }

    /**
     * Polishes {@code theta0} and classifies it; empty when Newton drifts away (more than {@code maxMove} in the
     * max-norm relative to max(1, |theta0|)) or does not reach a critical point.
     */
    Optional<CriticalPoint> polish(double[] theta0, double maxMove) {
        int n = problem.unknowns();
        double[] x = theta0.clone();
        double scale = Math.max(1, maxAbs(theta0));
        double[] g = problem.gradient(x);
        for (int it = 0; it < 30 && norm(g) > 1e-15 * scale; it++) {
            DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(problem.hessian(x), false), 1e-14)
                    .getSolver();
            if (!lu.isNonSingular()) {
                break;
            }
            RealVector step = lu.solve(new ArrayRealVector(g, false));
            double size = step.getLInfNorm();
            for (int i = 0; i < n; i++) {
                x[i] -= step.getEntry(i);
            }
            double[] next = problem.gradient(x);
            if (size <= 1e-15 * Math.max(1, maxAbs(x)) || norm(next) >= norm(g)) {
                g = next;
                break;
            }
            g = next;
        }
        // the gradient's terms grow like |theta|^(2d + 1): so does the rounding level it can be checked against
        double level = Math.pow(Math.max(1, maxAbs(x)), 2 * problem.spec().degree() + 1);
        if (!(maxDiff(x, theta0) <= maxMove * scale) || !(norm(g) <= CRITICAL * level)) {
            return Optional.empty();
        }
        return Optional.of(classify(x, norm(g)));
    }

    /**
     * The critical point at a real solution x of grad J = 0: polished (Newton may move it by
     * {@link BlockSolver#POLISH_MOVE}) and classified; a singular solution, accurate to ~1e-10 only, on which Newton
     * stalls, is classified where it is; empty for a regular solution that does not polish.
     */
    Optional<CriticalPoint> atSolution(double[] x, boolean singular) {
        Optional<CriticalPoint> c = polish(x, BlockSolver.POLISH_MOVE);
        if (c.isPresent() || !singular) {
            return c;
        }
        return Optional.of(classify(x, maxAbs(problem.gradient(x))));
    }

    CriticalPoint classify(double[] x, double gradientNorm) {
        double[][] h = problem.hessian(x);
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false)).getEigenvalues();
        java.util.Arrays.sort(ev);
        double big = 1;
        for (double e : ev) {
            big = Math.max(big, Math.abs(e));
        }
        double zero = ZERO_EIGENVALUE * big;
        CriticalPoint.Kind kind;
        if (hasZero(ev, zero)) {
            kind = CriticalPoint.Kind.DEGENERATE;
        } else if (ev[0] > 0) {
            kind = CriticalPoint.Kind.MINIMUM;
        } else if (ev[ev.length - 1] < 0) {
            kind = CriticalPoint.Kind.MAXIMUM;
        } else {
            kind = CriticalPoint.Kind.SADDLE;
        }
        return new CriticalPoint(x, problem.loss(x), kind, ev, gradientNorm, 1);
    }

    private static boolean hasZero(double[] ev, double zero) {
        for (double e : ev) {
            if (Math.abs(e) <= zero) {
                return true;
            }
        }
        return false;
    }

    private static double norm(double[] g) {
        return maxAbs(g);
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double maxDiff(double[] x, double[] y) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }
}
