/**
 * A network as a JGraphT graph of layers: building it (by hand or from an architecture string), running it
 * forward and backward on one thread, and measuring its pre-activations on data.
 */
package org.lps.nets.model;
