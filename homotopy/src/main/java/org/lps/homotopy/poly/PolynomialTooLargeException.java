package org.lps.homotopy.poly;

/** An expansion would exceed {@link Polynomial#MAX_TERMS} terms. */
public final class PolynomialTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PolynomialTooLargeException(String message) {
        super(message);
    }
}
