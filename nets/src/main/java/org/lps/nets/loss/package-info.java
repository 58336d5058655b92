/** Losses on network outputs: softmax cross-entropy and mean squared error, row by row. */
package org.lps.nets.loss;
