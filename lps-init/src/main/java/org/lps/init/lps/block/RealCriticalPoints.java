package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.solve.Solution;

/**
 * The real critical points among the solutions of grad J = 0 that a solve (or a parameter homotopy) returned, as
 * {@link BlockSolver} treats them (docs/design.md, LPS steps 4-6): each real finite solution is polished by Newton
 * in real arithmetic and classified by the Hessian of J; a singular one, on which Newton stalls, is classified where
 * it is; the points are grouped into symmetry orbits.
 *
 * @param points every real critical point (solutions, not orbits)
 * @param orbits one canonical representative per symmetry orbit, by J ascending
 */
public record RealCriticalPoints(List<CriticalPoint> points, List<CriticalPoint> orbits) {

    public RealCriticalPoints {
        points = List.copyOf(points);
        orbits = List.copyOf(orbits);
    }

    public static RealCriticalPoints of(BlockProblem problem, List<Solution> solutions) {
        Criticality criticality = new Criticality(problem);
        List<CriticalPoint> real = new ArrayList<>();
        for (Solution s : solutions) {
            if (!s.isReal()) {
                continue;
            }
            Complex[] z = s.coordinates();
            double[] x = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                x[i] = z[i].getReal();
            }
            criticality.atSolution(x, s.isSingular()).ifPresent(real::add);
        }
        return new RealCriticalPoints(real, Orbits.distinct(real, problem.symmetry()));
    }

    /** The orbits of local minima, by J ascending. */
    public List<CriticalPoint> minima() {
        return orbits.stream().filter(CriticalPoint::isMinimum).toList();
    }

    /** The number of orbits of this kind. */
    public int orbits(CriticalPoint.Kind kind) {
        return (int) orbits.stream().filter(c -> c.kind() == kind).count();
    }

    /** Whether {@code theta} with loss {@code loss} is in one of these orbits. */
    public boolean contains(double[] theta, double loss, BlockSymmetry symmetry) {
        return Orbits.contains(orbits, theta, loss, symmetry);
    }
}
