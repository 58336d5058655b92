/**
 * Sample shapes and the one heavy kernel, single-precision GEMM on row-major arrays (native BLAS through
 * JNI, pure Java otherwise). Tensors are flat {@code float[]} arrays, sample after sample, NCHW for images.
 */
package org.lps.nets.tensor;
