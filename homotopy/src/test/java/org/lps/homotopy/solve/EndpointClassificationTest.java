package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When an endpoint the endgame left unrefined is taken for a point at infinity. */
class EndpointClassificationTest {

    /** (z_1, ..., z_n, x_0) with x = z / x_0 = (big, 1, ...). */
    private static double[] projective(double big, int n) {
        double[] z = new double[2 * (n + 1)];
        z[0] = 1;
        for (int k = 1; k < n; k++) {
            z[2 * k] = 1 / big;
        }
        z[2 * n] = 1 / big;
        return z;
    }

    @Test
    void homogenizingRatioIsTheInverseOfTheLargestCoordinate() {
        assertEquals(1.919e-4, PathRunner.homogenizingRatio(projective(1 / 1.919e-4, 7)), 1e-18);
    }

    @Test
    void anUnresolvedX0IsAtInfinity() {
        // LPS k = 2, d = 3 path 31209: |x| = 3.1e3 (x_0 / |z| = 3.27e-4), Cauchy accuracy 7.3e-6, winding 2,
        // backward error 6e-8: x known to 2e-2 relative only. Reported a singular solution before: |x| < 1e5
        // was always finite
        assertTrue(PathRunner.unresolved(EndpointOptions.DEFAULT, projective(3.057e3, 7), 7.28e-6));
        // path 23098: |x| = 6.3e3, accuracy 2.5e-7 (x known to 1.6e-3)
        assertTrue(PathRunner.unresolved(EndpointOptions.DEFAULT, projective(6.303e3, 7), 2.54e-7));
        // path 4124: the accuracy is rounding x a condition number of 2.7e18
        assertTrue(PathRunner.unresolved(EndpointOptions.DEFAULT, projective(5.21e3, 7), 599));
    }

    @Test
    void aSingularSolutionKnownToItsUsualAccuracyIsResolved() {
        // the worst of the tests' genuine singular endpoints: |x| ~ 1, accuracy 2e-9
        assertFalse(PathRunner.unresolved(EndpointOptions.DEFAULT, projective(1, 3), 2e-9));
        // a large singular solution known about as well as a Cauchy estimate can be
        assertFalse(PathRunner.unresolved(EndpointOptions.DEFAULT, projective(1e3, 3), 1e-8));
        // tiny coordinates (x_0 dominating) are always resolved
        assertFalse(PathRunner.unresolved(EndpointOptions.DEFAULT, projective(1e-6, 3), 1e-6));
    }
}
