package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.certify.Certificate;
import org.lps.homotopy.certify.Certification;
import org.lps.homotopy.certify.Certifier;
import org.lps.homotopy.certify.IntervalSystem;
import org.lps.homotopy.certify.PositiveDefinite;
import org.lps.homotopy.eval.BoxEvaluator;
import org.lps.homotopy.param.SignedPermutation;
import org.lps.homotopy.solve.SolveResult;

/**
 * Makes a block solve's counts theorems (issue 15): every solution of grad J = 0 is certified by Krawczyk's test for
 * the exact gradient of J (J's double coefficients taken as exact; the derivative coefficients k * c enclosed), and a
 * real certified zero is a certified strict local minimum when the Hessian of J, enclosed over the zero's box in
 * interval arithmetic, is proved positive definite ({@link PositiveDefinite}).
 *
 * <p>Minima are then counted up to the block's symmetries ({@link BlockSymmetry}) as the solver counts them: two
 * certified minima are grouped when a group element maps one near the other (the solver's tolerance,
 * {@link Orbits#SAME_POINT}) or maps one's box onto a box meeting the other's. Groups are therefore pairwise proved
 * inequivalent (for every g, g(box a) and box b are disjoint), and their number is a lower bound, proved, on the
 * number of inequivalent strict local minima of J. (Completeness, that the homotopy found every minimum, is not
 * part of the proof.)
 */
public final class BlockCertifier {

    private BlockCertifier() {
    }

    public static BlockCertificate certify(BlockProblem problem, SolveResult result, int threads) {
        long t0 = System.nanoTime();
        IntervalSystem system = IntervalSystem.gradientOf(problem.lossPolynomial(), problem.gradientSystem());
        Certification c = Certifier.certify(system, result, threads);
        int n = problem.unknowns();
        BoxEvaluator hessian = system.boxEvaluator();
        double[] box = new double[4 * n];
        double[] jb = new double[4 * n * n];
        double[] lo = new double[n * n], hi = new double[n * n];
        List<double[]> minima = new ArrayList<>();   // enclosures' real parts as {lo_0, hi_0, lo_1, ...}
        for (int i = 0; i < c.size(); i++) {
            Certificate k = c.get(i);
            if (!k.certifiedReal() || c.sameAs()[i] >= 0) {
                continue;
            }
            double[] e = k.enclosure();
            double[] real = new double[2 * n];
            for (int v = 0; v < n; v++) {
                // the zero is real and in the enclosure: its real slice, imaginary parts exactly 0
                box[4 * v] = e[4 * v];
                box[4 * v + 1] = e[4 * v + 1];
                box[4 * v + 2] = 0;
                box[4 * v + 3] = 0;
                real[2 * v] = e[4 * v];
                real[2 * v + 1] = e[4 * v + 1];
            }
            hessian.jacobian(box, jb);
            for (int a = 0; a < n * n; a++) {
                lo[a] = jb[4 * a];
                hi[a] = jb[4 * a + 1];
            }
            if (PositiveDefinite.prove(lo, hi, n)) {
                minima.add(real);
            }
        }
        int groups = groups(minima, problem.symmetry());
        return new BlockCertificate(c, c.certifiedDistinct(), c.certifiedReal(), groups, minima.size(),
                (System.nanoTime() - t0) * 1e-9);
    }

    /** The number of classes of boxes under "some group element maps one near, or onto a box meeting, the other". */
    static int groups(List<double[]> boxes, BlockSymmetry symmetry) {
        int m = boxes.size();
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) {
            parent[i] = i;
        }
        List<SignedPermutation> group = symmetry.elements();
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                if (related(boxes.get(a), boxes.get(b), group)) {
                    int ra = find(parent, a), rb = find(parent, b);
                    parent[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
        int count = 0;
        for (int i = 0; i < m; i++) {
            if (find(parent, i) == i) {
                count++;
            }
        }
        return count;
    }

    private static boolean related(double[] a, double[] b, List<SignedPermutation> group) {
        int n = a.length / 2;
        double scale = 1;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        double tol = Orbits.SAME_POINT * scale;
        for (SignedPermutation g : group) {
            boolean near = true;
            for (int i = 0; i < n && near; i++) {
                int j = g.index()[i];
                double s = g.sign()[i];
                // g(a)_i = s * a_j: the interval [lo, hi] of a_j, negated and swapped when s < 0 (exact)
                double gl = s > 0 ? a[2 * j] : -a[2 * j + 1];
                double gh = s > 0 ? a[2 * j + 1] : -a[2 * j];
                near = gl <= b[2 * i + 1] + tol && b[2 * i] - tol <= gh;
            }
            if (near) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }
}
