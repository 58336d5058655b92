/**
 * Weight initialization schemes by name: He and Xavier here, more registered by other modules through
 * {@link java.util.ServiceLoader}.
 */
package org.lps.nets.init;
