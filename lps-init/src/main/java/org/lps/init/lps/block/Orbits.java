package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups critical points into symmetry orbits ({@link BlockSymmetry}): two points are the same when some group
 * element maps one onto the other within a tolerance. J is invariant, so only points with equal J (to rounding)
 * are compared: sorting by J makes the grouping close to linear in the number of points.
 */
final class Orbits {

    /** Max-norm tolerance, relative to max(1, |theta|), under which two polished points are the same. */
    static final double SAME_POINT = 1e-6;

    private Orbits() {
    }

    /** One representative per orbit (canonical form, {@code copies} = members), sorted by J ascending. */
    static List<CriticalPoint> distinct(List<CriticalPoint> points, BlockSymmetry symmetry) {
        List<CriticalPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(CriticalPoint::loss));
        List<CriticalPoint> reps = new ArrayList<>();
        List<double[]> members = new ArrayList<>();   // a member of each orbit as found, for comparisons
        for (CriticalPoint p : sorted) {
            int found = -1;
            for (int r = reps.size() - 1; r >= 0; r--) {
                CriticalPoint rep = reps.get(r);
                if (!sameLoss(rep.loss(), p.loss())) {
                    break;
                }
                if (same(symmetry, members.get(r), p.theta())) {
                    found = r;
                    break;
                }
            }
            if (found >= 0) {
                CriticalPoint rep = reps.get(found);
                reps.set(found, rep.withCopies(rep.copies() + p.copies()));
            } else {
                double[] canon = symmetry.canonical(p.theta());
                reps.add(new CriticalPoint(canon, p.loss(), p.kind(), p.eigenvalues(), p.gradientNorm(), p.copies()));
                members.add(p.theta());
            }
        }
        return reps;
    }

    /** Is {@code theta} in the orbit of one of {@code points}? */
    static boolean contains(List<CriticalPoint> points, double[] theta, double loss, BlockSymmetry symmetry) {
        for (CriticalPoint p : points) {
            if (sameLoss(p.loss(), loss) && same(symmetry, p.theta(), theta)) {
                return true;
            }
        }
        return false;
    }

    static boolean same(BlockSymmetry symmetry, double[] x, double[] y) {
        double scale = 1;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(x[i]), Math.abs(y[i])));
        }
        return symmetry.distance(x, y) <= SAME_POINT * scale;
    }

    static boolean sameLoss(double a, double b) {
        return Math.abs(a - b) <= 1e-8 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
