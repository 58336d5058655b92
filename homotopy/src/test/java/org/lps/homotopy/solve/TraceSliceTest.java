package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.param.SignedPermutationGroup;
import org.lps.homotopy.param.Symmetry;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The trace test with a group: the deformation inside a symmetric family and an invariant quadric slice, witnesses and
 * pencil tracked one point per orbit. It must pass on complete sets and fail when one orbit is missing, as the plain
 * test does ({@link MonodromyTest#traceTestFailsWhenOneSolutionIsMissing}).
 */
class TraceSliceTest {

    /**
     * Symmetric systems with their groups: cyclic-5 under the dihedral group of order 10 and under its rotations alone
     * (70 solutions), cyclic-6 under the dihedral group of order 12 (156), and a system with sign changes
     * ({@link #signSymmetric}), whose invariants of degree 1 are none.
     */
    @ParameterizedTest(name = "{0} seed {2}")
    @CsvSource({
        "cyclic5, 'perm:2,3,4,5,1;perm:5,4,3,2,1', 1",
        "cyclic5, 'perm:2,3,4,5,1;perm:5,4,3,2,1', 2",
        "cyclic5, 'perm:2,3,4,5,1', 3",
        "cyclic6, 'perm:2,3,4,5,6,1;perm:6,5,4,3,2,1', 4",
        "signs3, 'sign:-1,1,1;sign:1,-1,1;perm:2,1,3', 5",
    })
    void passesOnCompleteSetsAndFailsWithoutAnOrbit(String name, String generators, long seed) {
        PolynomialSystem s = name.equals("signs3") ? signSymmetric() : StandardSystems.byName(name);
        Symmetry symmetry = Symmetry.parse(generators, s.variableCount());
        SignedPermutationGroup group = symmetry.group();
        ParameterizedSystem family = symmetry.family(s).family();
        assertTrue(TraceSlice.invariantApplies(family, group));

        SplittableRandom random = new SplittableRandom(seed);
        double[][] pair = startPair(family, random);
        MonodromyOptions options = MonodromyOptions.defaults().seed(seed).threads(2).groupAction(group)
                .loopsWithoutProgress(6);
        List<double[]> all = Monodromy.run(family, pair[1], List.of(pair[0]), options).solutions();
        long generic = genericCount(name);
        assertEquals(generic, all.size());

        TraceTest.Result complete = TraceTest.verify(family, pair[1], all, options);
        assertTrue(complete.passed(), "residual " + complete.residual());
        List<Orbits.Orbit> orbits = Orbits.of(all, group, 1e-6);
        for (int drop : new int[] {0, orbits.size() / 2, orbits.size() - 1}) {
            List<double[]> partial = new ArrayList<>();
            SolutionSet dropped = new SolutionSet(s.variableCount(), 1e-6);
            dropped.add(orbits.get(drop).representative());
            group.apply(orbits.get(drop).representative()).forEach(dropped::add);
            for (double[] x : all) {
                if (dropped.indexOf(x) < 0) {
                    partial.add(x);
                }
            }
            assertEquals(all.size() - orbits.get(drop).size(), partial.size());
            TraceTest.Result r = TraceTest.verify(family, pair[1], partial, options);
            assertFalse(r.passed(), "without orbit " + drop + ": residual " + r.residual());
            assertTrue(r.residual() > 1e3 * complete.residual());
        }
    }

    /** The number of solutions of a generic member of each symmetric family (published counts, or Bezout). */
    private static long genericCount(String name) {
        return switch (name) {
            case "cyclic5" -> 70;
            case "cyclic6" -> 156;
            case "signs3" -> 16;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * x^2 + y^2 + z^2 - 3, x^2 - y^2 + 2 z^2 - 1, x^2 + y^2 - z^2 - 0.5 (with x, y swapped in the second equation's
     * role kept symmetric): even in each variable and symmetric in x, y, so every sign change and the swap is a
     * symmetry of every member of its symmetric family.
     */
    private static PolynomialSystem signSymmetric() {
        return SystemParser.parse("x^2 + y^2 + z^2 - 3; x^2 + y^2 - 2*z^2 - 1; x^4 + y^4 + z^2 - 0.5;", "signs3",
                Format.PLAIN);
    }

    /** A random point and the family member (constant terms fitted) it solves. */
    private static double[][] startPair(ParameterizedSystem family, SplittableRandom random) {
        double[] x0 = ParameterSolver.randomParameters(family.variableCount(), random);
        double[] p = family.fitConstants(x0, ParameterSolver.randomParameters(family.parameterCount(), random));
        return new double[][] {x0, p};
    }
}
