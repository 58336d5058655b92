package org.lps.homotopy.certify;

/**
 * What certification proved about one approximate solution.
 *
 * <p>When {@link #certified()}: the system ({@link IntervalSystem}) has exactly one zero in the box {@link #domain()},
 * and that zero lies in the (smaller) box {@link #enclosure()}. Boxes are complex boxes, four doubles per coordinate
 * ({@code reLo, reHi, imLo, imHi}). {@link #reality()} says what is known about the zero being real.
 *
 * @param certified  a unique zero in {@code domain}, inside {@code enclosure} (Krawczyk's test passed)
 * @param reality    proved real, proved not real, undecided, or not applicable (non-real coefficients)
 * @param enclosure  a box holding the zero (null when not certified)
 * @param domain     the box in which the zero is unique (null when not certified)
 * @param center     the refined point the boxes are centred at (the given point when refinement was refused)
 * @param moved      max-norm distance from the given point to {@code center}
 * @param precision  the arithmetic that proved it: "double" or "N digits" (null when not certified)
 * @param reason     why it is not certified (null when it is)
 */
public record Certificate(boolean certified, Reality reality, double[] enclosure, double[] domain, double[] center,
                          double moved, String precision, String reason) {

    /** What is proved about the reality of the box's zero. */
    public enum Reality {
        /** The zero is real: the box is symmetric about the real subspace and the system has real coefficients. */
        REAL("real"),
        /** The zero is not real: the enclosure misses the real subspace in some coordinate. */
        NOT_REAL("not real"),
        /** Neither could be proved (a real box could not be certified, yet the enclosure meets the real subspace). */
        UNDECIDED("undecided"),
        /** The system has coefficients that are not real: conjugation does not map zeros to zeros. */
        NOT_APPLICABLE("system has non-real coefficients"),
        /** Not certified at all. */
        NONE("not certified");

        private final String label;

        Reality(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static Certificate failed(double[] center, double moved, String reason) {
        return new Certificate(false, Reality.NONE, null, null, center, moved, null, reason);
    }

    public boolean certifiedReal() {
        return certified && reality == Reality.REAL;
    }

    /** The number of coordinates. */
    public int dimension() {
        return center.length / 2;
    }

    @Override
    public double[] enclosure() {
        return enclosure == null ? null : enclosure.clone();
    }

    @Override
    public double[] domain() {
        return domain == null ? null : domain.clone();
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    /** The largest half-width of the enclosure over all real and imaginary parts (NaN when not certified). */
    public double radius() {
        if (enclosure == null) {
            return Double.NaN;
        }
        double r = 0;
        for (int k = 0; k < enclosure.length; k += 2) {
            r = Math.max(r, 0.5 * (enclosure[k + 1] - enclosure[k]));
        }
        return r;
    }
}
