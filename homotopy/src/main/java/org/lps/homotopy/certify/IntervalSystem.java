package org.lps.homotopy.certify;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.eval.BoxEvaluator;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.interval.ComplexBoxes;
import org.lps.homotopy.interval.Intervals;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The system a certificate speaks about: a square polynomial system whose term coefficients are known to lie in
 * boxes (degenerate boxes when the coefficients are the doubles of the input). Certification proves statements about
 * every system with coefficients in those boxes, in particular the true one.
 *
 * <p>Two sources: {@link #of(PolynomialSystem)}, the system exactly as parsed (a decimal such as 0.1 in a file is
 * the double nearest to it: the certified system is the one the solver solved), and {@link #gradientOf}, the exact
 * gradient of a polynomial with double coefficients (whose derivative coefficients k * c a double program rounds).
 */
public final class IntervalSystem {

    private static final int W = ComplexBoxes.WIDTH;

    private final PolynomialSystem system;
    private final CompiledSystem program;
    private final double[] termBoxes;
    private final boolean realCoefficients;

    private IntervalSystem(PolynomialSystem system, double[] termBoxes) {
        if (system.homogeneousGroupCount() > 0) {
            throw new IllegalArgumentException("certification works in affine coordinates; this system has a"
                    + " homogeneous variable group (projective solutions)");
        }
        if (system.equationCount() != system.variableCount()) {
            throw new IllegalArgumentException("certification needs a square system: " + system.equationCount()
                    + " equations in " + system.variableCount() + " unknowns");
        }
        this.system = system;
        this.program = CompiledSystem.compile(system);
        this.termBoxes = termBoxes;
        boolean real = true;
        for (int t = 0; t < termBoxes.length / W && real; t++) {
            real = termBoxes[W * t + 2] == 0 && termBoxes[W * t + 3] == 0;
        }
        this.realCoefficients = real;
    }

    /** The system with its coefficients exactly as stored. */
    public static IntervalSystem of(PolynomialSystem system) {
        int terms = 0;
        for (Polynomial p : system.equations()) {
            terms += p.termCount();
        }
        double[] boxes = new double[W * terms];
        int k = 0;
        for (Polynomial p : system.equations()) {
            for (int t = 0; t < p.termCount(); t++, k++) {
                ComplexBoxes.point(p.re(t), p.im(t), boxes, W * k);
            }
        }
        return new IntervalSystem(system, boxes);
    }

    /**
     * grad J = 0 for the polynomial J (double coefficients taken as exact): {@code gradient} must be J's derivatives
     * in the order of the variables, as {@link Polynomial#derivative(int)} makes them; its rounded coefficients only
     * say which terms there are, the boxes enclose the exact e * c of J's terms.
     */
    public static IntervalSystem gradientOf(Polynomial loss, PolynomialSystem gradient) {
        int n = gradient.variableCount();
        int terms = 0;
        for (Polynomial p : gradient.equations()) {
            terms += p.termCount();
        }
        double[] boxes = new double[W * terms];
        int k = 0;
        for (int x = 0; x < gradient.equationCount(); x++) {
            Polynomial p = gradient.equation(x);
            for (int t = 0; t < p.termCount(); t++, k++) {
                int[] a = p.exponents(t, n);
                double e = a[x] + 1;
                a[x]++;
                Complex c = loss.coefficientOf(a);
                if (c.isZero()) {
                    throw new IllegalArgumentException("equation " + (x + 1) + " is not the derivative of the loss in "
                            + gradient.variables().get(x));
                }
                boxes[W * k] = Intervals.mulDown(e, c.getReal());
                boxes[W * k + 1] = Intervals.mulUp(e, c.getReal());
                boxes[W * k + 2] = Intervals.mulDown(e, c.getImaginary());
                boxes[W * k + 3] = Intervals.mulUp(e, c.getImaginary());
            }
        }
        return new IntervalSystem(gradient, boxes);
    }

    public PolynomialSystem system() {
        return system;
    }

    public int dimension() {
        return system.variableCount();
    }

    public List<String> variables() {
        return system.variables();
    }

    /** The compiled (double) program, for Newton's method and the floating-point inverse. */
    public CompiledSystem program() {
        return program;
    }

    /** A fresh interval evaluator (one per thread). */
    public BoxEvaluator boxEvaluator() {
        return new BoxEvaluator(program, termBoxes);
    }

    /** Term coefficient boxes, {@link ComplexBoxes} layout, term numbering of {@link CompiledSystem#termCount()}. */
    double[] termBoxes() {
        return termBoxes;
    }

    /** Every coefficient box real (imaginary part exactly 0): complex conjugation maps solutions to solutions. */
    public boolean hasRealCoefficients() {
        return realCoefficients;
    }
}
