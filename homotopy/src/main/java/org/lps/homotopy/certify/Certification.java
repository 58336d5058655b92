package org.lps.homotopy.certify;

import java.util.List;

/**
 * Certificates for a list of points, in the order given, and what they prove about the set.
 *
 * @param certificates      one per point, in input order
 * @param certified         points whose box was certified (a point given twice counts twice here)
 * @param certifiedDistinct distinct zeros among the certified boxes: boxes whose zeros are proved equal (one box's
 *                          enclosure inside another's uniqueness domain) count once, and boxes are proved apart by
 *                          disjoint enclosures. Boxes that overlap without either proof are counted once with a note
 *                          in {@code ambiguous}, so this count is always a proved lower bound, exact when
 *                          {@code ambiguous} is 0
 * @param certifiedReal     of the distinct zeros, those proved real
 * @param sameAs            per point, the index of the first point certified to have the same zero (-1: none, or
 *                          not certified)
 * @param ambiguous         pairs of overlapping boxes neither proved equal nor apart (normally 0)
 * @param realCoefficients  whether the system has real coefficients (else no zero is proved real)
 * @param seconds           wall time of the certification
 * @param threads           worker threads used (the certificates do not depend on it)
 */
public record Certification(List<Certificate> certificates, int certified, int certifiedDistinct, int certifiedReal,
                            int[] sameAs, int ambiguous, boolean realCoefficients, double seconds, int threads) {

    public Certification {
        certificates = List.copyOf(certificates);
        sameAs = sameAs.clone();
    }

    @Override
    public int[] sameAs() {
        return sameAs.clone();
    }

    public Certificate get(int i) {
        return certificates.get(i);
    }

    public int size() {
        return certificates.size();
    }

    /** Points that were not certified. */
    public int uncertified() {
        return certificates.size() - certified;
    }
}
