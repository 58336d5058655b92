package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.LinearProductBound;
import org.lps.homotopy.rootcount.MultiHomogeneous;
import org.lps.homotopy.rootcount.Partition;
import org.lps.homotopy.rootcount.SetStructure;
import org.lps.homotopy.start.StartKind;

/** {@link SolveOptions#setStructure}: the linear-product start system on a structure the caller gives. */
class GivenSetStructureTest {

    @Test
    void tracksOnePathPerAdmissibleChoiceOfTheGivenStructure() {
        // eco-6 with x_6 apart: the 2-homogeneous structure has 48 paths (the root-count search finds 35)
        PolynomialSystem eco = StandardSystems.eco(6);
        Partition lastApart = Partition.of(6, new int[] {0, 1, 2, 3, 4}, new int[] {5});
        SetStructure s = SetStructure.of(eco, lastApart);
        assertEquals(BigInteger.valueOf(48), LinearProductBound.count(s));
        assertEquals(MultiHomogeneous.bezout(eco, lastApart), LinearProductBound.count(s));
        SolveResult r = Solver.solve(eco, SolveOptions.defaults().seed(3).threads(2).setStructure(s));
        assertEquals(48, r.paths());
        assertEquals(StandardSystems.knownSolutionCount("eco", 6), r.nonsingular());
        assertEquals(0, r.failed());
        assertTrue(r.startSystem().contains("linear"), r.startSystem());
    }

    @Test
    void aStructureThatDoesNotCoverTheSystemIsRefused() {
        PolynomialSystem eco = StandardSystems.eco(4);
        SetStructure tooSmall = SetStructure.of(4, new int[][][] {{{0}}, {{1}}, {{2}}, {{3}}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Solver.solve(eco, SolveOptions.defaults().setStructure(tooSmall)));
        assertTrue(e.getMessage().startsWith("the set structure does not cover equation 1"), e.getMessage());
    }

    @Test
    void anotherStartKindDropsTheStructure() {
        SetStructure s = SetStructure.totalDegree(StandardSystems.eco(4));
        SolveOptions o = SolveOptions.defaults().setStructure(s);
        assertEquals(StartKind.LINEAR_PRODUCT, o.start());
        assertNull(o.start(StartKind.TOTAL_DEGREE).setStructure());
        assertEquals(s, o.seed(2).threads(1).start(StartKind.LINEAR_PRODUCT).setStructure());
    }
}
