package org.lps.homotopy.start;

import java.math.BigInteger;
import org.lps.homotopy.poly.InvalidSystemException;

/** A start system would have more paths than the solver tracks ({@link StartSystems#MAX_PATHS}). */
public final class TooManyPathsException extends InvalidSystemException {
    private static final long serialVersionUID = 1L;

    private final transient BigInteger paths;

    public TooManyPathsException(String startSystem, BigInteger paths, long limit) {
        super("the " + startSystem + " start system has " + paths + " paths; the solver tracks at most " + limit);
        this.paths = paths;
    }

    public BigInteger paths() {
        return paths;
    }
}
