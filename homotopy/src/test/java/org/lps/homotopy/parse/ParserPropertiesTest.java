package org.lps.homotopy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.lps.homotopy.FixedSeed;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/** parse(print(p)) == p exactly, and no input whatsoever crashes the parsers. Seeded by {@link FixedSeed}. */
@AddLifecycleHook(FixedSeed.class)
class ParserPropertiesTest {

    private static final List<String> NAMES = List.of("x", "y_1", "z[2]", "t", "be1");

    @Property(tries = 300)
    void printedPolynomialsReadBackExactly(@ForAll("polynomials") Polynomial p) {
        assertEquals(p, SystemParser.parsePolynomial(p.format(NAMES), NAMES));
    }

    @Property(tries = 100)
    void printedSystemsReadBackInPhcFormat(@ForAll("polynomials") Polynomial p, @ForAll("polynomials") Polynomial q) {
        Polynomial anchor = Polynomial.variable(0).add(Polynomial.variable(1)).add(Polynomial.variable(2))
                .add(Polynomial.variable(3)).add(Polynomial.variable(4));
        PolynomialSystem s = new PolynomialSystem(NAMES, List.of(p.add(anchor), q, anchor, p, q.add(anchor)));
        PolynomialSystem back = SystemParser.parse(s.toPhcFormat(), "rt", Format.AUTO);
        assertEquals(s, back.withVariableOrder(NAMES));
    }

    @Property(tries = 2000)
    void garbageNeverCrashes(@ForAll @StringLength(max = 200) String text) {
        for (Format f : Format.values()) {
            assertParsesOrReports(text, f);
        }
    }

    @Property(tries = 2000)
    void nearMissesNeverCrash(@ForAll("nearMisses") String text) {
        for (Format f : Format.values()) {
            assertParsesOrReports(text, f);
        }
    }

    private static void assertParsesOrReports(String text, Format f) {
        try {
            SystemParser.parse(text, "g", f);
        } catch (ParseException expected) {
            // the only acceptable failure
        } catch (IllegalArgumentException e) {
            // a well-formed file can still be an invalid system (e.g. a variable declared twice)
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw e;
            }
        }
    }

    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<String> tokens = Arbitraries.of("x", "y", "1", "2.5", "1e3", "i", "I", "+", "-", "*", "/", "^",
                "**", "(", ")", ";", "\n", "=", ",", ":", "INPUT", "END", "variable_group", "function", "f",
                "constant", "hom_variable_group", "2 3\n", "%", "#", "sin", "(", " ");
        return tokens.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Polynomial> polynomials() {
        // every finite double (from random bit patterns), small integers, and awkward decimals
        Arbitrary<Double> coefs = Arbitraries.oneOf(
                Arbitraries.integers().between(-20, 20).map(Integer::doubleValue),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(1e300, -2.5e-300, 0.1, 1.0 / 3, Double.MIN_VALUE, -Double.MAX_VALUE, 1e15, 123456789e20));
        Arbitrary<Polynomial> terms = Combinators.combine(coefs, coefs, Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 4).list().ofSize(NAMES.size()))
                .as((re, im, kind, exps) -> {
                    double imag = kind == 0 ? im : 0.0;   // a quarter of the terms complex
                    return Polynomial.monomial(re, imag, exps.stream().mapToInt(Integer::intValue).toArray());
                });
        return terms.list().ofMinSize(1).ofMaxSize(8).map(Polynomial::sum);
    }
}
