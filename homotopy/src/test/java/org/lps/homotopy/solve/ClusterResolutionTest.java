package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Clusters of distinct simple roots (issue 12): the Cauchy endgame's loops enclose the whole cluster and claim a
 * winding number of 3 at its centroid. Newton refutes the multiplicity, and each path, tracked on from where its
 * loops began, reaches its own root. Six roots of unity and three roots w apart at 2 (2, 2 + w, 2 + w i).
 * Narrower clusters (w = 5e-4 and below, condition numbers 1e9 and more) can still come out as one "singular"
 * point on some seeds: Newton does not converge from their centroid, so nothing refutes the winding number
 * (docs/solver.md, Limits).
 */
class ClusterResolutionTest {

    @ParameterizedTest
    @ValueSource(doubles = {3e-3, 2e-3, 1e-3})
    void everyRootOfANarrowClusterIsFoundAndNothingElse(double w) {
        List<Complex> roots = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            roots.add(new Complex(0, 2 * Math.PI * k / 6).exp());
        }
        roots.add(new Complex(2, 0));
        roots.add(new Complex(2 + w, 0));
        roots.add(new Complex(2, w));
        Polynomial p = Polynomial.constant(1);
        for (Complex z : roots) {
            p = p.multiply(Polynomial.variable(0).subtract(Polynomial.constant(z)));
        }
        PolynomialSystem system = new PolynomialSystem(List.of("x"), List.of(p));
        int found = 0;
        for (long seed = 1; seed <= 6; seed++) {
            SolveResult r = Solver.solve(system, SolveOptions.defaults().threads(2).seed(seed));
            String what = "w = " + w + ", seed " + seed;
            assertEquals(0, r.singular() + r.atInfinity(), what);
            assertEquals(roots.size(), r.nonsingular() + r.failed(), what);
            for (Solution s : r.solutions()) {
                // within 1e-5 of the cluster's width of a root: the roots themselves are only determined to about
                // 1e-16 sum |a_k| 2^k / |p'(root)| ~ 1e-16 x 4e3 / 6e-5 ~ 7e-9 at w = 1e-3 (coefficient rounding)
                assertTrue(roots.stream().anyMatch(z -> s.coordinate(0).subtract(z).norm() < 1e-5 * w),
                        what + ": " + s.coordinate(0) + " is no root");
            }
            found += r.nonsingular();
        }
        // every root on every seed (before: the cluster's three paths failed, "winding number 3 at a cluster")
        assertEquals(6 * roots.size(), found, "w = " + w + ": roots found over seeds 1-6");
    }
}
