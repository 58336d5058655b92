package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.SystemBuilder;
import org.lps.polyapprox.quadrature.GaussHermite;
import org.lps.polyapprox.quadrature.QuadratureRule;

/**
 * The block's critical-point equations with the ridge weight lambda as a parameter: grad J(theta; lambda) = 0 with
 * J = E[(B - g)^2] + lambda (|w|^2 + |b|^2 + |v|^2), a {@link ParameterizedSystem} in the unknowns theta of
 * {@link LpsBlockSystem} (same names, same order) and the one parameter {@code lambda}. Each equation is affine in
 * lambda (its ridge term 2 lambda theta_i), so the parameter homotopy between two lambdas moves every coefficient
 * on a line. The data part is built from the spec exactly as {@link BlockProblem} builds it; the spec's own lambda
 * is ignored.
 */
public final class LambdaFamily {

    /** The parameter's name in the family. */
    public static final String PARAMETER = "lambda";

    private LambdaFamily() {
    }

    public static ParameterizedSystem of(BlockSpec spec) {
        int k = spec.width();
        int d = spec.degree();
        ActivationFit fit = ActivationFit.of(spec.activation(), d, spec.measure());
        QuadratureRule rule = GaussHermite.exactForDegree(2 * d);
        // lambda = 0: the data term E[(B - g)^2] alone; the ridge is added below with lambda as a variable
        Polynomial data = LpsBlockSystem.loss(k, fit.coefficients(), rule.nodes(), rule.weights(),
                spec.target().moments(spec.activation(), d), spec.target().secondMoment(spec.activation()), 0.0);
        int n = 3 * k + 1;
        Polynomial lambda = Polynomial.variable(n);
        List<Polynomial> ridge = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            for (int x : new int[] {LpsBlockSystem.w(j), LpsBlockSystem.b(j), LpsBlockSystem.v(j)}) {
                ridge.add(Polynomial.variable(x).pow(2));
            }
        }
        Polynomial loss = data.add(lambda.multiply(Polynomial.sum(ridge)));
        SystemBuilder sb = new SystemBuilder();
        for (String name : LpsBlockSystem.variableNames(k)) {
            sb.variable(name);
        }
        sb.variable(PARAMETER);
        for (int x = 0; x < n; x++) {
            sb.equation(loss.derivative(x));
        }
        PolynomialSystem system = sb.build();
        return ParameterizedSystem.of(system, PARAMETER);
    }

    /** The parameter point lambda (real), as {@link ParameterizedSystem} takes it: interleaved complex. */
    public static double[] point(double lambda) {
        return new double[] {lambda, 0};
    }
}
