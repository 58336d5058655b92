package org.lps.homotopy.param;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.track.Coordinates;
import org.lps.homotopy.track.PathHomotopy;
import org.lps.homotopy.track.ProjectiveTarget;
import org.lps.homotopy.track.ProjectivePatch;

/**
 * The coefficient-parameter homotopy H(z, s) = F^h(z; p(s)) of a {@link ParameterizedSystem} along a path in
 * parameter space from p(1) = {@code start} to p(0) = {@code target}, in projective coordinates on a random affine
 * patch (z = (x_1 .. x_n, x_0), x_0 last), so that a solution that diverges at the target ends at x_0 = 0 and the
 * {@link org.lps.homotopy.endgame.Endgame} can call it at infinity, exactly as for the start-to-target homotopy.
 *
 * <p>The path is p(s) = target + w(s) (start - target) with one of two weights ({@link Path}): the straight segment
 * w(s) = s, for edges between generic points (monodromy loops), or the gamma trick on parameters,
 * w(s) = gamma s / (gamma s + 1 - s) with a random complex gamma: a complex detour that, like the gamma trick of the
 * start-system homotopy, avoids the discriminant for all s in (0, 1] with probability one, whatever the start and
 * target are (even real ones, where the straight segment may cross it). Near the target w(s) ~ gamma s, so the
 * endgame sees an analytic path in s.
 *
 * <p>For a family affine in p, the coefficients move on the same line, c(s) = c(target) + w(s) (c(start) - c(target)),
 * and an evaluation costs what the start-system homotopy's costs; otherwise the coefficient polynomials are
 * evaluated (with their Jacobian, for dc/ds) at p(s). Each equation is scaled by one constant (its largest
 * coefficient at the two ends) so that residuals are comparable. Immutable; one {@link #evaluation()} per thread.
 */
public final class ParameterHomotopy implements PathHomotopy, ProjectiveTarget {

    /** How the parameters move from start to target. */
    public enum Path { STRAIGHT, GAMMA }

    private final CompiledFamily family;
    private final int n;
    private final int m;
    private final Path path;
    private final double gammaRe, gammaIm;
    private final ProjectivePatch patch;
    private final double[] start, target;
    /** Affine families: coefficients at both ends, compiled order and scaled. */
    private final double[] c0, c1;
    private final double[] scale;
    /** The target member homogenized to the family's degrees, scaled; built on first use ({@link #target()}). */
    private CompiledSystem targetSystem;
    private double[] targetNorms;

    public ParameterHomotopy(CompiledFamily family, double[] start, double[] target, Path path,
                             SplittableRandom random) {
        this(family, start, target, path, ProjectivePatch.randomUnit(random),
                ProjectivePatch.random(random, family.family().variableCount() + 1));
    }

    ParameterHomotopy(CompiledFamily family, double[] start, double[] target, Path path, double[] gamma,
                      ProjectivePatch patch) {
        ParameterizedSystem f = family.family();
        this.family = family;
        this.n = f.variableCount();
        this.m = f.parameterCount();
        this.path = path;
        this.gammaRe = gamma[0];
        this.gammaIm = gamma[1];
        this.patch = patch;
        this.start = start.clone();
        this.target = target.clone();
        double[] cs = f.coefficients(start), ct = f.coefficients(target);
        this.scale = family.equationScales(cs, ct);
        if (f.isAffine()) {
            c0 = new double[2 * family.termCount()];
            c1 = new double[2 * family.termCount()];
            family.toCompiledOrder(cs, scale, c0);
            family.toCompiledOrder(ct, scale, c1);
        } else {
            c0 = c1 = null;
        }
    }

    @Override
    public Coordinates coordinates() {
        return Coordinates.PROJECTIVE;
    }

    @Override
    public int size() {
        return n + 1;
    }

    @Override
    public int variableCount() {
        return n;
    }

    /**
     * F(x, x_0; target), each equation homogenized to the family's degree and scaled as the homotopy scales it: at
     * s = 0 a path is on its zeros, and a path at infinity on the zeros of F(x, 0), the target's forms of the family's
     * degrees (where the target's own degree is lower, that equation's F(x, 0) vanishes and asks nothing).
     */
    @Override
    public synchronized CompiledSystem target() {
        if (targetSystem == null) {
            ParameterizedSystem f = family.family();
            double[] c = f.coefficients(target);
            List<Polynomial> eqs = new ArrayList<>();
            targetNorms = new double[n];
            for (int i = 0; i < n; i++) {
                int d = f.degree(i);
                int[][] a = f.monomials(i);
                List<Polynomial> terms = new ArrayList<>();
                for (int t = 0; t < a.length; t++) {
                    int k = f.termStart(i) + t;
                    double re = scale[i] * c[2 * k], im = scale[i] * c[2 * k + 1];
                    int[] e = java.util.Arrays.copyOf(a[t], n + 1);
                    e[n] = d - java.util.Arrays.stream(a[t]).sum();
                    terms.add(Polynomial.monomial(re, im, e));
                    targetNorms[i] += Math.hypot(re, im);
                }
                eqs.add(Polynomial.sum(terms));
            }
            targetSystem = CompiledSystem.compile(eqs, n + 1);
        }
        return targetSystem;
    }

    @Override
    public synchronized double[] coefficientNorms() {
        target();
        return targetNorms.clone();
    }

    public double[] startParameters() {
        return start.clone();
    }

