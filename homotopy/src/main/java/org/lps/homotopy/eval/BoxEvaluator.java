package org.lps.homotopy.eval;

import java.util.Arrays;
import org.lps.homotopy.interval.ComplexBoxes;
import org.lps.homotopy.interval.Intervals;

/**
 * Runs a {@link CompiledSystem}'s straight-line program in complex interval arithmetic: values and Jacobian enclosed
 * over a box of points ({@link ComplexBoxes} layout, four doubles per complex interval). The program is the
 * compiled one (the same monomial table, the same sparse rows), but the coefficients are not the compiled doubles:
 * each term's coefficient is given as a box, and a Jacobian entry's coefficient e * c (exponent times coefficient),
 * which the double program rounds, is enclosed here by outward rounding. So the enclosures are rigorous for every
 * system whose term coefficients lie in the given boxes, for instance the exact derivatives of a polynomial whose
 * coefficients are doubles.
 *
 * <p>Allocation-free after construction (the monomial boxes are a workspace); not thread-safe, one per thread.
 */
public final class BoxEvaluator {

    private static final int W = ComplexBoxes.WIDTH;

    private final CompiledSystem p;
    private final double[] valCoef;
    private final double[] jacCoef;
    private final double[] mono;

    /**
     * @param program   the compiled system
     * @param termBoxes one coefficient box per term ({@link CompiledSystem#termCount()} boxes, term numbering as
     *                  there), containing the coefficient each term really has
     */
    public BoxEvaluator(CompiledSystem program, double[] termBoxes) {
        if (termBoxes.length != W * program.termCount()) {
            throw new IllegalArgumentException("need " + program.termCount() + " coefficient boxes, got "
                    + termBoxes.length / W);
        }
        this.p = program;
        this.valCoef = new double[W * p.valTerm.length];
        for (int k = 0; k < p.valTerm.length; k++) {
            System.arraycopy(termBoxes, W * p.valTerm[k], valCoef, W * k, W);
        }
        this.jacCoef = new double[W * p.jacTerm.length];
        for (int k = 0; k < p.jacTerm.length; k++) {
            double e = p.jacExponent[k];
            int t = W * p.jacTerm[k];
            jacCoef[W * k] = Intervals.mulLo(e, e, termBoxes[t], termBoxes[t + 1]);
            jacCoef[W * k + 1] = Intervals.mulHi(e, e, termBoxes[t], termBoxes[t + 1]);
            jacCoef[W * k + 2] = Intervals.mulLo(e, e, termBoxes[t + 2], termBoxes[t + 3]);
            jacCoef[W * k + 3] = Intervals.mulHi(e, e, termBoxes[t + 2], termBoxes[t + 3]);
        }
        this.mono = new double[W * p.monoLeft.length];
    }

    /** Degenerate boxes of the compiled system's own coefficients, for a system whose coefficients are exact doubles. */
    public static double[] pointCoefficients(CompiledSystem program, double[] termCoefficients) {
        double[] boxes = new double[W * program.termCount()];
        for (int t = 0; t < program.termCount(); t++) {
            ComplexBoxes.point(termCoefficients[2 * t], termCoefficients[2 * t + 1], boxes, W * t);
        }
        return boxes;
    }

    public CompiledSystem system() {
        return p;
    }

    /** f = an enclosure of F over the box x (n boxes). */
    public void values(double[] x, double[] f) {
        monomials(x);
        sum(p.valStart, p.valMono, valCoef, f);
    }

    /** f and jac (row-major, entry (i, v) at box i * n + v) enclosing F and dF/dx over the box x. */
    public void valuesAndJacobian(double[] x, double[] f, double[] jac) {
        monomials(x);
        sum(p.valStart, p.valMono, valCoef, f);
        sum(p.jacStart, p.jacMono, jacCoef, jac);
    }

    /** jac only. */
    public void jacobian(double[] x, double[] jac) {
        monomials(x);
        sum(p.jacStart, p.jacMono, jacCoef, jac);
    }

    /** Monomial boxes in the table's order: 1, the variables, then m_k = m_left(k) * m_right(k). */
    private void monomials(double[] x) {
        final int[] left = p.monoLeft, right = p.monoRight;
        final double[] m = mono;
        final int n = p.variables;
        ComplexBoxes.point(1, 0, m, 0);
        System.arraycopy(x, 0, m, W, W * n);
        for (int k = n + 1; k < left.length; k++) {
            ComplexBoxes.mul(m, W * left[k], m, W * right[k], m, W * k);
        }
    }

    private void sum(int[] start, int[] monoIndex, double[] coef, double[] out) {
        final double[] m = mono;
        final int rows = start.length - 1;
        Arrays.fill(out, 0, W * rows, 0.0);
        for (int r = 0; r < rows; r++) {
            for (int k = start[r]; k < start[r + 1]; k++) {
                ComplexBoxes.mulAdd(coef, W * k, m, W * monoIndex[k], out, W * r);
            }
        }
    }
}
