package org.lps.init.lps.block;

import java.util.List;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.SetStructure;
import org.lps.polyapprox.quadrature.GaussHermite;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * One block problem of docs/design.md, LPS step 2 made concrete: the fitted polynomial, the loss J as an exact polynomial in
 * theta = (w_1, b_1, v_1, ..., c), its gradient system and the linear-product structure of step 3.
 *
 * <p>E[B(t)^2] has degree 2d in t, so the (d + 1)-point probabilists' Gauss-Hermite rule (exact up to degree
 * 2d + 1) makes it exact; the cross term E[B g] goes through the target's moments (see {@link Target}). J is then
 * E_t[(B - g)^2] + ridge exactly, up to rounding of its coefficients.
 */
public final class BlockProblem {

    private final BlockSpec spec;
    private final ActivationFit fit;
    private final double[] moments;
    private final double targetSquare;
    private final QuadratureRule rule;
    private final Polynomial loss;
    private final PolynomialSystem gradient;
    private final CompiledSystem compiledGradient;
    private final BlockSymmetry symmetry;

    private BlockProblem(BlockSpec spec) {
        this.spec = spec;
        this.fit = ActivationFit.of(spec.activation(), spec.degree(), spec.measure());
        int k = spec.width();
        int d = spec.degree();
        this.moments = spec.target().moments(spec.activation(), d);
        this.targetSquare = spec.target().secondMoment(spec.activation());
        this.rule = GaussHermite.exactForDegree(2 * d);
        this.loss = LpsBlockSystem.loss(k, fit.coefficients(), rule.nodes(), rule.weights(), moments, targetSquare,
                spec.lambda());
        this.gradient = LpsBlockSystem.gradient(k, loss);
        this.compiledGradient = CompiledSystem.compile(gradient);
        this.symmetry = BlockSymmetry.of(k, fit, moments);
    }

    public static BlockProblem of(BlockSpec spec) {
        return new BlockProblem(spec);
    }

    public BlockSpec spec() {
        return spec;
    }

    public ActivationFit fit() {
        return fit;
    }

    /** k. */
    public int width() {
        return spec.width();
    }

    /** 3k + 1. */
    public int unknowns() {
        return 3 * spec.width() + 1;
    }

    public List<String> variableNames() {
        return gradient.variables();
    }

    /** J as a polynomial in theta. */
    public Polynomial lossPolynomial() {
        return loss;
    }

    /** grad J = 0: the system the homotopy solves. */
    public PolynomialSystem gradientSystem() {
        return gradient;
    }

    /** docs/design.md's set structure for this k and d: the linear-product start system is built on it. */
    public SetStructure designStructure() {
        return LpsBlockSystem.designStructure(spec.width(), spec.degree());
    }

    public BlockSymmetry symmetry() {
        return symmetry;
    }

    /** A fast evaluator of J and grad J written from the formulas, independent of the polynomial. */
    public BlockFunction function() {
        return new BlockFunction(spec.width(), fit.coefficients(), rule.nodes(), rule.weights(), moments,
                targetSquare, spec.lambda());
    }

    /** J(theta), from the polynomial. */
    public double loss(double[] theta) {
        return loss.evaluate(theta, new double[theta.length]).getReal();
    }

    /** The Hessian of J at a real point: the Jacobian of the gradient system. Row-major n x n. */
    public double[][] hessian(double[] theta) {
        int n = unknowns();
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = theta[i];
        }
        double[] f = new double[2 * n];
        double[] jac = new double[2 * n * n];
        Evaluator e = compiledGradient.evaluator();
        e.valuesAndJacobian(x, f, jac);
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = jac[2 * (i * n + j)];
            }
        }
        // symmetric in exact arithmetic; symmetrize the rounding
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    /** grad J at a real point, from the polynomial system. */
    public double[] gradient(double[] theta) {
        int n = unknowns();
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = theta[i];
        }
        double[] f = new double[2 * n];
        compiledGradient.evaluator().values(x, f);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = f[2 * i];
        }
        return g;
    }
}
