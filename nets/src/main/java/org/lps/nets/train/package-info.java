/** Mini-batch training and evaluation on all cores, reproducible for a given seed and thread count. */
package org.lps.nets.train;
