package org.lps.homotopy.start;

import java.util.Locale;

/** Which start system the solver builds. */
public enum StartKind {
    /** The least estimated work among total degree, linear product and polyhedral (see StartSystems#cheapest). */
    AUTO("auto"),
    TOTAL_DEGREE("total-degree"),
    /** Linear product from the best set structure found by the root counts (m-homogeneous as a special case). */
    LINEAR_PRODUCT("lps"),
    /** Polyhedral homotopy: mixed cells, binomial systems, toric phase, then the target (BKK-optimal). */
    POLYHEDRAL("polyhedral");

    private final String label;

    StartKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By command-line name: auto, total-degree, lps (or linear-product), polyhedral. */
    public static StartKind parse(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        for (StartKind k : values()) {
            if (k.label.equals(s)) {
                return k;
            }
        }
        if (s.equals("linear-product") || s.equals("totaldegree")) {
            return s.equals("linear-product") ? LINEAR_PRODUCT : TOTAL_DEGREE;
        }
        throw new IllegalArgumentException("unknown start system '" + name
                + "': expected auto, total-degree, lps or polyhedral");
    }
}
