package org.lps.nets.layer;

import java.util.Arrays;

/**
 * A trainable array of a layer: its name within the layer ({@code weight} or {@code bias}), its shape in
 * PyTorch's layout, and its values, row-major and writable (initializers and loaders write them in place).
 */
public final class Parameter {
    private final String name;
    private final int[] shape;
    private final float[] values;

    Parameter(String name, int... shape) {
        this.name = name;
        this.shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        this.values = new float[Math.toIntExact(n)];
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The live values: writes go straight into the layer. */
    public float[] values() {
        return values;
    }

    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
