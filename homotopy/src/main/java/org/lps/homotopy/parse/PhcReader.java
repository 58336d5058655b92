package org.lps.homotopy.parse;

import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.parse.Token.Kind;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The PHCpack input format: the number of equations (and, when it differs, of variables) on the first line,
 * then the polynomials, each ending with {@code ;}. Variables are numbered in order of first appearance.
 * Anything after the last polynomial (a PHCpack solution list, say) is ignored.
 */
final class PhcReader {

    private PhcReader() {
    }

    static PolynomialSystem read(String source, String text) {
        Lexer lx = new Lexer(source, text, "", false);
        Token first = lx.next();
        int equations = count(lx, first, "the number of equations");
        Token second = lx.peek();
        int variables = -1;
        if (second.is(Kind.NUMBER) && second.line() == first.line()) {
            variables = count(lx, lx.next(), "the number of variables");
        }
        NameTable names = new NameTable(List.of());
        ExpressionParser parser = new ExpressionParser(lx, names, false);
        List<Polynomial> eqs = new ArrayList<>();
        for (int k = 0; k < equations; k++) {
            Token start = lx.peek();
            if (start.is(Kind.EOF)) {
                throw lx.error(start, "line " + first.line() + " announces " + equations
                        + " polynomials but the input ends after " + k);
            }
            Polynomial p = parser.expression();
            Token end = lx.next();
            if (!end.is(Kind.SEMI)) {
                throw lx.error(end, "expected ';' ending polynomial " + (k + 1) + ", found " + end.describe());
            }
            eqs.add(p);
        }
        List<String> vars = names.names();
        int expected = variables < 0 ? equations : variables;
        if (vars.size() != expected) {
            String how = variables < 0
                    ? "announces " + equations + " equations, so " + equations + " unknowns,"
                    : "announces " + variables + " unknowns";
            throw lx.error(first, "line " + first.line() + " " + how + " but the polynomials use " + vars.size()
                    + " " + vars + (variables < 0 ? "; for a non-square system write '" + equations + " "
                    + vars.size() + "' on the first line" : ""));
        }
        return new PolynomialSystem(vars, eqs);
    }

    private static int count(Lexer lx, Token t, String what) {
        if (!t.is(Kind.NUMBER) || !t.text().chars().allMatch(Character::isDigit)) {
            throw lx.error(t, "expected " + what + " (a positive integer), found " + t.describe());
        }
        if (t.text().length() > 6 || Integer.parseInt(t.text()) == 0) {
            throw lx.error(t, what + " must be between 1 and 999999, found " + t.text());
        }
        return Integer.parseInt(t.text());
    }
}
