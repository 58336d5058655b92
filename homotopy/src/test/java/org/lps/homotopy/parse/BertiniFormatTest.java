package org.lps.homotopy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

class BertiniFormatTest {

    private static final String EXAMPLE = """
            CONFIG
            TrackType: 0;          % zero-dimensional solve
            MPType: 2;
            FinalTol: 1e-12;
            END;
            INPUT
            variable_group x, y;
            constant c;
            function f1, f2;
            c = 1.1 + 0.5*I;
            s = x^2 + y^2;         % a subfunction
            f1 = x*s - c*x + 1;
            f2 = y*s - c*y + 1;
            END;
            """;

    private static PolynomialSystem bertini(String text) {
        return SystemParser.parse(text, "input", Format.AUTO);
    }

    private static ParseException error(String body) {
        return assertThrows(ParseException.class, () -> bertini("INPUT\n" + body + "END;\n"));
    }

    @Test
    void readsTheManualsExample() {
        assertEquals(Format.BERTINI, SystemParser.detect(EXAMPLE));
        PolynomialSystem s = bertini(EXAMPLE);
        assertEquals(List.of("x", "y"), s.variables());
        Polynomial x = Polynomial.variable(0), y = Polynomial.variable(1);
        Polynomial sq = x.pow(2).add(y.pow(2));
        Polynomial c = Polynomial.constant(new Complex(1.1, 0.5));
        assertEquals(x.multiply(sq).subtract(c.multiply(x)).add(Polynomial.constant(1)), s.equation(0));
        assertEquals(y.multiply(sq).subtract(c.multiply(y)).add(Polynomial.constant(1)), s.equation(1));
        assertTrue(s.groupsDeclared());
    }

    @Test
    void functionsAreOrderedByDeclarationNotDefinition() {
        PolynomialSystem s = bertini("INPUT\nvariable_group a;\nfunction g, f;\nf = a;\ng = a^2;\nEND;\n");
        assertEquals(2, s.equation(0).degree());
        assertEquals(1, s.equation(1).degree());
    }

    @Test
    void homogeneousGroupsAreCheckedAndCounted() {
        PolynomialSystem s = bertini("INPUT\nhom_variable_group x0, x1, x2;\nfunction f, g;\n"
                + "f = x0*x1 - x2^2;\ng = x1 + x2 - 2*x0;\nEND;\n");
        assertEquals(1, s.homogeneousGroupCount());
        assertEquals(2, s.dimension());
        assertTrue(s.isSquare());
        ParseException e = error("hom_variable_group x0, x1;\nfunction f;\nf = x0*x1 - 1;\n");
        assertTrue(e.detail().contains("not homogeneous"), e.detail());
    }

    @Test
    void constantsFunctionsOfConstantsAndPi() {
        PolynomialSystem s = bertini("INPUT\nvariable_group x;\nconstant a;\nfunction f;\n"
                + "a = cos(Pi) + exp(0);\nf = x - a + sin(0);\nEND;\n");
        assertEquals(Polynomial.variable(0), s.equation(0));
    }

    @Test
    void randomConstantsAreReproducible() {
        String text = "INPUT\nvariable_group x;\nrandom r;\nrandom_real q;\nfunction f;\nf = r*x - q;\nEND;\n";
        PolynomialSystem a = bertini(text), b = bertini(text);
        assertEquals(a, b);
        Complex r = a.equation(0).coefficientOf(1);
        assertEquals(1.0, r.norm(), 1e-12);
        double q = a.equation(0).coefficientOf(0).getReal();
        assertTrue(q >= -1 && q <= 1);
    }

    @Test
    void clearErrors() {
        ParseException e = error("variable_group x;\nfunction f;\nf = x + y;\n");
        assertEquals(4, e.line());
        assertTrue(e.detail().contains("'y' is not declared"), e.detail());
        assertTrue(error("variable_group x;\nfunction f, g;\nf = x;\n").detail()
                .contains("g is declared but never defined"));
        assertTrue(error("variable x;\npathvariable t;\n").detail().contains("user-defined homotopy"));
        assertTrue(error("variable_group x;\nfunction f;\nf = sin(x);\n").detail().contains("not polynomial"));
        assertTrue(error("variable_group x, x;\n").detail().contains("already declared at line 2"));
        assertTrue(error("variable_group x;\nfunction f;\nf = x\n").detail().contains("is a ';' missing at the end of line 4?"));
        assertThrows(ParseException.class, () -> bertini("INPUT\nvariable_group x;\nfunction f;\nf = x;\n"));
    }
}
