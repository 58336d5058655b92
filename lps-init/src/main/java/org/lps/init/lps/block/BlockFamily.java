package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.hipparchus.complex.ComplexField;
import org.hipparchus.linear.Array2DRowFieldMatrix;
import org.hipparchus.linear.ArrayFieldVector;
import org.hipparchus.linear.FieldDecompositionSolver;
import org.hipparchus.linear.FieldLUDecomposition;
import org.hipparchus.linear.FieldVector;
import org.lps.homotopy.linalg.NullSpace;
import org.lps.homotopy.linalg.NullSpace;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.param.SignedPermutationGroup;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.SystemBuilder;
import org.lps.homotopy.solve.ParameterSolver;

/**
 * The symmetric family the monodromy solve works in: gradients of J_q = q_0 J + sum_o q_o I_o, with J the block's loss
 * and I_1..I_n group-invariant polynomials whose gradients span every direction (orbit sums under {@link BlockSymmetry} of one neuron's
 * monomials, by degree from 1). Every member is the gradient of an invariant function, so it keeps the
 * block's symmetry and its fixed subspaces ({@link FixedSubspace}); q = (1, 0, ..., 0) is the block itself.
 *
 * <p>The family is linear and homogeneous in q, so a start pair is a random point y0 and a random q in the null space
 * of the n_L x P matrix A(y0) with F(y0; q) = A(y0) q, which exists because there are more parameters than unknowns.
 * The linear term sum_j b_j (when invariant) also removes the "dead neuron" solutions (w_j, b_j, v_j) = 0 from the
 * generic member: they are solutions of J's gradient for every moment and ridge weight, but not of a member with a
 * field on b, so they come back at q = (1, 0, ..., 0) as limits of generic solutions instead of as a component of
 * their own.
 */
final class BlockFamily {


    private final int n;
    private final List<Polynomial> generators;   // J, then the invariants, in theta

    private BlockFamily(int n, List<Polynomial> generators) {
        this.n = n;
        this.generators = generators;
    }

    static BlockFamily of(BlockProblem problem) {
        int n = problem.unknowns();
        SignedPermutationGroup group = problem.symmetry().group();
        List<Polynomial> gens = new ArrayList<>();
        gens.add(problem.lossPolynomial());
        // as few invariants as a start pair needs, those that keep J's own form first: the field sum_j b_j, the
        // ridge weights and the beta_r of B(t) = sum_r beta_r t^r (target moments); then sums over neurons of one
        // neuron's monomials. Every direction that leaves J's form adds generic solutions that the final homotopy
        // tracks to infinity (k = 2 with all invariants of degree <= 2: 480 generic solutions for 273 finite; with
        // these, 393)
        List<Polynomial> candidates = new ArrayList<>();
        int k = problem.width();
        candidates.add(sumOver(k, j -> Polynomial.variable(LpsBlockSystem.b(j))));
        candidates.add(sumOver(k, j -> Polynomial.variable(LpsBlockSystem.w(j)).pow(2)));
        candidates.add(sumOver(k, j -> Polynomial.variable(LpsBlockSystem.b(j)).pow(2)));
        candidates.add(sumOver(k, j -> Polynomial.variable(LpsBlockSystem.v(j)).pow(2)));
        List<Polynomial> beta = beta(k, problem.fit().coefficients());
        candidates.addAll(beta);
        for (int degree = 1; degree <= 4; degree++) {
            for (int[] e : Polynomial.exponentsOfDegree(n, degree)) {
                if (oneNeuron(e)) {
                    candidates.add(Polynomial.monomial(1, 0, e));
                }
            }
        }
        // greedily: a candidate is taken if its gradient at a random point is independent of those taken, until the
        // invariants alone span every direction (rank n). Then A(y0) = [grad J | grad I] has a null vector with
        // q_0 free: were a direction covered by J alone, every start pair would have q_0 = 0, a member without J
        // (k = 1 lost all its solutions that way)
        Map<String, Polynomial> invariants = new LinkedHashMap<>();
        List<String> names = LpsBlockSystem.variableNames(k);
        SplittableRandom probe = new SplittableRandom(0x5EEDL);
        Complex[] y = new Complex[n];
        for (int i = 0; i < n; i++) {
            y[i] = new Complex(probe.nextGaussian(), probe.nextGaussian());
        }
        List<Complex[]> columns = new ArrayList<>();
        int rank = 0;
        for (Polynomial c : candidates) {
            if (rank == n) {
                break;
            }
            Polynomial r = group.reynolds(c);
            if (r.isZero() || invariants.containsKey(r.format(names))) {
                continue;
            }
            columns.add(gradientAt(r, y));
            int next = rank(columns, n);
            if (next > rank) {
                invariants.put(r.format(names), r);
                rank = next;
            } else {
                columns.remove(columns.size() - 1);
            }
        }
        if (rank < n) {
            throw new IllegalStateException("the block's invariants span " + rank + " of " + n + " directions");
        }
        gens.addAll(invariants.values());
        return new BlockFamily(n, gens);
    }

