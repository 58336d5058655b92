package org.lps.homotopy.parse;

/** A lexical token with its position (1-based line and column) in the source. */
record Token(Kind kind, String text, int offset, int line, int column) {

    enum Kind {
        NUMBER, IDENT, PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, SEMI, COMMA, EQUALS, COLON, NEWLINE, EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case NEWLINE -> "end of line";
            case IDENT -> "'" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
