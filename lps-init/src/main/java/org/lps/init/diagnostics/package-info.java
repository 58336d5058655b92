/**
 * Diagnostics of an initialization on data: the Gauss-Newton Hessian norm of every layer
 * ({@link org.lps.init.diagnostics.HessianNorms}), printed by {@code lps init --diagnose}.
 */
package org.lps.init.diagnostics;
