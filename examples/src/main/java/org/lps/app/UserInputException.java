package org.lps.app;

/**
 * A problem with what the user gave us (a flag value, a file): reported as one line, exit code 2.
 * Modules signal bad input with their own exception types; {@link ErrorReporter} maps those too.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Parses a flag's value; a parser's IllegalArgumentException becomes "FLAG: its message". */
    static <T> T forFlag(String flag, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new UserInputException(m.startsWith(flag) ? m : flag + ": " + m, e);
        }
    }
}
