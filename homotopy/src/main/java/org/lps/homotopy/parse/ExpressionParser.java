package org.lps.homotopy.parse;

import java.util.Set;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.parse.Token.Kind;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialTooLargeException;

/**
 * Recursive-descent parser of polynomial expressions, shared by every input format. It evaluates as it
 * parses, so the result is the expanded {@link Polynomial}.
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := signed (('*' | '/') signed)*
 * signed     := ('+' | '-') signed | power          (so -x^2 is -(x^2))
 * power      := primary ['^' exponent]                ('**' is read as '^')
 * exponent   := INTEGER | '(' ['+'] INTEGER ')'
 * primary    := NUMBER | NAME | FUNCTION '(' expression ')' | '(' expression ')'
 * </pre>
 *
 * Hostile input is bounded: nesting depth, exponents, degrees and expansion sizes have limits, each
 * reported as a {@link ParseException} at the place it was exceeded.
 */
final class ExpressionParser {

    /** Resolves a name to its value (a variable, a constant, a subfunction); throws for unknown names. */
    interface Symbols {
        Polynomial resolve(Token name);
    }

    static final int MAX_DEPTH = 200;
    static final int MAX_EXPONENT = 10_000;
    static final int MAX_DEGREE = 10_000;

    private static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "exp");

    private final Lexer lx;
    private final Symbols symbols;
    private final boolean functions;
    private int depth;

    /**
     * @param functions whether {@code sin cos tan exp} of constant arguments are allowed (Bertini)
     */
    ExpressionParser(Lexer lx, Symbols symbols, boolean functions) {
        this.lx = lx;
        this.symbols = symbols;
        this.functions = functions;
    }

    Polynomial expression() {
        enter(lx.peek());
        try {
            Polynomial acc = term();
            while (lx.peek().is(Kind.PLUS) || lx.peek().is(Kind.MINUS)) {
                Token op = lx.next();
                Polynomial rhs = term();
                acc = guarded(op, acc, rhs);
            }
            return acc;
        } finally {
            depth--;
        }
    }

    private Polynomial term() {
        Polynomial acc = signed();
        while (lx.peek().is(Kind.STAR) || lx.peek().is(Kind.SLASH)) {
            Token op = lx.next();
            Polynomial rhs = signed();
            acc = guarded(op, acc, rhs);
        }
        return acc;
    }

    private Polynomial signed() {
        Token t = lx.peek();
        if (t.is(Kind.MINUS) || t.is(Kind.PLUS)) {
            lx.next();
            enter(t);
            try {
                Polynomial p = signed();
                return t.is(Kind.MINUS) ? p.negate() : p;
            } finally {
                depth--;
            }
        }
        return power();
    }

    private Polynomial power() {
        Token start = lx.peek();
        Polynomial base = primary();
        if (lx.peek().is(Kind.CARET)) {
            Token op = lx.next();
            int k = exponent();
            // the exponent travels as an int, not as a constant polynomial: x^0 makes the constant 0, which has no terms
            base = guarded(op, base, k);
            if (lx.peek().is(Kind.CARET)) {
                throw lx.error(lx.peek(), "chained powers are ambiguous: add parentheses");
            }
        }
        Token after = lx.peek();
        if (after.is(Kind.NUMBER) || after.is(Kind.IDENT) || after.is(Kind.LPAREN)) {
            Token before = lx.previous();
            if (before != null && after.line() > before.line()) {
                throw lx.error(after, "expected an operator or the end of the statement before "
                        + after.describe() + " (is a ';' missing at the end of line " + before.line() + "?)");
            }
            throw lx.error(after, "missing operator before " + after.describe()
                    + " (multiplication must be explicit: write " + sample(start) + "*" + after.text() + ")");
        }
        return base;
    }

    private static String sample(Token start) {
        return start.is(Kind.LPAREN) ? "(...)" : start.text();
    }

    private int exponent() {
        Token t = lx.next();
        boolean paren = t.is(Kind.LPAREN);
        if (paren) {
            t = lx.next();
            if (t.is(Kind.PLUS)) {
                t = lx.next();
            }
        }
        if (t.is(Kind.MINUS)) {
            throw lx.error(t, "negative exponents (Laurent polynomials) are not supported");
        }
        if (!t.is(Kind.NUMBER) || !t.text().chars().allMatch(Character::isDigit)) {
            throw lx.error(t, "expected a non-negative integer exponent, found " + t.describe());
        }
        if (t.text().length() > 6 || Integer.parseInt(t.text()) > MAX_EXPONENT) {
            throw lx.error(t, "exponent " + t.text() + " is larger than the limit " + MAX_EXPONENT);
        }
        int k = Integer.parseInt(t.text());
        if (paren) {
            expect(Kind.RPAREN, "')' closing the exponent");
        }
        return k;
    }

    private Polynomial primary() {
        Token t = lx.next();
        switch (t.kind()) {
            case NUMBER:
                return number(t);
            case IDENT:
                if (functions && FUNCTIONS.contains(t.text()) && lx.peek().is(Kind.LPAREN)) {
                    return function(t);
                }
                return symbols.resolve(t);
            case LPAREN: {
                Polynomial p = expression();
                Token close = lx.next();
                if (!close.is(Kind.RPAREN)) {
                    throw lx.error(close, "expected ')' to close the '(' at line " + t.line() + ", column "
                            + t.column() + ", found " + close.describe());
                }
                return p;
            }
            default:
                throw lx.error(t, "expected a number, a name or '(', found " + t.describe());
        }
    }

    private Polynomial number(Token t) {
        double v;
        try {
            v = Double.parseDouble(t.text());
        } catch (NumberFormatException e) {
            throw lx.error(t, "malformed number '" + t.text() + "'");
        }
        // PHCpack reads coefficients as doubles; a nonzero literal a double cannot hold is refused, in either
        // direction, rather than silently becoming infinite or zero (a zero coefficient drops its term and changes
        // the system). Subnormals (down to 4.9e-324) are doubles and are kept: printed polynomials read back exactly.
        if (Double.isInfinite(v)) {
            throw lx.error(t, "number " + t.text() + " overflows the double range (largest "
                    + Double.MAX_VALUE + "): rescale the equation");
        }
        if (v == 0 && hasNonzeroDigit(t.text())) {
            throw lx.error(t, "number " + t.text() + " underflows the double range (it would be 0; the smallest "
                    + "double is " + Double.MIN_VALUE + "): rescale the equation, or write 0");
        }
        return Polynomial.constant(v);
    }

    /** Whether the mantissa (the part before any exponent) has a digit other than 0. */
    private static boolean hasNonzeroDigit(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private Polynomial function(Token name) {
        lx.next(); // '('
        Polynomial arg = expression();
        expect(Kind.RPAREN, "')' closing " + name.text() + "(");
        if (!arg.isConstant()) {
            throw lx.error(name, name.text() + "() of an expression with variables is not polynomial");
        }
        Complex z = arg.isZero() ? Complex.ZERO : arg.coefficient(0);
        Complex r = switch (name.text()) {
            case "sin" -> z.sin();
            case "cos" -> z.cos();
            case "tan" -> z.tan();
            default -> z.exp();
        };
        if (r.isNaN() || r.isInfinite()) {
            throw lx.error(name, name.text() + "() overflows for this argument");
        }
        return Polynomial.constant(r);
    }

    private Token expect(Kind k, String what) {
        Token t = lx.next();
        if (!t.is(k)) {
            throw lx.error(t, "expected " + what + ", found " + t.describe());
        }
        return t;
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw lx.error(at, "expression nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    /** Applies a binary operator, turning size, degree and overflow limits into positioned errors. */
    private Polynomial guarded(Token op, Polynomial a, Polynomial b) {
        return checked(op, () -> switch (op.kind()) {
            case PLUS -> a.add(b);
            case MINUS -> a.subtract(b);
            case STAR -> a.multiply(b);
            case SLASH -> divide(op, a, b);
            default -> throw new IllegalStateException(op.toString());
        });
    }

    /** a^k, with the same limits (x^0 = 1, and 0^0 = 1 as in every polynomial ring). */
    private Polynomial guarded(Token op, Polynomial a, int k) {
        return checked(op, () -> a.pow(k));
    }

    private Polynomial checked(Token op, java.util.function.Supplier<Polynomial> operation) {
        Polynomial r;
        try {
            r = operation.get();
        } catch (PolynomialTooLargeException e) {
            throw lx.error(op, e.getMessage());
        } catch (ArithmeticException e) {
            throw lx.error(op, "exponent overflow");
        }
        if (r.degree() > MAX_DEGREE) {
            throw lx.error(op, "degree " + r.degree() + " is larger than the limit " + MAX_DEGREE);
        }
        for (int t = 0; t < r.termCount(); t++) {
            if (!Double.isFinite(r.re(t)) || !Double.isFinite(r.im(t))) {
                throw lx.error(op, "a coefficient overflows the double range");
            }
        }
        return r;
    }

    private Polynomial divide(Token op, Polynomial a, Polynomial b) {
        if (!b.isConstant()) {
            throw lx.error(op, "division by an expression with variables is not polynomial");
        }
        if (b.isZero()) {
            throw lx.error(op, "division by zero");
        }
        Complex inv = Complex.ONE.divide(b.coefficient(0));
        return a.scale(inv);
    }
}
