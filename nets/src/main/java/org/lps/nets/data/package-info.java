/** Datasets in memory, the IDX (MNIST) format, Fashion-MNIST (full set and the shipped subset). */
package org.lps.nets.data;
