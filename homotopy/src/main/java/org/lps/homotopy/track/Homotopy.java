package org.lps.homotopy.track;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.start.StartSystem;

/**
 * The straight-line homotopy with the gamma trick, in projective coordinates on a random affine patch:
 * <pre>
 *   H(z, s) = s * gamma * G(z) + (1 - s) * F(z),      a . z = 1,
 * </pre>
 * where F is the target system homogenized (equation i to the start system's degree d_i, with its
 * coefficients scaled so the largest has modulus 1), G the homogenized start system, z = (x_1 .. x_n, x_0)
 * with the homogenizing coordinate last, gamma a random complex number and a a random complex vector.
 *
 * <p>The parameter is s = 1 - t: paths run from s = 1 (the start system) to s = 0 (the target). Tracking in
 * the distance to the target keeps the endgame's tiny distances (1e-10 and below) exact in floating point,
 * which they would not be as 1 - t. In the patch, a path whose affine coordinates diverge stays bounded and
 * ends with x_0 = 0: "at infinity" becomes a finite, testable event.
 *
 * <p>Immutable and shared by all threads; each thread evaluates through its own {@link #workspace()}.
 */
public final class Homotopy implements PathHomotopy, ProjectiveTarget {

    private final int n;
    private final CompiledSystem target;
    private final StartSystem start;
    private final double gammaRe, gammaIm;
    private final ProjectivePatch patch;
    private final int maxDegree;
    private final double[] coefficientNorms;
    /** Non-null when the start system is given as polynomials: target and start evaluated as one system. */
    private final CoefficientForm coefficients;

    /**
     * Target and start system on the union of their monomials, homogenized: H(z, s) = sum over the terms of
     * ((1 - s) f_t + s gamma g_t) z^(a_t), one monomial table for both instead of two evaluations. f and g hold
     * each system's coefficients in the compiled system's term order (zero where a system lacks the monomial).
     */
    private static final class CoefficientForm {
        final CompiledSystem union;
        final double[] f;
        final double[] g;

