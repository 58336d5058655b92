package org.lps.init.lps.block;

import org.lps.homotopy.certify.Certification;

/**
 * What certification proved about a block solve ({@link BlockCertifier}).
 *
 * @param certification     the certificates of every solution of grad J = 0 the homotopy found
 * @param certifiedFinite   distinct zeros proved (each in a box holding exactly one)
 * @param certifiedReal     of those, proved real
 * @param certifiedMinima   strict local minima of J proved (real zero, Hessian positive definite over its box),
 *                          counted up to the block's symmetries as {@link BlockSolution#minima()} are: proved pairwise
 *                          inequivalent (no group element maps one's box onto another's), so J has at least this many
 *                          inequivalent strict local minima
 * @param minimaZeros       certified minima before grouping by symmetry
 * @param seconds           wall time of the certification
 */
public record BlockCertificate(Certification certification, int certifiedFinite, int certifiedReal,
                               int certifiedMinima, int minimaZeros, double seconds) {
}
