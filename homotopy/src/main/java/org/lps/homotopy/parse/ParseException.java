package org.lps.homotopy.parse;

/**
 * Malformed input: the message names the source, line and column ({@code sys.phc:3:14: expected ')'}), so a
 * user can go straight to the problem. An {@link IllegalArgumentException}, as every bad-input error here.
 */
public final class ParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String detail;

    public ParseException(String source, int line, int column, String detail) {
        super(source + ":" + line + ":" + column + ": " + detail);
        this.source = source;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public String source() {
        return source;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }

    /** The message without the position prefix. */
    public String detail() {
        return detail;
    }
}
