package org.lps.homotopy.polyhedral.cells;

/**
 * The mixed-cell search stopped because it needed more linear programs than it was allowed. The limit counts
 * work, not time, so whether it is hit depends on the input and the seed only, never on the machine's load.
 */
public final class WorkLimitExceededException extends RuntimeException {

    private final long limit;

    public WorkLimitExceededException(long limit) {
        super("the mixed-cell search needs more than " + limit + " linear programs");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
