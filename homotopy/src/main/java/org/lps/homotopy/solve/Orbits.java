package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.param.SignedPermutation;
import org.lps.homotopy.param.SignedPermutationGroup;

/** Points grouped into orbits of a {@link SignedPermutationGroup}: what equivariant tracking needs. */
public final class Orbits {

    /** One orbit: a point of it and its number of distinct points. */
    public record Orbit(double[] representative, int size) {
    }

    private Orbits() {
    }

    /**
     * The orbits of {@code points} (complex interleaved; the group acts on their leading coordinates), each once, in
     * the order of their first point; a point within {@code tolerance} (relative, as {@link SolutionSet}) of an image of
     * an earlier one is in that one's orbit.
     */
    public static List<Orbit> of(List<double[]> points, SignedPermutationGroup group, double tolerance) {
        List<Orbit> out = new ArrayList<>();
        if (points.isEmpty()) {
            return out;
        }
        SolutionSet covered = new SolutionSet(points.get(0).length / 2, tolerance);
        for (double[] x : points) {
            if (covered.indexOf(x) >= 0) {
                continue;
            }
            int before = covered.size();
            covered.add(x);
            for (SignedPermutation g : group.elements()) {
                covered.add(g.applyInterleaved(x));
            }
            out.add(new Orbit(x, covered.size() - before));
        }
        return out;
    }

    /** The representatives of {@link #of}. */
    public static List<double[]> representatives(List<double[]> points, SignedPermutationGroup group,
                                                 double tolerance) {
        List<double[]> reps = new ArrayList<>();
        for (Orbit o : of(points, group, tolerance)) {
            reps.add(o.representative());
        }
        return reps;
    }

    /** The number of distinct images of x. */
    public static int size(double[] x, SignedPermutationGroup group, double tolerance) {
        return of(List.of(x), group, tolerance).get(0).size();
    }
}
