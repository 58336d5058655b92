package org.lps.homotopy.parse;

/** The input formats {@link SystemParser} reads. */
public enum Format {
    /** Detect from the content: Bertini keywords, else a leading count line (PHCpack), else plain. */
    AUTO,
    PHC,
    BERTINI,
    PLAIN
}
