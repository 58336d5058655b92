/**
 * The initialization schemes other than LPS, one class each, all {@link org.lps.init.Initializer}s
 * registered with {@link java.util.ServiceLoader}: xavier-uniform (alias xavier), xavier-normal, he,
 * he-fan-out, lecun, orthogonal, kumar, fmp, hessian, rai. Formulas and their sources are in each class's
 * comment and in docs/init-schemes.md; fans are PyTorch's (dense in/out, conv in*kh*kw / out*kh*kw).
 *
 * <p>Every scheme draws each layer from its own {@link java.util.SplittableRandom}, split from the seed
 * in layer order, so the weights depend on the seed alone, never on threads.
 */
package org.lps.init.scheme;
