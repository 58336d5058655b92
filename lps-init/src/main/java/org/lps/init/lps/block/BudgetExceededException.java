package org.lps.init.lps.block;

/**
 * A block solve stopped because it spent its budget of work; the message names the budget and what to do instead.
 * Not a defect and not bad input: the problem is larger than the budget allows.
 */
public final class BudgetExceededException extends IllegalStateException {

    public BudgetExceededException(String message) {
        super(message);
    }
}
