package org.lps.nets.io;

import java.util.Arrays;

/** A named float array with its shape, row-major (C order): one entry of a weight file. */
public record NamedArray(String name, int[] shape, float[] values) {
    public NamedArray {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
