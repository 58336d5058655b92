package org.lps.homotopy.parse;

import org.lps.homotopy.parse.Token.Kind;

/**
 * Splits polynomial input into tokens, on demand. Names start with a letter or underscore and continue with
 * letters, digits, {@code _}, {@code [} and {@code ]} (so {@code x_1}, {@code x[2]}, {@code be1} are names);
 * numbers are decimal with an optional exponent ({@code 1.5E-3}); {@code **} is a synonym of {@code ^}.
 */
final class Lexer {

    private final String source;
    private final String text;
    private final String commentChars;
    private final boolean newlines;
    private int pos;
    private int line = 1;
    private int lineStart;
    private Token peeked;
    private Token previous;

    /**
     * @param commentChars characters that start a comment running to the end of the line
     * @param newlines     whether line ends are tokens (the plain format separates equations by lines)
     */
    Lexer(String source, String text, String commentChars, boolean newlines) {
        this.source = source;
        this.text = text;
        this.commentChars = commentChars;
        this.newlines = newlines;
    }

    String source() {
        return source;
    }

    Token peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    Token next() {
        Token t = peek();
        peeked = null;
        previous = t;
        return t;
    }

    /** The last token {@link #next()} returned, or null at the start. */
    Token previous() {
        return previous;
    }

    ParseException error(Token at, String message) {
        return new ParseException(source, at.line(), at.column(), message);
    }

    private ParseException errorHere(String message) {
        return new ParseException(source, line, pos - lineStart + 1, message);
    }

    private Token scan() {
        skipBlanksAndComments();
        int start = pos;
        int col = pos - lineStart + 1;
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "", pos, line, col);
        }
        char c = text.charAt(pos);
        if (c == '\n') {
            Token t = new Token(Kind.NEWLINE, "\\n", pos, line, col);
            pos++;
            line++;
            lineStart = pos;
            return t;
        }
        if (isNameStart(c)) {
            pos++;
            while (pos < text.length() && isNamePart(text.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.IDENT, text.substring(start, pos), start, line, col);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(start, col);
        }
        pos++;
        Kind k = switch (c) {
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '*' -> {
                if (pos < text.length() && text.charAt(pos) == '*') {
                    pos++;
                    yield Kind.CARET;
                }
                yield Kind.STAR;
            }
            case '/' -> Kind.SLASH;
            case '^' -> Kind.CARET;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case ';' -> Kind.SEMI;
            case ',' -> Kind.COMMA;
            case '=' -> Kind.EQUALS;
            case ':' -> Kind.COLON;
            default -> {
                pos--;
                throw errorHere("unexpected character " + show(c));
            }
        };
        return new Token(k, text.substring(start, pos), start, line, col);
    }

    private Token number(int start, int col) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        // an exponent only when digits follow: "2e" followed by a name is an error reported by the parser
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
                p++;
            }
            if (p < text.length() && Character.isDigit(text.charAt(p))) {
                pos = p;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        return new Token(Kind.NUMBER, text.substring(start, pos), start, line, col);
    }

    private void skipBlanksAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                if (newlines) {
                    return;
                }
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (commentChars.indexOf(c) >= 0) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '[' || c == ']';
    }

    static String show(char c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c) + (Character.isISOControl(c) ? " (binary data?)" : "");
    }
}
