package org.lps.homotopy.rootcount;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;

class SetStructureTest {

    private static PolynomialSystem plain(String text) {
        return SystemParser.parse(text, "test", Format.PLAIN);
    }

    @Test
    void coveringIsAMatchingOfVariableOccurrencesIntoDistinctFactors() {
        PolynomialSystem s = plain("x^2*y + x + 1\ny - 2");
        // x^2 y needs x in two factors and y in a third
        assertTrue(SetStructure.of(2, new int[][][] {{{0}, {0}, {1}}, {{1}}}).covers(s));
        assertTrue(SetStructure.of(2, new int[][][] {{{0, 1}, {0}, {0, 1}}, {{0, 1}}}).covers(s));
        // only one factor holds x
        assertFalse(SetStructure.of(2, new int[][][] {{{0}, {1}, {1}}, {{1}}}).covers(s));
        // two factors cannot take the three occurrences of x^2 y
        assertFalse(SetStructure.of(2, new int[][][] {{{0, 1}, {0}}, {{1}}}).covers(s));
        // the linear equation does not involve x, so {y} covers it, but {x} does not
        assertEquals(1, SetStructure.of(2, new int[][][] {{{0}, {0}, {1}}, {{0}}}).firstUncovered(s));
    }

    @Test
    void partitionStructureHasDegreeManyFactorsPerGroup() {
        PolynomialSystem s = plain("x^2*y + z\nx*y*z - 1\nx + y + z");
        Partition p = Partition.of(3, new int[] {0, 2}, new int[] {1});
        SetStructure st = SetStructure.of(s, p);
        // equation 1: degree 2 in {x,z}, 1 in {y}
        assertEquals(List.of("{x z}{x z}{y}", "{x z}{x z}{y}", "{x z}{y}"), st.format(s.variables()));
        assertTrue(st.covers(s));
        assertEquals(SetStructure.of(s, Partition.single(3)), SetStructure.totalDegree(s));
        assertEquals(3, SetStructure.totalDegree(s).factorCount(0));
    }

    @Test
    void keepsSetsSortedAndRejectsBadIndices() {
        SetStructure st = SetStructure.of(3, new int[][][] {{{2, 0}}, {{1}}, {{0, 1, 2}}});
        assertArrayEquals(new int[] {0, 2}, st.factor(0, 0));
        assertEquals(6, st.size());
        assertThrows(IllegalArgumentException.class, () -> SetStructure.of(2, new int[][][] {{{0, 2}}, {{1}}}));
        assertThrows(IllegalArgumentException.class, () -> SetStructure.of(2, new int[][][] {{{1, 1}}, {{1}}}));
        assertEquals(List.of(List.of(List.of("a", "c")), List.of(List.of("b")), List.of(List.of("a", "b", "c"))),
                st.names(List.of("a", "b", "c")));
    }
}
