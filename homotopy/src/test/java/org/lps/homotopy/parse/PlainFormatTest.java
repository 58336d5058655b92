package org.lps.homotopy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

class PlainFormatTest {

    @Test
    void linesSemicolonsEqualsAndComments() {
        PolynomialSystem s = SystemParser.parse("""
                # a circle and a line
                x^2 + y^2 = 1   % unit circle
                x - y; z - 1
                """, "plain", Format.AUTO);
        assertEquals(List.of("x", "y", "z"), s.variables());
        assertEquals(3, s.equationCount());
        Polynomial x = Polynomial.variable(0), y = Polynomial.variable(1);
        assertEquals(x.pow(2).add(y.pow(2)).subtract(Polynomial.constant(1)), s.equation(0));
    }

    @Test
    void trailingGarbageAfterAnEquation() {
        ParseException e = assertThrows(ParseException.class,
                () -> SystemParser.parse("x + 1 = 2 = 3\n", "p", Format.PLAIN));
        assertEquals(11, e.column());
    }

    @Test
    void detection() {
        assertEquals(Format.PHC, SystemParser.detect("2\n x;\n y;\n"));
        assertEquals(Format.PHC, SystemParser.detect("  3 4 \n x;"));
        assertEquals(Format.PLAIN, SystemParser.detect("x^2 - 1\n"));
        assertEquals(Format.PLAIN, SystemParser.detect("2*x - 1\n"));
        assertEquals(Format.BERTINI, SystemParser.detect("INPUT\nvariable_group x;\n"));
    }

    @Test
    void parsePolynomialWithDeclaredNames() {
        Polynomial p = SystemParser.parsePolynomial("y^2 + x", List.of("x", "y"));
        assertEquals(Polynomial.variable(1).pow(2).add(Polynomial.variable(0)), p);
        assertTrue(assertThrows(ParseException.class, () -> SystemParser.parsePolynomial("x\ny", List.of()))
                .detail().contains("expected one polynomial"));
    }
}