        CoefficientForm(List<Polynomial> homogenizedTarget, List<Polynomial> startPolynomials, StartSystem start) {
            int n = homogenizedTarget.size();
            List<Polynomial> monomials = new ArrayList<>();
            List<Polynomial> homogenizedStart = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Polynomial gi = startPolynomials.get(i).homogenize(n, start.degree(i));
                homogenizedStart.add(gi);
                // every monomial of either system once, coefficient 1 (distinct monomials stay distinct terms)
                List<Polynomial> terms = new ArrayList<>();
                for (Polynomial p : List.of(homogenizedTarget.get(i), gi)) {
                    for (int t = 0; t < p.termCount(); t++) {
                        terms.add(Polynomial.monomial(1, 0, p.exponents(t, n + 1)));
                    }
                }
                // (its coefficients do not matter: the run-time ones replace them; only the terms do)
                monomials.add(Polynomial.sum(terms));
            }
            this.union = CompiledSystem.compile(monomials, n + 1);
            this.f = new double[2 * union.termCount()];
            this.g = new double[2 * union.termCount()];
            int k = 0;
            for (int i = 0; i < n; i++) {
                Polynomial u = monomials.get(i);
                for (int t = 0; t < u.termCount(); t++, k++) {
                    int[] a = u.exponents(t, n + 1);
                    org.hipparchus.complex.Complex ft = homogenizedTarget.get(i).coefficientOf(a);
                    org.hipparchus.complex.Complex gt = homogenizedStart.get(i).coefficientOf(a);
                    f[2 * k] = ft.getReal();
                    f[2 * k + 1] = ft.getImaginary();
                    g[2 * k] = gt.getReal();
                    g[2 * k + 1] = gt.getImaginary();
                }
            }
        }
    }

    /**
     * @param system the square target system (n equations in n unknowns)
     * @param start  a start system for it
     * @param random the source of gamma and the patch (the solver seeds it from the user's seed)
     */
    public Homotopy(PolynomialSystem system, StartSystem start, SplittableRandom random) {
        this(system, start, ProjectivePatch.randomUnit(random),
                ProjectivePatch.random(random, system.variableCount() + 1));
    }

    Homotopy(PolynomialSystem system, StartSystem start, double[] gamma, ProjectivePatch patch) {
        this.n = system.variableCount();
        if (system.equationCount() != n || start.variableCount() != n) {
            throw new IllegalArgumentException("the homotopy needs a square system and a start system of the same size");
        }
        List<Polynomial> eqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Polynomial p = system.equation(i);
            if (p.degree() > start.degree(i)) {
                throw new IllegalArgumentException("equation " + (i + 1) + " has degree " + p.degree()
                        + " but its start equation only " + start.degree(i));
            }
            double scale = p.maxCoefficientModulus();
            if (scale == 0) {
                throw new IllegalArgumentException("equation " + (i + 1) + " is zero");
            }
            eqs.add(p.scale(1.0 / scale).homogenize(n, start.degree(i)));
        }
        this.target = CompiledSystem.compile(eqs, n + 1);
        this.coefficientNorms = new double[n];
        for (int i = 0; i < n; i++) {
            Polynomial p = eqs.get(i);
            for (int t = 0; t < p.termCount(); t++) {
                coefficientNorms[i] += Math.hypot(p.re(t), p.im(t));
            }
        }
        int d = 0;
        for (int i = 0; i < n; i++) {
            d = Math.max(d, start.degree(i));
        }
        this.maxDegree = d;
        this.start = start;
        List<Polynomial> startPolynomials = start.polynomials();
        this.coefficients = startPolynomials == null ? null : new CoefficientForm(eqs, startPolynomials, start);
        this.gammaRe = gamma[0];
        this.gammaIm = gamma[1];
        this.patch = patch;
    }

    /** The largest degree of the homogenized equations (the start system's largest degree). */
    public int maxDegree() {
        return maxDegree;
    }

    /** sum_t |c_t| of each equation of {@link #target()} (a copy). */
    @Override
    public double[] coefficientNorms() {
        return coefficientNorms.clone();
    }

    /** n, the number of affine unknowns. */
    @Override
    public int variableCount() {
        return n;
    }

    @Override
    public Coordinates coordinates() {
        return Coordinates.PROJECTIVE;
    }

    /** n + 1: the number of projective coordinates, and of equations including the patch. */
    @Override
    public int size() {
        return n + 1;
    }

    public StartSystem startSystem() {
        return start;
    }

    /** The homogenized, scaled target F (n equations in n + 1 variables). */
    @Override
    public CompiledSystem target() {
        return target;
    }

    /** The projective start point of path k: its start solution (x, 1) scaled onto the patch. */
    public void startPoint(long k, double[] z) {
        start.solution(k, z);
        z[2 * n] = 1;
        z[2 * n + 1] = 0;
        toPatch(z);
    }

    /** Scales z (projective, n + 1 coordinates) so that a . z = 1. */
    public void toPatch(double[] z) {
        patch.scaleOnto(z);
    }

    public Workspace workspace() {
        return new Workspace();
    }

    @Override
    public Workspace evaluation() {
        return workspace();
    }

    /**
     * The projective start point of path k from a thread's source of start solutions (see
     * {@link StartSystem#solutions()}); false (z undefined) if the start solution could not be computed.
     */
    public boolean startPoint(StartSystem.Solutions source, long k, double[] z) {
        if (!source.compute(k, z)) {
            return false;
        }
        z[2 * n] = 1;
        z[2 * n + 1] = 0;
        toPatch(z);
        return true;
    }

    /**
     * Per-thread evaluation of H, dH/dz and dH/ds; allocation-free. Each workspace has its own copy of the
     * patch, which starts as the homotopy's random one and can be replaced by one orthogonal to the current
     * point ({@link #orthogonalPatch}): the random patch can be nearly degenerate at a path's endpoint (the
     * endpoint close to the hyperplane a . z = 0, so its representative on the patch is huge and badly
     * conditioned), the orthogonal one never is.
     */
    public final class Workspace implements PathHomotopy.Evaluation {
        private final Evaluator targetEval = target.evaluator();
        private final StartSystem.Evaluation startEval = start.evaluation();
        private final Evaluator unionEval = coefficients == null ? null : coefficients.union.evaluator();
        private final double[] c = coefficients == null ? null : new double[coefficients.f.length];
        private final double[] dc = coefficients == null ? null : dsCoefficients();
        private final double[] f = new double[2 * n];
        private final double[] g = new double[2 * n];
        private final ProjectivePatch.Moving patch = Homotopy.this.patch.moving();

        private Workspace() {
        }

        /** Back to the homotopy's random patch (the one start points are on). */
        @Override
        public void resetPatch() {
            patch.reset();
        }

        /** The patch orthogonal to z ({@link ProjectivePatch.Moving#orthogonalTo}). */
        @Override
        public void orthogonalPatch(double[] z) {
            patch.orthogonalTo(z);
        }

        public Homotopy homotopy() {
            return Homotopy.this;
        }

        /**
         * At the projective point z and the (complex) parameter s: h = H(z, s) including the patch equation
         * last, jac = dH/dz ((n+1) x (n+1), row-major) and hs = dH/ds (0 for the patch), all interleaved.
         * The target writes its Jacobian straight into the first n rows of jac (same layout), which are scaled
         * by 1 - s in place; the start system then adds s * gamma times its own.
         */
        @Override
        public void evaluate(double[] z, double sRe, double sIm, double[] h, double[] jac, double[] hs) {
            if (coefficients != null) {
                evaluateCoefficientForm(z, sRe, sIm, h, jac, hs);
                return;
            }
            targetEval.valuesAndJacobian(z, f, jac);
            final int cols = n + 1;
            // alpha = s * gamma, beta = 1 - s
            final double ar = sRe * gammaRe - sIm * gammaIm, ai = sRe * gammaIm + sIm * gammaRe;
            final double br = 1 - sRe, bi = -sIm;
            final int m = 2 * n * cols;
            if (bi == 0) {
                for (int k = 0; k < m; k++) {
                    jac[k] *= br;
                }
            } else {
                for (int k = 0; k < m; k += 2) {
                    double fr = jac[k], fi = jac[k + 1];
                    jac[k] = br * fr - bi * fi;
                    jac[k + 1] = br * fi + bi * fr;
                }
            }
            startEval.valuesAndJacobian(z, g, ar, ai, jac);
            combineValues(ar, ai, br, bi, h);
            for (int i = 0; i < n; i++) {
                hs[2 * i] = gammaRe * g[2 * i] - gammaIm * g[2 * i + 1] - f[2 * i];
                hs[2 * i + 1] = gammaRe * g[2 * i + 1] + gammaIm * g[2 * i] - f[2 * i + 1];
            }
            hs[2 * n] = 0;
            hs[2 * n + 1] = 0;
            patch.jacobianRow(jac, m);
            patch.value(z, h);
        }

        /** dH/ds coefficients: gamma g - f, fixed. */
        private double[] dsCoefficients() {
            double[] d = new double[coefficients.f.length];
            for (int k = 0; k < d.length; k += 2) {
                double gr = coefficients.g[k], gi = coefficients.g[k + 1];
                d[k] = gammaRe * gr - gammaIm * gi - coefficients.f[k];
                d[k + 1] = gammaRe * gi + gammaIm * gr - coefficients.f[k + 1];
            }
            return d;
        }

        /** c_t = (1 - s) f_t + s gamma g_t. */
        private void mixCoefficients(double sRe, double sIm) {
            final double ar = sRe * gammaRe - sIm * gammaIm, ai = sRe * gammaIm + sIm * gammaRe;
            final double br = 1 - sRe, bi = -sIm;
            final double[] fc = coefficients.f, gc = coefficients.g;
            for (int k = 0; k < c.length; k += 2) {
                double fr = fc[k], fi = fc[k + 1], gr = gc[k], gi = gc[k + 1];
                c[k] = br * fr - bi * fi + ar * gr - ai * gi;
                c[k + 1] = br * fi + bi * fr + ar * gi + ai * gr;
            }
        }

        /** The same H, dH/dz and dH/ds as {@link #evaluate} computes, from the union of monomials. */
        private void evaluateCoefficientForm(double[] z, double sRe, double sIm, double[] h, double[] jac,
                                             double[] hs) {
            mixCoefficients(sRe, sIm);
            unionEval.valuesAndJacobian(z, c, h, jac);
            unionEval.valuesAtLastPoint(dc, hs);
            final int m = 2 * n * (n + 1);
            hs[2 * n] = 0;
            hs[2 * n + 1] = 0;
            patch.jacobianRow(jac, m);
            patch.value(z, h);
        }

        /** h = H(z, s) only (for a Newton step with an older factorization). */
        public void values(double[] z, double sRe, double sIm, double[] h) {
            if (coefficients != null) {
                mixCoefficients(sRe, sIm);
                unionEval.values(z, c, h);
                patch.value(z, h);
                return;
            }
            targetEval.values(z, f);
            startEval.values(z, g);
            final double ar = sRe * gammaRe - sIm * gammaIm, ai = sRe * gammaIm + sIm * gammaRe;
            combineValues(ar, ai, 1 - sRe, -sIm, h);
            patch.value(z, h);
        }

        private void combineValues(double ar, double ai, double br, double bi, double[] h) {
            for (int i = 0; i < n; i++) {
                double gr = g[2 * i], gi = g[2 * i + 1], fr = f[2 * i], fi = f[2 * i + 1];
                h[2 * i] = ar * gr - ai * gi + br * fr - bi * fi;
                h[2 * i + 1] = ar * gi + ai * gr + br * fi + bi * fr;
            }
        }
    }
}
