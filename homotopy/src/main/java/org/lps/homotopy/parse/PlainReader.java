package org.lps.homotopy.parse;

import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.parse.Token.Kind;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The plain format: one equation per line or several separated by {@code ;}, either an expression (meaning
 * expression = 0) or {@code lhs = rhs}; {@code #} and {@code %} start comments. Variables are numbered in order
 * of first appearance.
 */
final class PlainReader {

    private PlainReader() {
    }

    static PolynomialSystem read(String source, String text, List<String> declared) {
        Lexer lx = new Lexer(source, text, "#%", true);
        NameTable names = new NameTable(declared);
        ExpressionParser parser = new ExpressionParser(lx, names, false);
        List<Polynomial> eqs = new ArrayList<>();
        while (true) {
            Token t = lx.peek();
            if (t.is(Kind.EOF)) {
                break;
            }
            if (t.is(Kind.NEWLINE) || t.is(Kind.SEMI)) {
                lx.next();
                continue;
            }
            Polynomial p = parser.expression();
            if (lx.peek().is(Kind.EQUALS)) {
                lx.next();
                p = p.subtract(parser.expression());
            }
            Token end = lx.peek();
            if (!(end.is(Kind.NEWLINE) || end.is(Kind.SEMI) || end.is(Kind.EOF))) {
                throw lx.error(end, "expected an operator, ';' or the end of the line, found " + end.describe());
            }
            eqs.add(p);
        }
        if (eqs.isEmpty()) {
            throw lx.error(lx.peek(), "no equations found");
        }
        return new PolynomialSystem(names.names(), eqs);
    }
}
