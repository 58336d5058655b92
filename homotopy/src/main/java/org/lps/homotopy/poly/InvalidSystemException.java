package org.lps.homotopy.poly;

/**
 * A system that was read correctly but cannot be solved or counted as given: not square, an equation that is a
 * nonzero constant (no solution) or identically zero (no isolated solution), more paths than the solver tracks.
 * The message says what is wrong with the system, so a program can show it to the user who wrote the system; it
 * is the input's fault, unlike other {@link IllegalArgumentException}s, which are a caller's bug.
 */
public class InvalidSystemException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSystemException(String message) {
        super(message);
    }
}
