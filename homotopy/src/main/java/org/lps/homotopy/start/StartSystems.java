package org.lps.homotopy.start;

import java.util.SplittableRandom;
import org.lps.homotopy.poly.PolynomialSystem;

/** Builds the start system the user asked for. */
public final class StartSystems {

    private StartSystems() {
    }

    /**
     * The start system of the given kind for a square system; random coefficients (linear product) come from
     * {@code random}.
     */
    public static StartSystem create(PolynomialSystem system, StartKind kind, SplittableRandom random) {
        return switch (kind) {
            case POLYHEDRAL -> throw new IllegalArgumentException(
                    "the polyhedral start system is not available yet (issue #6); use --start auto, total-degree or lps");
            case LINEAR_PRODUCT, AUTO, TOTAL_DEGREE -> new TotalDegreeStart(system.degrees(), random);
        };
    }
}
