package org.lps.homotopy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

class PhcFormatTest {

    private static PolynomialSystem phc(String text) {
        return SystemParser.parse(text, "test.phc", Format.PHC);
    }

    private static ParseException error(String text) {
        return assertThrows(ParseException.class, () -> phc(text));
    }

    @Test
    void readsPowersComplexCoefficientsAndParentheses() {
        PolynomialSystem s = phc("""
                2
                 x**2 + (1.5 + 2*i)*x*y^2 - 3.0E-1;
                 (x - 1)*(y + I) + 2/3;
                """);
        assertEquals(List.of("x", "y"), s.variables());
        Polynomial f = s.equation(0);
        assertEquals(new Complex(1), f.coefficientOf(2, 0));
        assertEquals(new Complex(1.5, 2), f.coefficientOf(1, 2));
        assertEquals(new Complex(-0.3), f.coefficientOf(0, 0));
        Polynomial g = s.equation(1);
        // (x - 1)(y + i) + 2/3 = xy + i x - y - i + 2/3
        assertEquals(new Complex(1), g.coefficientOf(1, 1));
        assertEquals(new Complex(0, 1), g.coefficientOf(1, 0));
        assertEquals(new Complex(-1), g.coefficientOf(0, 1));
        assertEquals(new Complex(2.0 / 3, -1), g.coefficientOf(0, 0));
    }

    @Test
    void variablesInOrderOfFirstAppearanceAndAnyNameButTheImaginaryUnit() {
        PolynomialSystem s = phc("4\n t*x_1 - 1;\n x[2] + be1;\n be1^2 - t;\n x_1 - x[2]*t;\n");
        assertEquals(List.of("t", "x_1", "x[2]", "be1"), s.variables());
    }

    @Test
    void nonSquareHeaderAndTrailingSolutionsAreHandled() {
        PolynomialSystem s = phc("2 3\n x + y + z;\n x*y*z - 1;\n\nTHE SOLUTIONS :\n2 3\n=====");
        assertEquals(3, s.variableCount());
        assertEquals(2, s.equationCount());
    }

    @Test
    void polynomialsMaySpanLines() {
        PolynomialSystem s = phc("1\n x^2\n  + 2*x\n  + 1;\n");
        assertEquals(Polynomial.variable(0).add(Polynomial.constant(1)).pow(2), s.equation(0));
    }

    @Test
    void implicitMultiplicationIsAnErrorAtTheRightPlace() {
        ParseException e = error("1\n 3x + 1;\n");
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().startsWith("test.phc:2:3: missing operator before 'x'"), e.getMessage());
    }

    @Test
    void missingSemicolonAndShortFiles() {
        assertEquals(3, error("2\n x + y\n x - y;\n").line());
        ParseException e = error("3\n x + y + z;\n x - y;\n");
        assertTrue(e.detail().contains("announces 3 polynomials but the input ends after 2"), e.detail());
    }

    @Test
    void variableCountMustMatchTheHeader() {
        ParseException e = error("2\n x + y + z;\n x - y;\n");
        assertEquals(1, e.line());
        assertTrue(e.detail().contains("write '2 3'"), e.detail());
    }

    @Test
    void badHeader() {
        assertTrue(error("two\n x;\n").detail().contains("number of equations"));
        assertTrue(error("0\n x;\n").detail().contains("between 1 and"));
    }

    @Test
    void unbalancedParenthesesPointAtTheOpeningOne() {
        ParseException e = error("1\n (x + 1*(y - 2);\n");
        assertTrue(e.detail().contains("to close the '(' at line 2, column 2"), e.detail());
    }

    @Test
    void laurentAndDivisionByVariablesAreRefused() {
        assertTrue(error("1\n x^-2 + 1;\n").detail().contains("Laurent"));
        assertTrue(error("1\n 1/x;\n").detail().contains("division by an expression with variables"));
        assertTrue(error("1\n x/0;\n").detail().contains("division by zero"));
    }
}
