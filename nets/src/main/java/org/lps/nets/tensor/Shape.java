package org.lps.nets.tensor;

import java.util.Arrays;

/**
 * The shape of one sample, without the batch dimension: {@code [784]} for a vector, {@code [C, H, W]} for an
 * image (PyTorch's NCHW layout, N being the batch). Immutable.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape dimensions must be positive: " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
        if (size() > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("shape too large: " + this);
        }
    }

    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    /** Parses {@code 1x28x28} or {@code 784}. */
    public static Shape parse(String s) {
        String[] parts = s.trim().split("x");
        int[] d = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                d[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a shape: '" + s + "' (expected e.g. 784 or 1x28x28)");
            }
        }
        return new Shape(d);
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of values in one sample. */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code 1x28x28}: the notation of the architecture strings. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            b.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return b.toString();
    }
}