    int parameterCount() {
        return generators.size();
    }

    /** The family restricted to the subspace L: unknowns y (L's free coordinates), parameters q. */
    ParameterizedSystem on(FixedSubspace l) {
        int m = l.dimension();
        int pc = generators.size();
        List<Polynomial> parts = new ArrayList<>();
        for (int p = 0; p < pc; p++) {
            parts.add(restrict(generators.get(p), l).multiply(Polynomial.variable(m + p)));
        }
        Polynomial jq = Polynomial.sum(parts);
        SystemBuilder sb = new SystemBuilder();
        List<String> params = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            sb.variable("y" + (i + 1));
        }
        for (int p = 0; p < pc; p++) {
            params.add("q" + p);
            sb.variable("q" + p);
        }
        for (int i = 0; i < m; i++) {
            sb.equation(jq.derivative(i));
        }
        PolynomialSystem s = sb.build();
        return ParameterizedSystem.of(s, params);
    }

    /** The block itself: q = (1, 0, ..., 0), interleaved. */
    double[] actual() {
        double[] q = new double[2 * generators.size()];
        q[0] = 1;
        return q;
    }

    /**
     * A start pair (y0, q) of {@code family} (from {@link #on}): y0 random complex, q random in the null space of
     * A(y0). Returns {y0, q}.
     */
    static double[][] startPair(ParameterizedSystem family, SplittableRandom random) {
        int m = family.variableCount();
        int pc = family.parameterCount();
        if (pc <= m) {
            throw new IllegalStateException("the symmetric family has " + pc + " parameters for " + m
                    + " unknowns: no start pair");
        }
        double[] y0 = ParameterSolver.randomParameters(m, random);
        Complex[][] a = new Complex[m][pc];
        for (int p = 0; p < pc; p++) {
            double[] e = new double[2 * pc];
            e[2 * p] = 1;
            double[] f = family.evaluate(y0, e);
            for (int i = 0; i < m; i++) {
                a[i][p] = new Complex(f[2 * i], f[2 * i + 1]);
            }
        }
        return new double[][] {y0, nullVector(a, m, pc, random)};
    }

    /** A random vector q with A q = 0 (A is m x P, P > m), interleaved ({@link NullSpace#randomVector}). */
    static double[] nullVector(Complex[][] a, int m, int pc, SplittableRandom random) {
        Complex[] q = NullSpace.randomVector(a, m, pc, random);
        double[] out = new double[2 * pc];
        for (int j = 0; j < pc; j++) {
            out[2 * j] = q[j].getReal();
            out[2 * j + 1] = q[j].getImaginary();
        }
        return out;
    }

    private static Complex[] gradientAt(Polynomial p, Complex[] y) {
        Complex[] g = new Complex[y.length];
        for (int i = 0; i < y.length; i++) {
            g[i] = p.derivative(i).evaluate(y);
        }
        return g;
    }

    /** The rank of the n x columns.size() matrix with these columns. */
    private static int rank(List<Complex[]> columns, int n) {
        Complex[][] a = new Complex[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            for (int i = 0; i < n; i++) {
                a[i][j] = columns.get(j)[i];
            }
        }
        int rank = 0;
        Complex[][] r = a;
        double scale = 0;
        for (Complex[] ri : r) {
            for (Complex z : ri) {
                scale = Math.max(scale, z.norm());
            }
        }
        int row = 0;
        for (int col = 0; col < columns.size() && row < n; col++) {
            int best = row;
            for (int i = row + 1; i < n; i++) {
                if (r[i][col].norm() > r[best][col].norm()) {
                    best = i;
                }
            }
            if (r[best][col].norm() <= 1e-9 * scale) {
                continue;
            }
            Complex[] t = r[row];
            r[row] = r[best];
            r[best] = t;
            for (int i = row + 1; i < n; i++) {
                Complex f = r[i][col].divide(r[row][col]);
                for (int j = col; j < columns.size(); j++) {
                    r[i][j] = r[i][j].subtract(f.multiply(r[row][j]));
                }
            }
            row++;
            rank++;
        }
        return rank;
    }

    /** P(E y): theta_i = sign_i y_free(i), or 0. */
    static Polynomial restrict(Polynomial poly, FixedSubspace l) {
        int n = l.free().length;
        List<Polynomial> terms = new ArrayList<>();
        int[] e = new int[Math.max(1, l.dimension())];
        for (int t = 0; t < poly.termCount(); t++) {
            int[] a = poly.exponents(t, n);
            java.util.Arrays.fill(e, 0);
            int sign = 1;
            boolean vanishes = false;
            for (int i = 0; i < n; i++) {
                if (a[i] == 0) {
                    continue;
                }
                if (l.free()[i] < 0) {
                    vanishes = true;
                    break;
                }
                e[l.free()[i]] += a[i];
                if (l.sign()[i] < 0 && a[i] % 2 == 1) {
                    sign = -sign;
                }
            }
            if (!vanishes) {
                terms.add(Polynomial.monomial(sign * poly.re(t), sign * poly.im(t), e.clone()));
            }
        }
        return Polynomial.sum(terms);
    }

    private static Polynomial sumOver(int k, java.util.function.IntFunction<Polynomial> term) {
        List<Polynomial> t = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            t.add(term.apply(j));
        }
        return Polynomial.sum(t);
    }

    /**
     * beta_r, the coefficient of t^r in B(t) = sum_j v_j p(w_j t + b_j) + c: sum_j v_j w_j^r p^(r)(b_j) / r! (plus c
     * for r = 0).
     */
    private static List<Polynomial> beta(int k, double[] a) {
        int d = a.length - 1;
        List<Polynomial> out = new ArrayList<>();
        for (int r = 0; r <= d; r++) {
            List<Polynomial> terms = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Polynomial dr = Polynomial.zero();
                Polynomial bj = Polynomial.variable(LpsBlockSystem.b(j));
                for (int m = r; m <= d; m++) {
                    dr = dr.add(bj.pow(m - r).scale(a[m] * binomial(m, r)));
                }
                terms.add(Polynomial.variable(LpsBlockSystem.v(j)).multiply(Polynomial.variable(LpsBlockSystem.w(j))
                        .pow(r)).multiply(dr));
            }
            if (r == 0) {
                terms.add(Polynomial.variable(LpsBlockSystem.c(k)));
            }
            out.add(Polynomial.sum(terms));
        }
        return out;
    }

    private static double binomial(int n, int r) {
        double x = 1;
        for (int i = 1; i <= r; i++) {
            x = x * (n - r + i) / i;
        }
        return x;
    }

    /** Whether x^e involves at most one neuron's (w_j, b_j, v_j) (and perhaps c, the last unknown). */
    private static boolean oneNeuron(int[] e) {
        int neuron = -1;
        for (int i = 0; i < e.length - 1; i++) {
            if (e[i] > 0) {
                if (neuron >= 0 && neuron != i / 3) {
                    return false;
                }
                neuron = i / 3;
            }
        }
        return true;
    }

    /** Exponent vectors of the monomials of exactly this degree in n variables. */
}
