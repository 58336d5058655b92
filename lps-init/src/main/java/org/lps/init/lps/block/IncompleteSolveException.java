package org.lps.init.lps.block;

/**
 * A block solve ended without proof that it found every critical point (monodromy whose trace test failed), so no
 * weight is made from it: its best minimum could be missing. Not a defect and not bad input; the message says what to
 * try instead.
 */
public final class IncompleteSolveException extends IllegalStateException {

    public IncompleteSolveException(String message) {
        super(message);
    }
}
