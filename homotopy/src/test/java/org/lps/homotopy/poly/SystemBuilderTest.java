package org.lps.homotopy.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SystemBuilderTest {

    @Test
    void buildsNamedSystem() {
        SystemBuilder b = new SystemBuilder();
        Polynomial x = b.variable("x"), y = b.variable("y");
        b.equation(x.pow(2).add(y.pow(2)).subtract(Polynomial.constant(1)));
        b.equation(x.subtract(y));
        PolynomialSystem s = b.build();
        assertEquals(List.of("x", "y"), s.variables());
        assertTrue(s.isSquare());
        assertArrayEquals(new int[] {2, 1}, s.degrees());
        assertEquals("2\n x^2 + y^2 - 1;\n x - y;\n", s.toPhcFormat());
    }

    @Test
    void rejectsDuplicatesAndUndeclaredVariables() {
        SystemBuilder b = new SystemBuilder();
        b.variable("x");
        assertThrows(IllegalArgumentException.class, () -> b.variable("x"));
        assertThrows(IllegalArgumentException.class, () -> b.equation(Polynomial.variable(3)));
    }

    @Test
    void groupsMustPartitionTheVariables() {
        SystemBuilder b = new SystemBuilder();
        b.variable("x");
        b.variable("y");
        b.equation(Polynomial.variable(0));
        b.group(false, "x");
        assertThrows(IllegalArgumentException.class, b::build);
        b.group(true, "y");
        PolynomialSystem s = b.build();
        assertEquals(1, s.homogeneousGroupCount());
        assertEquals(1, s.dimension());
        assertTrue(s.isSquare());
    }

    @Test
    void variableReorderingRewritesEquations() {
        SystemBuilder b = new SystemBuilder();
        Polynomial x = b.variable("x"), y = b.variable("y");
        b.equation(x.pow(2).add(y));
        b.equation(y.subtract(Polynomial.constant(2)));
        PolynomialSystem s = b.build();
        PolynomialSystem r = s.withVariableOrder(List.of("y", "x"));
        assertEquals(List.of("y", "x"), r.variables());
        assertEquals(Polynomial.variable(1).pow(2).add(Polynomial.variable(0)), r.equation(0));
        assertEquals(s, r.withVariableOrder(List.of("x", "y")));
        assertFalse(s.equals(r));
        assertThrows(IllegalArgumentException.class, () -> s.withVariableOrder(List.of("x", "z")));
    }
}
