package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.param.SignedPermutationGroup;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The curve and the pencil of a {@link TraceTest}: a one-parameter deformation C = {(x, lambda)} of the system at the
 * base point, whose points at lambda = 0 are the solutions, and a slice function h with the pencil
 * h(x) lambda = -t, whose member t = 0 is lambda = 0 (the solutions) together with h = 0 (the extra witnesses W10).
 * Two constructions:
 * <ul>
 *   <li>{@link #linear}: any system. The constant terms move along a random direction w, F(x) + lambda w = 0, and h is
 *       a random affine function a . x - a0. Nothing is symmetric, so every point is tracked.</li>
 *   <li>{@link #invariant}: a family affine in its parameters whose every member is equivariant under a group (the
 *       LPS block's family, a {@code --symmetry} family). The deformation moves the family's constant-term
 *       parameters, F(x; q* + lambda v) = 0 with F(x; q + v) - F(x; q) constant in x, so each member of the curve
 *       keeps the symmetry (whatever the group does to the equations) and C is carried to itself by the group; h is
 *       a random combination of the group's invariant polynomials of degree 1 (or 2 when there is none) plus a
 *       constant, so the slice h = 0 is too: the witnesses come in orbits, found by monodromy over one point per
 *       orbit, and the pencil is tracked one point per orbit. C is then reducible (it keeps every fixed subspace), so
 *       the witnesses' loops start from a point on each component.</li>
 * </ul>
 * The degree bound needs h to grow on every branch of C at infinity. A random affine h does; an invariant one grows
 * unless every invariant of its degree vanishes on the branch's direction (the sign changes leave no invariant linear
 * function on most coordinates: the LPS block's global flip negates w, v and c, and only sum_j b_j is left). With h
 * of degree e the trace of any function of degree at most e (the coordinates, lambda, the invariants) is a polynomial
 * of degree at most 1 in t: each has a pole of at most the order of g = h lambda's there (lambda does not vanish at
 * infinity on C, because the base point is generic: its solutions stay finite). Where h does not grow, the trace
 * has a pole and the test fails on a complete set: a test that cannot pass, never one that passes wrongly.
 *
 * @param slices    [F(x; ...) + lambda (...); h(x)] in (x, lambda) with the deformation and slice coefficients as
 *                  parameters, for the witnesses' monodromy
 * @param sliceBase the parameter point of the test's own curve and slice
 * @param starts    points (x, lambda) of it, the monodromy's starts: one for the linear slice; for the invariant
 *                  one, one on every component of the curve that the caller knows a solution of (a symmetric curve
 *                  has a component in each fixed subspace with solutions, which loops from elsewhere never reach)
 * @param pencil    [F(x; ...) + lambda (...); h(x) lambda + t] in (x, lambda) with parameter t
 * @param group     the group acting on (x, lambda) (trivial for {@link #linear})
 * @param functions invariant polynomials in x whose traces are tested beside the coordinates' (none for linear)
 */
record TraceSlice(ParameterizedSystem slices, double[] sliceBase, List<double[]> starts, ParameterizedSystem pencil,
                  SignedPermutationGroup group, List<Polynomial> functions) {

    /**
     * The parameters of an affine family that move only constant terms (F(x; q + e_i) - F(x; q) does not depend on
     * x), with their constant vectors G_i: deforming along them keeps every member's symmetry whatever the group does
     * to the equations, and keeps the curve's degree low.
     */
    static List<Integer> constantDirections(ParameterizedSystem family) {
        List<Integer> out = new ArrayList<>();
        if (!family.isAffine()) {
            return out;
        }
        int m = family.parameterCount();
        PolynomialSystem atZero = family.at(new double[2 * m]);
        for (int i = 0; i < m; i++) {
            double[] e = new double[2 * m];
            e[2 * i] = 1;
            PolynomialSystem at = family.at(e);
            boolean constant = true;
            boolean zero = true;
            for (int j = 0; j < family.variableCount(); j++) {
                Polynomial g = at.equation(j).subtract(atZero.equation(j));
                constant &= g.degree() <= 0;
                zero &= g.isZero();
            }
            if (constant && !zero) {
                out.add(i);
            }
        }
        return out;
    }

    /** Whether {@link #invariant} applies: a group, and a family affine in parameters that move constant terms. */
    static boolean invariantApplies(ParameterizedSystem family, SignedPermutationGroup group) {
        return group != null && group.order() > 1 && group.size() == family.variableCount()
                && !constantDirections(family).isEmpty();
    }

    /** The constant-term deformation and a random hyperplane, for the system f (any system). */
    static TraceSlice linear(PolynomialSystem f, SplittableRandom r) {
        int n = f.variableCount();
        double[] xs = ParameterSolver.randomParameters(n, r);
        double[] lambda = ParameterSolver.randomParameters(1, r);
        double[] a = ParameterSolver.randomParameters(n, r);
        // the start pair: w = -F(x*) / lambda*, a0 = a . x*
        double[] fx = ParameterizedSystem.of(f, List.of()).evaluate(xs, new double[0]);
        double[] w = new double[2 * n];
        double lr = lambda[0], li = lambda[1], ld = lr * lr + li * li;
        for (int i = 0; i < n; i++) {
            double fr = -fx[2 * i], fi = -fx[2 * i + 1];
            w[2 * i] = (fr * lr + fi * li) / ld;
            w[2 * i + 1] = (fi * lr - fr * li) / ld;
        }
        Complex a0 = Complex.ZERO;
        for (int k = 0; k < n; k++) {
            a0 = a0.add(new Complex(a[2 * k], a[2 * k + 1]).multiply(new Complex(xs[2 * k], xs[2 * k + 1])));
        }
        double[] sliceBase = new double[2 * (2 * n + 1)];
        System.arraycopy(w, 0, sliceBase, 0, 2 * n);
        System.arraycopy(a, 0, sliceBase, 2 * n, 2 * n);
        sliceBase[4 * n] = a0.getReal();
        sliceBase[4 * n + 1] = a0.getImaginary();

        // [F(x) + lambda w; a . x - a0] in (x, lambda), parameters (w, a, a0)
        int lam = n, wk = n + 1, ak = 2 * n + 1, a0k = 3 * n + 1;
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            eqs.add(f.equation(i).add(Polynomial.variable(lam).multiply(Polynomial.variable(wk + i))));
        }
        Polynomial last = Polynomial.variable(a0k).negate();
        for (int k = 0; k < n; k++) {
            last = last.add(Polynomial.variable(ak + k).multiply(Polynomial.variable(k)));
        }
        eqs.add(last);
        List<String> params = new ArrayList<>(numbered("$w", n));
        params.addAll(numbered("$a", n));
        params.add("$b");
        ParameterizedSystem slices = family(f.variables(), params, eqs);

        // [F(x) + lambda w; (a . x - a0) lambda + t] at those values
        List<Polynomial> pencil = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pencil.add(f.equation(i).add(Polynomial.variable(lam).multiply(Polynomial.constant(w[2 * i], w[2 * i + 1]))));
        }
        Polynomial h = Polynomial.constant(-a0.getReal(), -a0.getImaginary());
        for (int k = 0; k < n; k++) {
            h = h.add(Polynomial.variable(k).multiply(Polynomial.constant(a[2 * k], a[2 * k + 1])));
        }
        pencil.add(h.multiply(Polynomial.variable(lam)).add(Polynomial.variable(n + 1)));
        return new TraceSlice(slices, sliceBase, List.of(start(xs, lambda)), family(f.variables(), List.of("$t"), pencil),
                SignedPermutationGroup.generatedBy(n + 1, List.of()), List.of());
    }

    /**
     * The deformation along the family's constant-term parameters and an invariant slice (see the class comment), at
     * the family's generic point {@code base}, started from known solutions there: (x_s, 0) solves the slice family
     * whose slice constant is -h(x_s), and one path carries it to the test's own random constant (at -h(x_s) itself
     * the two parts of the pencil would meet at x_s). Pass one solution per component of the curve (per fixed
     * subspace that has solutions, and one generic). Needs {@link #invariantApplies}; null if no start was carried.
     */
    static TraceSlice invariant(ParameterizedSystem family, double[] base, SignedPermutationGroup group,
                                List<double[]> solutions, SolveOptions trackOptions, SplittableRandom r) {
        int n = family.variableCount();
        int m = family.parameterCount();
        List<Integer> directions = constantDirections(family);
        int dv = directions.size();
        PolynomialSystem atBase = family.at(base);
        PolynomialSystem atZero = family.at(new double[2 * m]);
        List<PolynomialSystem> unit = new ArrayList<>();
        for (int i : directions) {
            double[] e = new double[2 * m];
            e[2 * i] = 1;
            unit.add(family.at(e));
        }
        // the slice's degree: 1 where the group leaves a linear function invariant, else 2 (sign changes on every
        // coordinate)
        // the slice: an invariant hyperplane where the group leaves a linear function invariant (LPS k = 2: sum_j
        // b_j; 250 witnesses, where the quadric has 670), else an invariant quadric
        List<Polynomial> invariants = group.invariants(1);
        if (invariants.isEmpty()) {
            invariants = group.invariants(2);
        }
        int s = invariants.size();
        double[] alpha = ParameterSolver.randomParameters(dv, r);
        double[] coefficients = ParameterSolver.randomParameters(s, r);
        double[] c0 = ParameterSolver.randomParameters(1, r);
        // [F(x; q*) + lambda sum_i alpha_i G_i; sum_k c_k phi_k(x) + c0] in (x, lambda), parameters (alpha, c, c0)
        int lamVar = n, ak = n + 1, ck = n + 1 + dv, c0k = n + 1 + dv + s;
        List<Polynomial> eqs = new ArrayList<>();
        List<Polynomial> pencil = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            List<Polynomial> parts = new ArrayList<>(List.of(atBase.equation(j)));
            List<Polynomial> fixed = new ArrayList<>(List.of(atBase.equation(j)));
            for (int d = 0; d < dv; d++) {
                Polynomial g = unit.get(d).equation(j).subtract(atZero.equation(j));
                if (g.isZero()) {
                    continue;
                }
                Polynomial lg = g.multiply(Polynomial.variable(lamVar));
                parts.add(lg.multiply(Polynomial.variable(ak + d)));
                fixed.add(lg.scale(alpha[2 * d], alpha[2 * d + 1]));
            }
            eqs.add(Polynomial.sum(parts));
            pencil.add(Polynomial.sum(fixed));
        }
        List<Polynomial> slice = new ArrayList<>(List.of(Polynomial.variable(c0k)));
        List<Polynomial> h = new ArrayList<>(List.of(Polynomial.constant(c0[0], c0[1])));
        for (int k = 0; k < s; k++) {
            slice.add(invariants.get(k).multiply(Polynomial.variable(ck + k)));
            h.add(invariants.get(k).scale(coefficients[2 * k], coefficients[2 * k + 1]));
        }
        eqs.add(Polynomial.sum(slice));
        pencil.add(Polynomial.sum(h).multiply(Polynomial.variable(lamVar)).add(Polynomial.variable(n + 1)));
        List<String> params = new ArrayList<>(numbered("$alpha", dv));
        params.addAll(numbered("$c", s));
        params.add("$h");
        ParameterizedSystem slices = family(family.variables(), params, eqs);

        double[] sliceBase = new double[2 * (dv + s + 1)];
        System.arraycopy(alpha, 0, sliceBase, 0, 2 * dv);
        System.arraycopy(coefficients, 0, sliceBase, 2 * dv, 2 * s);
        sliceBase[2 * (dv + s)] = c0[0];
        sliceBase[2 * (dv + s) + 1] = c0[1];
        List<double[]> starts = new ArrayList<>();
        try (ParameterSolver ps = new ParameterSolver(slices, trackOptions)) {
            for (double[] solution : solutions) {
                Complex[] xs = new Complex[n];
                for (int k = 0; k < n; k++) {
                    xs[k] = new Complex(solution[2 * k], solution[2 * k + 1]);
                }
                Complex hs = Complex.ZERO;
                for (int k = 0; k < s; k++) {
                    hs = hs.add(new Complex(coefficients[2 * k], coefficients[2 * k + 1])
                            .multiply(invariants.get(k).evaluate(xs)));
                }
                double[] through = sliceBase.clone();
                through[2 * (dv + s)] = -hs.getReal();
                through[2 * (dv + s) + 1] = -hs.getImaginary();
                double[] onSlice = new double[2 * (n + 1)];
                System.arraycopy(solution, 0, onSlice, 0, 2 * n);
                for (Solution x : ps.track(through, List.of(onSlice), sliceBase).nonsingularSolutions()) {
                    starts.add(x.interleaved());
                }
            }
        }
        if (starts.isEmpty()) {
            return null;
        }
        return new TraceSlice(slices, sliceBase, starts, family(family.variables(), List.of("$t"), pencil),
                group.extended(1), invariants);
    }

    private static double[] start(double[] xs, double[] lambda) {
        int n = xs.length / 2;
        double[] start = new double[2 * (n + 1)];
        System.arraycopy(xs, 0, start, 0, 2 * n);
        start[2 * n] = lambda[0];
        start[2 * n + 1] = lambda[1];
        return start;
    }

    /** prefix0, prefix1, ..., one name per parameter of a kind. */
    private static List<String> numbered(String prefix, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /** The system in (x, $lambda, params...) with those parameters. */
    private static ParameterizedSystem family(List<String> variables, List<String> params, List<Polynomial> eqs) {
        List<String> names = new ArrayList<>(variables);
        names.add("$lambda");
        names.addAll(params);
        return ParameterizedSystem.of(new PolynomialSystem(names, eqs), params);
    }
}