    public double[] targetParameters() {
        return target.clone();
    }

    /** The projective point of the affine x (interleaved, n coordinates) on the patch: (x, 1) scaled. */
    public void toPatch(double[] x, double[] z) {
        patch.fromAffine(x, z);
    }

    /** The affine point x = (z_1 / z_0, ..., z_n / z_0) of a projective z (x_0 last). */
    public static void dehomogenize(double[] z, double[] x) {
        Coordinates.PROJECTIVE.toAffine(z, x);
    }

    @Override
    public Workspace evaluation() {
        return new Workspace();
    }

    /** Per-thread evaluation; allocation-free. */
    public final class Workspace implements PathHomotopy.Evaluation {
        private final Evaluator eval = family.monomials().evaluator();
        private final Evaluator mapEval = c0 == null ? family.coefficientMap().evaluator() : null;
        private final int terms = family.termCount();
        private final double[] c = new double[2 * terms];
        private final double[] dc = new double[2 * terms];
        private final ProjectivePatch.Moving patch = ParameterHomotopy.this.patch.moving();
        // non-affine families: p(s), c(p(s)) and dc/dp in family order
        private final double[] p = new double[2 * Math.max(1, m)];
        private final double[] cf = c0 == null ? new double[2 * family.family().termCount()] : null;
        private final double[] jf = c0 == null ? new double[2 * family.family().termCount() * Math.max(1, m)] : null;
        private final double[] dcf = c0 == null ? new double[2 * family.family().termCount()] : null;

        private Workspace() {
        }

        @Override
        public void resetPatch() {
            patch.reset();
        }

        @Override
        public void orthogonalPatch(double[] z) {
            patch.orthogonalTo(z);
        }

        @Override
        public void evaluate(double[] z, double sRe, double sIm, double[] h, double[] jac, double[] hs) {
            coefficients(sRe, sIm, true);
            eval.valuesAndJacobian(z, c, h, jac);
            eval.valuesAtLastPoint(dc, hs);
            final int rows = 2 * n * (n + 1);
            hs[2 * n] = 0;
            hs[2 * n + 1] = 0;
            patch.jacobianRow(jac, rows);
            patch.value(z, h);
        }

        /** h = H(z, s) only. */
        public void values(double[] z, double sRe, double sIm, double[] h) {
            coefficients(sRe, sIm, false);
            eval.values(z, c, h);
            patch.value(z, h);
        }

        /**
         * c = c(p(s)) and, when asked, dc = dc/ds, in compiled order. The weight w(s) and w'(s): s for the straight
         * path; gamma s / (gamma s + 1 - s) and gamma / (gamma s + 1 - s)^2 with the gamma trick.
         */
        private void coefficients(double sRe, double sIm, boolean derivative) {
            double wr, wi, dwr, dwi;
            if (path == Path.STRAIGHT) {
                wr = sRe;
                wi = sIm;
                dwr = 1;
                dwi = 0;
            } else {
                double ar = gammaRe * sRe - gammaIm * sIm, ai = gammaRe * sIm + gammaIm * sRe;   // gamma s
                double dr = ar + 1 - sRe, di = ai - sIm;                                           // gamma s + 1 - s
                double d2 = dr * dr + di * di;
                double ir = dr / d2, ii = -di / d2;                                                // 1 / den
                wr = ar * ir - ai * ii;
                wi = ar * ii + ai * ir;
                double qr = ir * ir - ii * ii, qi = 2 * ir * ii;                                   // 1 / den^2
                dwr = gammaRe * qr - gammaIm * qi;
                dwi = gammaRe * qi + gammaIm * qr;
            }
            if (c0 != null) {
                for (int k = 0; k < c.length; k += 2) {
                    double er = c0[k] - c1[k], ei = c0[k + 1] - c1[k + 1];
                    c[k] = c1[k] + wr * er - wi * ei;
                    c[k + 1] = c1[k + 1] + wr * ei + wi * er;
                    dc[k] = dwr * er - dwi * ei;
                    dc[k + 1] = dwr * ei + dwi * er;
                }
                return;
            }
            for (int k = 0; k < m; k++) {
                double er = start[2 * k] - target[2 * k], ei = start[2 * k + 1] - target[2 * k + 1];
                p[2 * k] = target[2 * k] + wr * er - wi * ei;
                p[2 * k + 1] = target[2 * k + 1] + wr * ei + wi * er;
            }
            int t = cf.length / 2;
            if (!derivative) {
                mapEval.values(p, cf);
                family.toCompiledOrder(cf, scale, c);
                return;
            }
            mapEval.valuesAndJacobian(p, cf, jf);
            // dc_t/ds = sum_k dc_t/dp_k (start_k - target_k) w'(s)
            int mm = Math.max(1, m);
            for (int r = 0; r < t; r++) {
                double sr = 0, si = 0;
                for (int k = 0; k < m; k++) {
                    double jr = jf[2 * (r * mm + k)], ji = jf[2 * (r * mm + k) + 1];
                    double er = start[2 * k] - target[2 * k], ei = start[2 * k + 1] - target[2 * k + 1];
                    sr += jr * er - ji * ei;
                    si += jr * ei + ji * er;
                }
                dcf[2 * r] = sr * dwr - si * dwi;
                dcf[2 * r + 1] = sr * dwi + si * dwr;
            }
            family.toCompiledOrder(cf, scale, c);
            family.toCompiledOrder(dcf, scale, dc);
        }
    }
}
