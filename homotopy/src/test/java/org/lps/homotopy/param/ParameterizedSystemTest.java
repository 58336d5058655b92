package org.lps.homotopy.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;

class ParameterizedSystemTest {

    private static PolynomialSystem parse(String text) {
        return SystemParser.parse(text, "inline", Format.PLAIN);
    }

    @Test
    void splitsUnknownsFromParametersAndSubstitutesValues() {
        ParameterizedSystem f = ParameterizedSystem.of(parse("x^2 + a*x*y + b^2*y - 1\na*x - y + b"), "a", "b");
        assertEquals(List.of("x", "y"), f.variables());
        assertEquals(List.of("a", "b"), f.parameters());
        assertFalse(f.isAffine(), "b^2 is not affine");
        // a = 2, b = 3: x^2 + 2xy + 9y - 1, 2x - y + 3
        PolynomialSystem at = f.at(new double[] {2, 0, 3, 0});
        PolynomialSystem expected = parse("x^2 + 2*x*y + 9*y - 1\n2*x - y + 3");
        double[] x = {0.3, -0.7, 1.1, 0.2};
        for (int i = 0; i < 2; i++) {
            Complex a = at.equation(i).evaluate(new Complex(0.3, -0.7), new Complex(1.1, 0.2));
            Complex b = expected.equation(i).evaluate(new Complex(0.3, -0.7), new Complex(1.1, 0.2));
            assertEquals(0, a.subtract(b).norm(), 1e-14);
            double[] r = f.evaluate(x, new double[] {2, 0, 3, 0});
            assertEquals(b.getReal(), r[2 * i], 1e-14);
            assertEquals(b.getImaginary(), r[2 * i + 1], 1e-14);
        }
    }

    @Test
    void refusesUnknownParameterNamesAndNonSquareFamilies() {
        PolynomialSystem s = parse("x^2 + a*x - 1\nx*y - 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterizedSystem.of(s, "q"));
        assertTrue(e.getMessage().contains("q does not occur"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterizedSystem.of(s, "a", "y"));
    }

    @Test
    void coefficientFamilyReproducesTheSystemAndFitsStartPairs() {
        PolynomialSystem k = StandardSystems.katsura(4);
        ParameterizedSystem f = ParameterizedSystem.coefficientFamily(k);
        assertTrue(f.isAffine());
        double[] actual = f.coefficientValues(k);
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[2 * k.variableCount()];
        for (int v = 0; v < x.length; v++) {
            x[v] = r.nextGaussian();
        }
        double[] fx = f.evaluate(x, actual);
        for (int i = 0; i < k.equationCount(); i++) {
            Complex[] xc = new Complex[k.variableCount()];
            for (int v = 0; v < xc.length; v++) {
                xc[v] = new Complex(x[2 * v], x[2 * v + 1]);
            }
            Complex want = k.equation(i).evaluate(xc);
            assertEquals(want.getReal(), fx[2 * i], 1e-12);
            assertEquals(want.getImaginary(), fx[2 * i + 1], 1e-12);
        }
        double[] p = new double[2 * f.parameterCount()];
        for (int j = 0; j < p.length; j++) {
            p[j] = r.nextGaussian();
        }
        double[] fitted = f.fitConstants(x, p);
        for (double v : f.evaluate(x, fitted)) {
            assertEquals(0, v, 1e-12);
        }
    }

    @Test
    void compiledFamilyEvaluatesTheHomogenizedSystem() {
        ParameterizedSystem f = ParameterizedSystem.of(parse("x^2 + a*x*y + b*y - 1\na*x - y^3 + b"), "a", "b");
        CompiledFamily c = new CompiledFamily(f);
        double[] p = {0.5, 0.25, -1, 2};
        double[] coef = new double[2 * c.termCount()];
        c.toCompiledOrder(f.coefficients(p), null, coef);
        Evaluator e = c.monomials().evaluator();
        double[] z = {0.3, -0.7, 1.1, 0.2, 1, 0};   // x_0 = 1: the affine values
        double[] h = new double[4];
        e.values(z, coef, h);
        double[] want = f.evaluate(new double[] {0.3, -0.7, 1.1, 0.2}, p);
        for (int k = 0; k < 4; k++) {
            assertEquals(want[k], h[k], 1e-14);
        }
    }

    @Test
    void bertiniParametersAreDeclaredOutsideTheVariableGroups() {
        String text = "INPUT\nvariable_group x, y;\nparameter a, b;\nfunction f, g;\nf = x^2 + a*y - 1;\n"
                + "g = x*y - b;\nEND;\n";
        PolynomialSystem s = SystemParser.parse(text, "in.bertini", Format.AUTO);
        assertEquals(List.of("a", "b"), ParameterizedSystem.declaredParameters(s));
        ParameterizedSystem f = ParameterizedSystem.of(s, ParameterizedSystem.declaredParameters(s));
        assertEquals(List.of("x", "y"), f.variables());
        assertTrue(f.isAffine());
        assertEquals(List.of(), ParameterizedSystem.declaredParameters(parse("x^2 - 1")));
        org.lps.homotopy.parse.ParseException e = assertThrows(org.lps.homotopy.parse.ParseException.class,
                () -> SystemParser.parse("INPUT\nvariable_group x;\nparameter a;\nfunction f;\na = 2;\n"
                        + "f = x - a;\nEND;\n", "p.bertini", Format.AUTO));
        assertTrue(e.getMessage().contains("p.bertini:5:1") && e.getMessage().contains("parameter a"),
                e.getMessage());
    }
}
